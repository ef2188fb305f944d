import { useEffect, useRef, useState } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { procedureQueryOptions } from '../../api/procedures/queries.ts';
import { saveDraft } from '../../offline/personal-db.ts';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session.ts';
import { signIn } from '../../auth/actions.ts';
import { usePageTitle } from '../../components/layout/use-document-title.ts';
import { deleteOutboxItem, getOutboxItem } from '../../offline/personal-db.ts';
import { liveProgress, openItem, refusedForAnswers, retry, returnToForm, subscribeOutbox, waitingUntil } from '../../offline/outbox.ts';
import { formDefinitionQueryOptions } from '../../api/forms/queries.ts';
import type { FieldError } from '../../api/problem/schema.ts';
import type { FormDefinition } from '../../api/forms/schema.ts';
import type { Procedure } from '../../api/procedures/schema.ts';
import { langOf, useLocalizedProcedure } from '../../components/procedure/use-localized-procedure.ts';
import { ViOnly } from '../../components/procedure/ViOnly.tsx';
import { ProcedureName } from '../../components/procedure/ProcedureName.tsx';
import { Embed } from '../../components/procedure/Embed.tsx';
import { useOnline } from '../../lib/use-online.ts';

/** What happened to a submission: waiting for a connection, sending, refused, or sent. */
/** The backend refused a file by what is inside it (docs/domain/uploads.md). */
const FILE_REFUSALS = new Set(['unsupported-file', 'not-a-pdf', 'unreadable-image', 'too-many-pixels']);

/** Refusals the citizen fixes on the documents step (or, for the office, on the form before it). */
const FIXABLE = new Set(['papers-refused', 'unknown-agency', 'upload-lost', 'relationship-required']);

/** Which translated reason (documents:outbox.errors.*) a failed item shows. */
export const failureKey = (lastError: { kind: string; code?: string | undefined } | undefined): string => {
  if (lastError?.code && refusedForAnswers(lastError.code)) return lastError.code;
  if (lastError?.code === 'procedure-not-accepting') return 'closed';
  if (lastError?.code && FILE_REFUSALS.has(lastError.code)) return 'file-refused';
  if (lastError?.code && ['papers-refused', 'unknown-agency', 'upload-lost', 'relationship-required'].includes(lastError.code)) return lastError.code;
  return lastError?.kind ?? 'unknown';
};

/** A refused answer's field, by its label in the form when the form is at hand. */
const fieldLabel = (definition: FormDefinition | undefined, path: string, lng: string): string => {
  const [head = '', index, sub] = path.split('.');
  const field = definition?.sections.flatMap((s) => s.fields).find((f) => f.id === head);
  const text = (label: { vi: string; [lng: string]: string } | undefined, fallback: string) => (label ? (label[lng] ?? label.vi) : fallback);
  if (!field) return head;
  const inner = sub && field.type === 'group' ? field.fields.find((f) => f.id === sub) : undefined;
  return inner ? `${text(inner.label, sub ?? '')} (${Number(index) + 1})` : text(field.label, head);
};

/** The answers the backend refused, each with its reason; the form shows them again beside the fields. */
const RefusedAnswers = ({ procedureId, fields }: { procedureId: string; fields: FieldError[] }) => {
  const { t, i18n } = useTranslation(['documents', 'eform']);
  // Cached with the form (offline too); without it the fields are named by their ids.
  const definition = useQuery({ ...formDefinitionQueryOptions(procedureId), networkMode: 'offlineFirst' });
  return (
    <>
      <h3>{t('outbox.fieldErrors')}</h3>
      <ul>
        {fields.map((e) => (
          <li key={e.path}>
            {fieldLabel(definition.data, e.path, i18n.language)}: {t(e.code as 'validation.required', { ns: 'eform' })}
          </li>
        ))}
      </ul>
    </>
  );
};

