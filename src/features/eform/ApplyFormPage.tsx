import { useCallback, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { procedureQueryOptions } from '../../api/procedures/queries.ts';
import { formDefinitionQueryOptions } from '../../api/forms/queries.ts';
import { correctionsQueryOptions, dataStoreQueryOptions, meKeys } from '../../api/me/queries.ts';
import { isExpired, useActingSession, useSession } from '../../auth/session.ts';
import { usePageTitle } from '../../components/layout/use-document-title.ts';
import { ErrorPanel } from '../../components/errors/ErrorPanel.tsx';
import { Icon } from '../../components/ui/Icon.tsx';
import { LevelBadge } from '../../components/LevelBadge.tsx';
import { useOnline } from '../../lib/use-online.ts';
import { formatDate } from '../../lib/format.ts';
import { listOutbox } from '../../offline/personal-db.ts';
import { localText } from './definition.ts';
import { EForm } from './EForm.tsx';
import { SavedStatus } from './SavedStatus.tsx';
import { useDraft } from './use-draft.ts';
import { ProcedureName } from '../../components/procedure/ProcedureName.tsx';

const RECENT_MS = 30 * 24 * 3600_000;

export const ApplyFormPage = () => {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('eform');
  const navigate = useNavigate();
  const session = useSession();
  const online = useOnline();
  const { data: procedure } = useSuspenseQuery(procedureQueryOptions(id));
  const { data: definition } = useSuspenseQuery(formDefinitionQueryOptions(id));
  const owner = session?.sub ?? '';
  const state = useDraft(owner, procedure, definition);
  // A volunteer filing for a resident (docs/domain/assisted.md): what only the resident may ask for is not offered.
  const acting = useActingSession();
  const onBehalfName = acting && acting.sub === owner && procedure.notOnBehalf?.length ? acting.name : undefined;
  const onBehalf = useMemo(() => (onBehalfName !== undefined && procedure.notOnBehalf ? { name: onBehalfName, notOnBehalf: procedure.notOnBehalf } : undefined), [onBehalfName, procedure.notOnBehalf]);
  const live = Boolean(session && !isExpired(session));
  // For listing stored documents; the form itself never waits for it.
  const dataStore = useQuery({ ...dataStoreQueryOptions(owner), enabled: live && online && state.status === 'ready' });
  // Requests to correct a locked value, kept by the backend: shown pending on their field.
  const corrections = useQuery({ ...correctionsQueryOptions(owner), enabled: live && online && state.status === 'ready' });
  const queryClient = useQueryClient();
  const onCorrectionFiled = useCallback(() => void queryClient.invalidateQueries({ queryKey: meKeys.corrections(owner) }), [queryClient, owner]);
  // Applied for this already from this phone (Back from the receipt, a second try): say so.
  const recent = useQuery({
    queryKey: ['outbox-recent', owner, procedure.id],
    queryFn: async () =>
      (await listOutbox(owner)).filter((i) => i.type === 'dossier' && i.procedureId === procedure.id && Date.now() - Date.parse(i.createdAt) < RECENT_MS).at(-1) ?? null,
    enabled: Boolean(owner),
    networkMode: 'always',
    gcTime: 0,
  });
  const [savedAt, setSavedAt] = useState<string | null>(null);
  // Stable, so the form (memoised) is not re-rendered each time the draft is saved.
  const onSaved = useCallback((draft: { updatedAt: string }) => setSavedAt(draft.updatedAt), []);
  const onComplete = useCallback(() => void navigate(`/services/${procedure.id}/apply/check`), [navigate, procedure.id]);
  usePageTitle(localText(definition.title, i18n.language));

  return (
    <div className="apply">
      <Link to={`/services/${procedure.id}`} className="back-link">
        <Icon name="back" size={20} />
        {t('backToProcedure')}
      </Link>
      <h1>{localText(definition.title, i18n.language)}</h1>
      <p className="apply__procedure">
        <ProcedureName procedure={procedure} /> <LevelBadge level={procedure.level} />
      </p>
      {session && !live ? (
        <div className="notice" role="status">
          <p>{t('sessionExpiredDraft')}</p>
        </div>
      ) : null}
      {recent.data ? (
        <div className="notice" role="status">
          <p>
            {recent.data.state === 'sent' && recent.data.dossierCode
              ? t('alreadySubmitted', { date: formatDate(recent.data.createdAt, i18n.language), code: recent.data.dossierCode })
              : t('alreadyQueued', { date: formatDate(recent.data.createdAt, i18n.language) })}
          </p>
          <p>
            <Link to={recent.data.state === 'sent' && recent.data.dossierCode ? `/dossiers/${encodeURIComponent(recent.data.dossierCode)}` : `/outbox/${recent.data.id}`}>
              {t('alreadySubmittedLink')}
            </Link>
          </p>
        </div>
      ) : null}
      {state.status === 'loading' ? <p className="loading">{t('preparing')}</p> : null}
      {state.status === 'error' ? <ErrorPanel error={state.error} onRetry={state.retry} headingLevel="h2" /> : null}
      {state.status === 'ready' ? (
        <>
          {state.dropped ? (
            <div className="notice" role="status">
              <p>{t('draftDropped')}</p>
            </div>
          ) : null}
          <SavedStatus savedAt={savedAt ?? state.draft.updatedAt} />
          <EForm
            key={state.draft.procedureId}
            definition={definition}
            draft={state.draft}
            dataStore={dataStore.data}
            corrections={corrections.data}
            onCorrectionFiled={onCorrectionFiled}
            onSaved={onSaved}
            onComplete={onComplete}
            onBehalf={onBehalf}
          />
        </>
      ) : null}
    </div>
  );
};
