import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ASSISTED_IDLE_SECONDS } from '../../api/assisted/schema.ts';
import { useActingSession } from '../../auth/session.ts';
import { IdleGuard } from '../../components/kiosk/IdleGuard.tsx';
import { endHelp } from './end-help.ts';

/** The kiosk's countdown before the end (WCAG 2.2.1: at least 20 s to answer). */
const COUNTDOWN_SECONDS = 30;

/**
 * Above every page while a volunteer helps a resident (docs/domain/assisted.md): whom, until
 * when, and End — which, like 10 minutes without input, removes everything of the resident's
 * from the phone except their dossiers waiting to be sent.
 */
export const AssistedBanner = () => {
  const { t, i18n } = useTranslation('assisted');
  const acting = useActingSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [ending, setEnding] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, []);
  if (!acting) return null;
  const end = () => {
    setEnding(true);
    void endHelp(queryClient).finally(() => {
      setEnding(false);
      void navigate('/assist?ended=1', { replace: true });
    });
  };
  const until = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit', hour12: false }).format(acting.expiresAt * 1000);
  // Ran out here, or the backend refused its token: revoked by the resident, ended, expired.
  const expired = acting.gone === 'consent-expired' || (!acting.gone && acting.expiresAt * 1000 <= now);
  const over = expired ? 'banner.expired' : acting.gone === 'consent-revoked' ? 'banner.revoked' : acting.gone === 'consent-ended' ? 'banner.endedElsewhere' : undefined;
  return (
    <section className="assisted-banner" aria-label={t('banner.label')}>
      <p className="assisted-banner__text" role={over ? 'alert' : undefined}>
        <strong>{over ? t(over, { name: acting.name }) : t('banner.helping', { name: acting.name, time: until })}</strong>
      </p>
      <button type="button" className="button button--secondary assisted-banner__end" onClick={end} disabled={ending}>
        {ending ? t('banner.ending') : t('banner.end')}
      </button>
      <IdleGuard active={!ending} idleSeconds={ASSISTED_IDLE_SECONDS} countdownSeconds={COUNTDOWN_SECONDS} onEnd={end} body={t('banner.idle')} />
    </section>
  );
};

export default AssistedBanner;