/** "The office did not accept …: <the papers>", each paper named as the procedure's page names it. */
const PapersRefusedMessage = ({ names, lang }: { names: string; lang?: string | undefined }) => {
  const { t } = useTranslation('documents');
  return (
    <p>
      <Embed sentence={(papers) => t('outbox.errors.papers-refused', { papers })} value={names} lang={lang} />
    </p>
  );
};

/**
 * The refused papers by their names in the reader's language where the backend has them, the
 * official Vietnamese (marked, and said) otherwise (docs/architecture/decisions.md, 15).
 */
const PapersRefused = ({ procedure, requirements }: { procedure: Procedure; requirements: readonly string[] }) => {
  const text = useLocalizedProcedure(procedure);
  const names = requirements.map((r) => text.documents.value.find((d) => d.id === r)?.name ?? r).join('; ');
  return (
    <>
      <PapersRefusedMessage names={names} lang={langOf(text.documents, text)} />
      <ViOnly part={text.documents} text={text} />
    </>
  );
};

export const OutboxItemPage = () => {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('documents');
  const online = useOnline();
  const session = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const statusRef = useRef<HTMLDivElement>(null);
  // Taking a refused dossier back to its form: the item goes first, and this page must not send
  // the citizen to their dossiers meanwhile (that would win over the form, still loading).
  const [leaving, setLeaving] = useState(false);
  usePageTitle(t('outbox.title'));
  // A resident's dossier queued while helping is sealed at rest: opened, so that fixing it keeps what was typed and picked.
  const item = useQuery({
    queryKey: ['outbox-item', id],
    queryFn: async () => {
      const stored = await getOutboxItem(id);
      return stored ? ((await openItem(stored)) ?? stored) : null;
    },
    networkMode: 'always',
    gcTime: 0,
  });
  useEffect(() => subscribeOutbox(() => void queryClient.invalidateQueries({ queryKey: ['outbox-item', id] })), [queryClient, id]);

  const procedure = useQuery({ ...procedureQueryOptions(item.data?.procedureId ?? ''), enabled: Boolean(item.data?.procedureId) });

  if (item.isPending) return <p className="loading">{t('loading')}</p>;
  const data = item.data;
  if (!data && leaving) return <p className="loading">{t('loading')}</p>;
  if (!data || data.owner !== session?.sub) return <Navigate to="/dossiers" replace />;
  // A rating waits, is refused or is sent where it was given.
  if (data.type === 'rating' && data.dossierCode) return <Navigate to={`/dossiers/${encodeURIComponent(data.dossierCode)}/rate`} replace />;
  if (data.state === 'sent' && data.dossierCode) {
    const dossier = `/dossiers/${encodeURIComponent(data.dossierCode)}`;
    return <Navigate to={data.type === 'supplement' ? `${dossier}?supplement=sent` : `${dossier}/receipt`} replace />;
  }

  const retryAt = waitingUntil(data);
  const retryTime = (at: number) => new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(at);
  /** The answers and papers go back into a draft, and the unsent item goes: nothing typed or picked is lost. */
  const fix = async () => {
    const now = new Date().toISOString();
    await saveDraft({
      owner: data.owner,
      procedureId: data.procedureId,
      procedureName: data.procedureName,
      definitionVersion: 0,
      values: data.values,
      provenance: {},
      prefilledCount: 0,
      updatedAt: now,
      attachments: data.attachments,
      ...(data.onBehalf ? { relationship: data.onBehalf.relationship } : {}),
    });
    await deleteOutboxItem(data.id);
    // Refused for want of the filer's relationship to the resident: asked for again beside its field.
    const relationship = data.lastError?.code === 'relationship-required' ? '&relationship=required' : '';
    void navigate(`/services/${encodeURIComponent(data.procedureId)}/apply/documents?refused=${encodeURIComponent((data.lastError?.requirements ?? []).join(','))}${relationship}`, { replace: true });
  };

  return (
    <div className="apply">
      <h1>{t('outbox.title')}</h1>
      <p className="apply__procedure">
        <ProcedureName procedure={{ name: data.procedureName, nameEn: procedure.data?.nameEn }} />
      </p>
      <div role="status" aria-live="polite" className="apply-card" tabIndex={-1} ref={statusRef}>
        {data.state === 'failed' ? (
          <>
            <h2>{t('outbox.failedTitle')}</h2>
            {failureKey(data.lastError) !== 'papers-refused' ? (
              <p>{t(`outbox.errors.${failureKey(data.lastError)}`, { defaultValue: t('outbox.errors.unknown'), name: data.lastError?.fileName ?? '' })}</p>
            ) : procedure.data ? (
              <PapersRefused procedure={procedure.data} requirements={data.lastError?.requirements ?? []} />
            ) : (
              // Offline with no copy of the procedure: the papers by their ids, as the office named them.
              <PapersRefusedMessage names={(data.lastError?.requirements ?? []).join('; ')} />
            )}
            {data.lastError?.fields?.length ? <RefusedAnswers procedureId={data.procedureId} fields={data.lastError.fields} /> : null}
          </>
        ) : data.state === 'sending' ? (
          <>
            <h2>{t('outbox.sendingTitle')}</h2>
            <progress max={1} value={liveProgress(data)} aria-label={t('outbox.progress')} />
          </>
        ) : (
          <>
            <h2>{t('outbox.waitingTitle')}</h2>
            <p>
              {!online
                ? t('outbox.waitingOffline')
                : data.lastError?.kind === 'unauthorized'
                  ? t('outbox.signInAgain')
                  : retryAt !== undefined
                    ? t('outbox.errors.rate-limited', { time: retryTime(retryAt) })
                  : data.lastError
                    ? t('outbox.lastAttemptFailed')
                    : t('outbox.waitingOnline')}
            </p>
          </>
        )}
        <p className="hint">{t('outbox.safe')}</p>
      </div>
      {data.state === 'queued' && data.lastError?.kind === 'unauthorized' ? (
        // Refused for want of a live session: the one-tap way back, to this page.
        <button type="button" className="button button--primary button--block" disabled={!online} onClick={() => void signIn(`/outbox/${encodeURIComponent(data.id)}`)}>
          {t('outbox.signInToSend')}
        </button>
      ) : null}
      {data.state === 'failed' && data.type === 'dossier' && refusedForAnswers(data.lastError?.code) ? (
        // Refused for its answers: back to the form as it was filled in, papers kept, each refusal beside its field.
        <button
          type="button"
          className="button button--primary button--block"
          onClick={() => {
            setLeaving(true);
            void returnToForm(data).then(() => navigate(`/services/${encodeURIComponent(data.procedureId)}/apply`, { replace: true }));
          }}
        >
          {t('outbox.fixAnswers')}
        </button>
      ) : null}
      {data.state !== 'sending' && !refusedForAnswers(data.lastError?.code) ? (
        <button
          type="button"
          className="button button--primary button--block"
          disabled={!online}
          onClick={() => {
            // The button goes away while sending: keep the keyboard on what happens next.
            statusRef.current?.focus();
            void retry(data.id).then(() => window.dispatchEvent(new Event('mcs:drain-outbox')));
          }}
        >
          {t('outbox.retry')}
        </button>
      ) : null}
      {data.state === 'failed' && data.type === 'dossier' && FIXABLE.has(data.lastError?.code ?? '') ? (
        // Back to the documents step with everything as it was sent, to change what was refused.
        <button type="button" className="button button--primary button--block" onClick={() => void fix()}>
          {t('outbox.fix')}
        </button>
      ) : null}
      {data.state === 'failed' ? (
        // Refused for good (a paper the office will not take): the citizen can start over.
        <button
          type="button"
          className="button button--secondary button--danger button--block"
          onClick={() => {
            if (window.confirm(t('outbox.confirmDiscard'))) void deleteOutboxItem(data.id).then(() => navigate('/dossiers', { replace: true }));
          }}
        >
          {t('outbox.discard')}
        </button>
      ) : null}
      <Link to="/dossiers" className="button button--secondary button--block">
        {t('outbox.toDossiers')}
      </Link>
    </div>
  );
};
