import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AuditList, ConsentList, type AuditEntry, type Consent, type HelpRating } from '../../api/assisted/schema.ts';
import { myAuditQueryOptions, residentAssistedKeys, revokeMyConsent } from '../../api/assisted/resident.ts';
import { isApiError } from '../../api/errors.ts';
import { catalogueQueryOptions } from '../../api/procedures/queries.ts';
import { useMyHelp } from '../../components/assisted/use-my-help.ts';
import { ErrorPanel } from '../../components/errors/ErrorPanel.tsx';
import { BackLink } from '../../components/layout/BackLink.tsx';
import { usePageTitle } from '../../components/layout/use-document-title.ts';
import { Icon } from '../../components/ui/Icon.tsx';
import { formatDate, formatTime } from '../../lib/format.ts';
import { useOnline } from '../../lib/use-online.ts';
import { useSnapshot } from '../../offline/use-snapshot.ts';

const when = (iso: string, lng: string) => `${formatTime(new Date(iso), lng)} ${formatDate(iso, lng)}`;

/** Procedure names from the public catalogue (kept for offline use); the id until it loads. */
const useProcedureName = () => {
  const catalogue = useQuery(catalogueQueryOptions());
  return (id: string) => catalogue.data?.procedures.find((p) => p.id === id)?.name ?? id;
};

/**
 * /me/help — the resident, signed in as themself, sees every consent they gave a volunteer and
 * everything done under it (docs/domain/assisted.md): who, when, what was filed. A running
 * consent can be revoked here; each help can be rated once, apart from the dossier. The last
 * copy stays on the phone (wiped at sign-out), so the trail can be read offline.
 */
export const HelpPage = () => {
  const { t, i18n } = useTranslation('help');
  usePageTitle(t('title'));
  const { sub, consents: consentsQuery, ratings } = useMyHelp();
  const online = useOnline();
  const auditQuery = useQuery(myAuditQueryOptions(sub));
  const consentsCopy = useSnapshot(sub, 'assisted:consents', ConsentList, consentsQuery);
  const auditCopy = useSnapshot(sub, 'assisted:audit', AuditList, auditQuery);
  const consents = consentsQuery.data ?? consentsCopy?.data;
  const audit = auditQuery.data ?? auditCopy?.data;
  const staleAt = consentsQuery.data ? undefined : (consentsCopy?.fetchedAt ?? auditCopy?.fetchedAt);
  const failed = consentsQuery.isError && consentsCopy === null ? consentsQuery.error : auditQuery.isError && auditCopy === null ? auditQuery.error : null;

  return (
    <div className="help-page">
      <BackLink to="/me">{t('back')}</BackLink>
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>
      {staleAt ? (
        <p className="stale-notice" role="status">
          <Icon name="offline" size={20} /> <span>{t(online ? 'unreachable' : 'stale', { time: when(staleAt, i18n.language) })}</span>
        </p>
      ) : null}
      {failed ? (
        <ErrorPanel
          error={failed}
          onRetry={() => {
            void consentsQuery.refetch();
            void auditQuery.refetch();
          }}
          headingLevel="h2"
        />
      ) : null}
      {!consents && !failed ? <p className="loading">{t('loading')}</p> : null}
      {consents ? <Consents consents={consents.consents} ratings={ratings.data?.ratings} canAct={!staleAt} /> : null}
      {audit ? <Audit entries={audit.entries} /> : null}
    </div>
  );
};

