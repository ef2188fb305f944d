import { Link, Navigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session.ts';
import { getNowServing, readEnrolment } from '../../api/kiosk/requests.ts';
import type { Enrolment } from '../../api/kiosk/schema.ts';
import { usePageTitle } from '../../components/layout/use-document-title.ts';

/** How often the hall's screen asks which numbers the counters are serving. */
export const NOW_SERVING_POLL_MS = 10_000;

/** The hall's home screen: the centre, five large tiles and the numbers being served. */
export const KioskHomePage = () => {
  const { t } = useTranslation('kiosk');
  usePageTitle(t('home.title'));
  const session = useSession();
  const enrolment = readEnrolment();
  if (!enrolment) return <Navigate to="/kiosk/setup" replace />;
  const tiles = [
    // The receipt's QR code to the camera; typing the code on the keypad is one touch from there.
    { to: '/kiosk/scan', title: t('home.lookUp'), hint: t('home.lookUpHint') },
    { to: '/kiosk/queue', title: t('home.queue'), hint: t('home.queueHint') },
    { to: '/services', title: t('home.find'), hint: t('home.findHint') },
    { to: session ? '/services' : '/signin?returnTo=%2Fservices', title: t('home.file'), hint: t('home.fileHint') },
    // Rating starts from a finished dossier's look-up: /track offers it with the look-up's rating
    // token, and on an enrolled kiosk the rating's channel is 'kiosk' (auth/device.ts, read at run time).
    { to: '/track', title: t('home.rate'), hint: t('home.rateHint') },
  ];
  return (
    <div className="kiosk-home">
      <h1>{t('home.title')}</h1>
      <ul className="kiosk-tiles">
        {tiles.map((tile) => (
          <li key={tile.title}>
            <Link className="kiosk-tile" to={tile.to} replace>
              {tile.title}
              <span>{tile.hint}</span>
            </Link>
          </li>
        ))}
      </ul>
      <NowServing enrolment={enrolment} />
    </div>
  );
};

const NowServing = ({ enrolment }: { enrolment: Enrolment }) => {
  const { t, i18n } = useTranslation('kiosk');
  const serving = useQuery({ queryKey: ['kiosk', 'now-serving'], queryFn: ({ signal }) => getNowServing(signal), refetchInterval: NOW_SERVING_POLL_MS });
  return (
    <section className="kiosk-serving" aria-labelledby="kiosk-serving-title">
      <h2 id="kiosk-serving-title">{t('home.nowServing')}</h2>
      {serving.isError && !serving.data ? <p className="notice">{t('home.servingUnavailable')}</p> : null}
      <ul>
        {enrolment.counterGroups.map((group) => {
          const now = serving.data?.groups.find((g) => g.counterGroupId === group.id);
          return (
            <li key={group.id}>
              <strong>{i18n.resolvedLanguage === 'en' ? group.nameEn : group.name}</strong> · {t('home.counters', { counters: group.counters.join(', ') })}
              <span className="kiosk-serving__number" data-testid={`serving-${group.id}`}>
                {now?.serving ?? (serving.data ? t('home.noneYet') : '…')}
              </span>
              {now ? t('home.waiting', { count: now.waiting }) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
};
