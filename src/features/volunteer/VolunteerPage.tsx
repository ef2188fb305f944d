import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FLAG_RULES, VolunteerStats, type VolunteerMonth } from '../../api/assisted/schema.ts';
import { getVolunteerStatsCsv, volunteerStatsQueryOptions } from '../../api/assisted/team.ts';
import { isApiError } from '../../api/errors.ts';
import { useSession } from '../../auth/session.ts';
import { saveFile } from '../../components/documents/download.ts';
import { ErrorPanel } from '../../components/errors/ErrorPanel.tsx';
import { usePageTitle } from '../../components/layout/use-document-title.ts';
import { Icon } from '../../components/ui/Icon.tsx';
import { formatDate, formatTime } from '../../lib/format.ts';
import { useOnline } from '../../lib/use-online.ts';
import { useSnapshot } from '../../offline/use-snapshot.ts';

const when = (iso: string, lng: string) => `${formatTime(new Date(iso), lng)} ${formatDate(iso, lng)}`;

/** "2026-12" as people say it: "tháng 12 năm 2026" / "December 2026". */
const monthName = (month: string, lng: string) => {
  const name = new Intl.DateTimeFormat(lng === 'en' ? 'en-GB' : 'vi-VN', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
  return name.charAt(0).toLocaleUpperCase(lng) + name.slice(1);
};

const notVolunteer = (error: unknown) => isApiError(error) && error.code === 'not-a-volunteer';

/**
 * /volunteer — a community digital-technology volunteer's own figures for the commune's report
 * (docs/domain/assisted.md): residents helped and the dossiers' statuses by month, procedure
 * and code only, nothing personal; the CSV the backend writes for the report; the flags the team
 * lead sees. Anyone else is told the page is for volunteers (the backend refuses them too).
 */
export const VolunteerPage = () => {
  const { t, i18n } = useTranslation('volunteer');
  usePageTitle(t('title'));
  const session = useSession();
  const sub = session?.sub ?? '';
  const online = useOnline();
  const query = useQuery({ ...volunteerStatsQueryOptions(sub), retry: (count, error) => !notVolunteer(error) && count < 2 });
  const copy = useSnapshot(sub, 'assisted:volunteer-stats', VolunteerStats, { ...query, isError: query.isError && !notVolunteer(query.error) });
  const stats = query.data ?? copy?.data;

  if (query.isError && notVolunteer(query.error)) {
    return (
      <div className="volunteer-page">
        <h1>{t('title')}</h1>
        <section className="error-summary" role="alert" aria-labelledby="volunteer-refused">
          <h2 id="volunteer-refused">{t('notVolunteer.title')}</h2>
          <p>{t('notVolunteer.body')}</p>
        </section>
      </div>
    );
  }
  return (
    <div className="volunteer-page">
      <h1>{t('title')}</h1>
      {stats ? <p className="lead">{`${stats.volunteer.name} — ${t('team', { team: stats.volunteer.team, commune: stats.volunteer.communeName })}`}</p> : null}
      <p>{t('lead')}</p>
      {!query.data && copy ? (
        <p className="stale-notice" role="status">
          <Icon name="offline" size={20} /> <span>{t(online ? 'unreachable' : 'stale', { time: when(copy.fetchedAt, i18n.language) })}</span>
        </p>
      ) : null}
      {query.isError && copy === null ? <ErrorPanel error={query.error} onRetry={() => void query.refetch()} headingLevel="h2" /> : null}
      {!stats && !(query.isError && copy === null) ? <p className="loading">{t('loading')}</p> : null}
      {stats ? (
        <>
          <CsvDownload />
          {stats.flags.length > 0 ? <Flags flags={stats.flags} /> : null}
          {stats.months.length === 0 ? <p>{t('none')}</p> : stats.months.map((m) => <Month key={m.month} month={m} />)}
        </>
      ) : null}
    </div>
  );
};

const CsvDownload = () => {
  const { t } = useTranslation('volunteer');
  const [state, setState] = useState<'idle' | 'busy' | 'offline' | 'failed'>('idle');
  const download = async () => {
    setState('busy');
    try {
      const blob = await getVolunteerStatsCsv();
      saveFile(blob, `ho-tro-nop-ho-so-${new Date().toISOString().slice(0, 10)}.csv`);
      setState('idle');
    } catch (error) {
      const kind = isApiError(error) ? error.kind : 'network';
      setState(kind === 'offline' || kind === 'network' || kind === 'timeout' ? 'offline' : 'failed');
    }
  };
  return (
    <div className="card">
      <button type="button" className="button button--primary" disabled={state === 'busy'} onClick={() => void download()}>
        {state === 'busy' ? t('csv.busy') : t('csv.button')}
      </button>
      <p className="hint">{t('csv.hint')}</p>
      {state === 'offline' || state === 'failed' ? (
        <p className="field-error" role="alert">
          {t(state === 'offline' ? 'csv.offline' : 'csv.failed')}
        </p>
      ) : null}
    </div>
  );
};

const Flags = ({ flags }: { flags: VolunteerStats['flags'] }) => {
  const { t, i18n } = useTranslation('volunteer');
  return (
    <section className="notice" aria-labelledby="volunteer-flags">
      <h2 id="volunteer-flags">{t('flags.title')}</h2>
      <p>{t('flags.lead')}</p>
      <ul>
        {flags.map((f) => (
          <li key={`${f.kind}-${f.at}`}>{t(`flags.${f.kind}`, { time: when(f.at, i18n.language), count: FLAG_RULES.residentsPerHour })}</li>
        ))}
      </ul>
    </section>
  );
};

const Month = ({ month: m }: { month: VolunteerMonth }) => {
  const { t, i18n } = useTranslation('volunteer');
  const lng = i18n.language;
  const name = monthName(m.month, lng);
  const id = `month-${m.month}`;
  const statusLabel = (status: string) => t(`dossiers:status.${status}` as 'dossiers:status.received', { defaultValue: status });
  const byStatus = [...m.dossiers.reduce((counts, d) => counts.set(d.status, (counts.get(d.status) ?? 0) + 1), new Map<string, number>())];
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{t('month.title', { month: name })}</h2>
      <dl className="figures">
        <div>
          <dt>{t('month.residents')}</dt>
          <dd>{m.residents}</dd>
        </div>
        <div>
          <dt>{t('month.dossiers')}</dt>
          <dd>{m.dossiers.length}</dd>
        </div>
      </dl>
      {byStatus.length > 0 ? (
        <>
          <h3>{t('month.byStatus')}</h3>
          <ul>
            {byStatus.map(([status, count]) => (
              <li key={status}>
                {statusLabel(status)}: <strong>{count}</strong>
              </li>
            ))}
          </ul>
          <div className="table-scroll" role="region" aria-labelledby={`${id}-table`} tabIndex={0}>
            <table className="volunteer-table">
              <caption id={`${id}-table`}>{t('month.table', { month: name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('month.procedure')}</th>
                  <th scope="col">{t('month.code')}</th>
                  <th scope="col">{t('month.status')}</th>
                  <th scope="col">{t('month.submitted')}</th>
                </tr>
              </thead>
              <tbody>
                {m.dossiers.map((d) => (
                  <tr key={d.code}>
                    <td>{d.procedureName}</td>
                    <td className="code">{d.code}</td>
                    <td>{statusLabel(d.status)}</td>
                    <td>{formatDate(d.submittedAt, lng)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
};