const Consents = ({ consents, ratings, canAct }: { consents: Consent[]; ratings: HelpRating[] | undefined; canAct: boolean }) => {
  const { t, i18n } = useTranslation('help');
  const lng = i18n.language;
  const { t: tRating } = useTranslation('rating');
  const procedureName = useProcedureName();
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const messageRef = useRef<HTMLParagraphElement>(null);
  const say = (text: string, error: boolean) => {
    setMessage({ text, error });
    // The button may be gone once revoked: the message takes the focus.
    requestAnimationFrame(() => messageRef.current?.focus());
  };
  return (
    <section className="card" aria-labelledby="help-consents">
      <h2 id="help-consents">{t('consents.title')}</h2>
      {message ? (
        <p ref={messageRef} tabIndex={-1} className={message.error ? 'field-error' : 'notice'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      ) : null}
      {consents.length === 0 ? <p>{t('none')}</p> : null}
      <ul className="help-list">
        {consents.map((c) => {
          const rating = ratings?.find((r) => r.consentId === c.id);
          return (
            <li key={c.id}>
              <p>
                <strong>{t('consents.who', { name: c.volunteer.name, team: c.volunteer.team })}</strong>{' '}
                <span className="status-chip">{c.status === 'active' && c.validUntil ? t('consents.running', { time: when(c.validUntil, lng) }) : t(`consents.status.${c.status}`)}</span>
              </p>
              <p className="hint">
                {t('consents.given', { time: when(c.validUntil ? new Date(Date.parse(c.validUntil) - c.minutes * 60_000).toISOString() : c.createdAt, lng), minutes: c.minutes })}{' '}
                {t(`consents.method.${c.method}`)}
              </p>
              <p>{t('consents.procedures', { list: c.scope.procedures.map(procedureName).join('; ') })}</p>
              <p>{t('consents.data', { list: c.scope.data.map((d) => t(`data.${d}`)).join(', ') })}</p>
              {c.endedAt ? <p className="hint">{t('consents.endedAt', { time: when(c.endedAt, lng) })}</p> : null}
              {c.status === 'active' && canAct ? <Revoke consent={c} onDone={say} /> : null}
              {rating ? (
                <p>{t('rate.given', { level: tRating(`levels.${rating.overall}`) })}</p>
              ) : canAct && ratings ? (
                <p>
                  <Link to={`/me/help/${encodeURIComponent(c.id)}/rate`}>{t('rate.link', { name: c.volunteer.name })}</Link>
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
};

const refusalKey = (error: unknown) => {
  if (!isApiError(error)) return 'other';
  if (error.code === 'consent-not-active') return 'not-active';
  if (error.kind === 'not-found') return 'not-found';
  if (error.kind === 'offline' || error.kind === 'network' || error.kind === 'timeout') return 'offline';
  if (error.kind === 'unauthorized') return 'session';
  return 'other';
};

const Revoke = ({ consent, onDone }: { consent: Consent; onDone: (text: string, error: boolean) => void }) => {
  const { t } = useTranslation('help');
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const name = consent.volunteer.name;
  const revoke = async () => {
    if (!window.confirm(t('revoke.confirm', { name }))) return;
    setBusy(true);
    try {
      await revokeMyConsent(consent.id);
      onDone(t('revoke.done', { name }), false);
    } catch (error) {
      onDone(t(`revoke.refused.${refusalKey(error)}`), true);
    } finally {
      setBusy(false);
      // Revoked here or ended meanwhile: the list and the trail say so.
      void queryClient.invalidateQueries({ queryKey: residentAssistedKeys.all });
    }
  };
  return (
    <button type="button" className="button button--secondary" disabled={busy} onClick={() => void revoke()}>
      {busy ? t('revoke.busy') : t('revoke.button')}
      <span className="visually-hidden"> — {name}</span>
    </button>
  );
};

const Audit = ({ entries }: { entries: AuditEntry[] }) => {
  const { t, i18n } = useTranslation('help');
  const lng = i18n.language;
  const procedureName = useProcedureName();
  return (
    <section className="card" aria-labelledby="help-audit">
      <h2 id="help-audit">{t('audit.title')}</h2>
      {entries.length === 0 ? <p>{t('none')}</p> : null}
      <ol className="audit-list">
        {entries.map((e) => (
          <li key={e.id}>
            <p className="hint">{t('audit.entry', { time: when(e.at, lng), name: e.actor.name, team: e.actor.team })}</p>
            <p>
              <strong>{t(`audit.action.${e.action}`)}</strong>
              {e.procedureId ? ` — ${procedureName(e.procedureId)}` : null}
              {e.dossierCode ? (
                <>
                  {' — '}
                  <Link to={`/dossiers/${encodeURIComponent(e.dossierCode)}`}>{t('audit.dossier', { code: e.dossierCode })}</Link>
                </>
              ) : null}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
};
