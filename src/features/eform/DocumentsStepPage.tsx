import { useRef, useState } from 'react';
import { Link, Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { procedureQueryOptions } from '../../api/procedures/queries.ts';
import { formDefinitionQueryOptions } from '../../api/forms/queries.ts';
import { dataStoreQueryOptions } from '../../api/me/queries.ts';
import { UPLOAD_LIMITS } from '../../api/dossiers/schema.ts';
import type { DocumentType } from '../../api/me/schema.ts';
import { copiesAskedFor, feeFor } from '../../api/procedures/fees.ts';
import { checkPapers, type PaperProblem } from '../../api/procedures/papers.ts';
import { isExpired, useActingSession, useSession } from '../../auth/session.ts';
import { FILER_RELATIONSHIPS, authorisationNeeded, type FilerRelationship } from '../../api/procedures/schema.ts';
import { FieldFrame } from '../../components/forms/FieldFrame.tsx';
import { usePageTitle } from '../../components/layout/use-document-title.ts';
import { Icon } from '../../components/ui/Icon.tsx';
import { DocumentPicker } from '../../components/documents/DocumentPicker.tsx';
import { attachmentsFromForm, combinePhotos } from '../../components/documents/attachments.ts';
import { ErrorSummary } from '../../components/forms/ErrorSummary.tsx';
import { deleteDraft, loadDraft, saveDraft, type Attachment, type Draft } from '../../offline/personal-db.ts';
import { failureOf, trackWrite, type WriteFailure } from '../../offline/storage-health.ts';
import { enqueue } from '../../offline/outbox.ts';
import { formatBytes, formatMoney } from '../../lib/format.ts';
import { useOnline } from '../../lib/use-online.ts';
import { deviceMode } from '../../auth/device.ts';
import { langOf, useLocalizedProcedure } from '../../components/procedure/use-localized-procedure.ts';
import { ViOnly } from '../../components/procedure/ViOnly.tsx';
import { ProcedureName } from '../../components/procedure/ProcedureName.tsx';
import { toSubmission } from './submission.ts';
import { localText } from './definition.ts';
import { inputId } from './fields/input-id.ts';
import { NOT_ON_BEHALF_MESSAGE, checkAnswersOnBehalf } from '../../api/procedures/on-behalf.ts';

/** Step 3: the papers, then Submit — which puts the dossier in the outbox, online or not. */
export const DocumentsStepPage = () => {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('documents');
  const navigate = useNavigate();
  const session = useSession();
  const owner = session?.sub ?? '';
  // A volunteer filing for a resident (docs/domain/assisted.md): where the procedure asks, who
  // they are to the resident, and the resident's written authorisation unless a relative it names.
  const acting = useActingSession();
  const online = useOnline();
  const kiosk = deviceMode() === 'kiosk';
  const [kioskOffline, setKioskOffline] = useState(false);
  const live = Boolean(session && !isExpired(session));
  const { data: procedure } = useSuspenseQuery(procedureQueryOptions(id));
  const { data: definition } = useSuspenseQuery(formDefinitionQueryOptions(id));
  // The papers' names in the reader's language where the backend has them (docs/architecture/decisions.md, 15).
  const text = useLocalizedProcedure(procedure);
  const papersLang = langOf(text.documents, text);
  const draftQuery = useQuery({
    queryKey: ['draft', owner, id, 'documents'],
    queryFn: async () => (await loadDraft(owner, id)) ?? null,
    gcTime: 0,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    networkMode: 'always',
  });
  const dataStore = useQuery({ ...dataStoreQueryOptions(owner), enabled: live && online });
  const [attachments, setAttachments] = useState<Attachment[] | null>(null);
  // Papers refused by the same check the office runs (papers.ts): missing, or of a type it does not take.
  const [searchParams] = useSearchParams();
  const [refused, setRefused] = useState<PaperProblem[]>([]);
  // Back from the outbox after the office refused papers (?refused=<ids>): shown until changed.
  const [officeRefused, setOfficeRefused] = useState(() => (searchParams.get('refused') ?? '').split(',').filter(Boolean));
  const [submitting, setSubmitting] = useState(false);
  const [relationship, setRelationship] = useState<FilerRelationship | '' | null>(null);
  // Asked for and not given (here, or by the backend: back from the outbox with ?relationship=required).
  const [relationshipMissing, setRelationshipMissing] = useState(() => searchParams.get('relationship') === 'required');
  const relationshipRef = useRef<HTMLSelectElement>(null);
  // Pickers still checking or compressing a file: sending now would leave that file out.
  const [processing, setProcessing] = useState(0);
  const [failed, setFailed] = useState(false);
  // A file that could not be stored on the phone is taken off the list, and this says why.
  const [notStored, setNotStored] = useState<{ names: string; failure: WriteFailure } | null>(null);
  // One key per submission attempt on this page: a double tap cannot queue two dossiers.
  const submissionKey = useRef(crypto.randomUUID());
  const summaryRef = useRef<HTMLDivElement>(null);
  const answersRef = useRef<HTMLDivElement>(null);
  usePageTitle(t('title'));

  if (draftQuery.isPending) return <p className="loading">{t('loading')}</p>;
  const draft = draftQuery.data;
  if (!draft) return <Navigate to={`/services/${id}/apply`} replace />;
  const current = attachments ?? draft.attachments ?? attachmentsFromForm(definition, toSubmission(definition, draft.values), procedure, dataStore.data?.documents);
  // A stored paper's type comes from the data store; one no longer there is left to the office.
  const typeOf = (documentId: string) => dataStore.data?.documents?.find((d) => d.id === documentId)?.type ?? null;
  const onBehalfRule = acting && acting.sub === owner ? procedure.onBehalf : undefined;
  const filer = relationship ?? draft.relationship ?? '';
  const needsAuthorisation = onBehalfRule !== undefined && authorisationNeeded(onBehalfRule, filer || null);
  const check = () =>
    checkPapers(
      procedure,
      current.map((a) => ({ requirement: a.requirement, type: a.kind === 'data-store' ? typeOf(a.documentId) : null })),
      onBehalfRule ? { onBehalf: { relationship: filer || null } } : {},
    );
  const shown: PaperProblem[] =
    refused.length > 0 || officeRefused.length === 0
      ? refused
      : officeRefused.map((requirement) => check().find((p) => p.requirement === requirement) ?? { requirement, reason: 'wrong-type', accepts: procedure.documents.find((d) => d.id === requirement)?.accepts ?? [] });
  const refusalOf = (requirement: string) => shown.find((p) => p.requirement === requirement);
  const submitted = toSubmission(definition, draft.values);
  // Filing for someone else: a choice only the person may make (the form does not offer it; a
  // draft from before may hold it) is refused here as the backend would, and fixed on the form.
  const answersRefused = acting && acting.sub === owner ? checkAnswersOnBehalf(procedure, submitted) : [];
  const refusedFieldIds = [...new Set(answersRefused.map((r) => r.field))];
  const fixAnswers = async () => {
    await saveDraft({ ...draft, attachments: current, serverErrors: refusedFieldIds.map((path) => ({ path, code: NOT_ON_BEHALF_MESSAGE })), updatedAt: new Date().toISOString() }).catch(() => undefined);
    void navigate(`/services/${id}/apply#${inputId(refusedFieldIds[0] ?? '')}`);
  };
  const fee = feeFor(procedure, { channel: 'online', copies: copiesAskedFor(procedure, submitted) }).total;

  const initial = current;
  const acceptedList = (types: readonly DocumentType[] | undefined) =>
    new Intl.ListFormat(i18n.language, { type: 'disjunction' }).format((types ?? []).map((type) => t(`documentTypes.${type}` as const)));
  const update = (requirement: string, change: (mine: Attachment[]) => Attachment[]) => {
    setAttachments((previous) => {
      const base = previous ?? initial;
      const all = [...base.filter((a) => a.requirement !== requirement), ...change(base.filter((a) => a.requirement === requirement))];
      const saved: Draft = { ...draft, attachments: all, ...(filer ? { relationship: filer } : {}), updatedAt: new Date().toISOString() };
      const added = all.filter((a) => !base.includes(a));
      void trackWrite('draft', saveDraft(saved)).then(
        () => setNotStored(null),
        (error: unknown) => {
          if (added.length === 0) return;
          setAttachments((now) => (now ?? all).filter((a) => !added.includes(a)));
          setNotStored({ names: added.map((a) => (a.kind === 'file' ? a.name : '')).filter(Boolean).join(', '), failure: failureOf(error) });
        },
      );
      return all;
    });
    setRefused((r) => r.filter((p) => p.requirement !== requirement));
    setOfficeRefused((r) => r.filter((id) => id !== requirement));
  };

  const chooseRelationship = (value: FilerRelationship | '') => {
    setRelationship(value);
    setRelationshipMissing(false);
    const { relationship: _, ...rest } = draft;
    void saveDraft({ ...rest, attachments: current, ...(value ? { relationship: value } : {}), updatedAt: new Date().toISOString() }).catch(() => undefined);
    // The authorisation may have become needed, or not: its paper is checked again at Submit.
    setRefused((r) => r.filter((p) => p.requirement !== onBehalfRule?.authorisation));
  };

  const submit = async () => {
    if (answersRefused.length > 0) {
      requestAnimationFrame(() => answersRef.current?.focus());
      return;
    }
    const problems = check();
    const noRelationship = onBehalfRule !== undefined && filer === '';
    setRefused(problems);
    setOfficeRefused([]);
    setRelationshipMissing(noRelationship);
    if (noRelationship) {
      requestAnimationFrame(() => relationshipRef.current?.focus());
      return;
    }
    if (problems.length > 0) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    if (processing > 0) return;
    // A kiosk sends online or not at all: nothing of a person waits on a shared device.
    if (kiosk && !navigator.onLine) {
      setKioskOffline(true);
      return;
    }
    setKioskOffline(false);
    setSubmitting(true);
    setFailed(false);
    const key = submissionKey.current;
    try {
      await enqueue({
        id: key,
        owner,
        type: 'dossier',
        procedureId: procedure.id,
        procedureName: procedure.name,
        values: toSubmission(definition, draft.values),
        // The form as filled in: a refusal of the answers brings the citizen back to exactly this.
        form: { values: draft.values, provenance: draft.provenance, prefilledCount: draft.prefilledCount, definitionVersion: draft.definitionVersion },
        attachments: await combinePhotos(current),
        ...(onBehalfRule && filer ? { onBehalf: { relationship: filer } } : {}),
      });
    } catch {
      setFailed(true);
      setSubmitting(false);
      return;
    }
    // Queued: from here on nothing may look like a failure (a retry would make a second dossier).
    await deleteDraft(owner, procedure.id).catch(() => undefined);
    window.dispatchEvent(new Event('mcs:drain-outbox'));
    void navigate(`/outbox/${key}`, { replace: true });
  };

  return (
    <div className="apply">
      <Link to={`/services/${id}/apply/check`} className="back-link">
        <Icon name="back" size={20} />
        {t('back')}
      </Link>
      <h1>{t('title')}</h1>
      <p className="apply__procedure">
        <ProcedureName procedure={procedure} />
      </p>
      <p className="notice">{t('limits', { file: formatBytes(UPLOAD_LIMITS.maxFileBytes, i18n.language), dossier: formatBytes(UPLOAD_LIMITS.maxDossierBytes, i18n.language) })}</p>
      {shown.length > 0 ? (
        <ErrorSummary
          ref={summaryRef}
          title={t('missingTitle', { count: shown.length })}
          items={shown.map((p) => ({ key: p.requirement, text: <span lang={papersLang}>{text.documents.value.find((d) => d.id === p.requirement)?.name ?? p.requirement}</span> }))}
        />
      ) : null}
      {answersRefused.length > 0 ? (
        <div className="error-summary" role="alert" tabIndex={-1} ref={answersRef}>
          <p>
            {t('onBehalf.answersRefused', {
              fields: refusedFieldIds.map((fieldId) => localText(definition.sections.flatMap((sec) => sec.fields).find((f) => f.id === fieldId)?.label, i18n.language) || fieldId).join(', '),
            })}
          </p>
          <button type="button" className="button" onClick={() => void fixAnswers()}>
            {t('onBehalf.answersRefusedLink')}
          </button>
        </div>
      ) : null}
      {notStored ? (
        <p className="field-error" role="alert">
          {t(`notStored.${notStored.failure}`, { names: notStored.names })}
        </p>
      ) : null}
      {onBehalfRule && acting ? (
        <section className="apply-card" aria-labelledby="on-behalf-title">
          <h2 id="on-behalf-title">{t('onBehalf.title')}</h2>
          <FieldFrame id="on-behalf-relationship" label={t('onBehalf.relationship', { name: acting.name })} error={relationshipMissing ? t('onBehalf.relationshipRequired') : undefined}>
            {(describedBy, isInvalid) => (
              <select
                id="on-behalf-relationship"
                ref={relationshipRef}
                value={filer}
                onChange={(e) => chooseRelationship(e.target.value as FilerRelationship | '')}
                aria-invalid={isInvalid || undefined}
                aria-describedby={describedBy}
              >
                <option value="">{t('onBehalf.choose')}</option>
                {FILER_RELATIONSHIPS.map((r) => (
                  <option key={r} value={r}>
                    {t(`onBehalf.relationships.${r}`)}
                  </option>
                ))}
              </select>
            )}
          </FieldFrame>
          <p>
            {needsAuthorisation
              ? t('onBehalf.authorisationNeeded', { name: acting.name, paper: text.documents.value.find((d) => d.id === onBehalfRule.authorisation)?.name ?? '' })
              : t('onBehalf.authorisationNotNeeded', { name: acting.name })}
          </p>
        </section>
      ) : null}
      <ViOnly part={text.documents} text={text} />
      {text.documents.value.map((doc) => {
        if (doc.providedBy)
          return (
            <section key={doc.id} className="picker picker--covered" aria-label={doc.name}>
              <p className="picker__title" lang={papersLang}>
                {doc.name}
              </p>
              <p className="success">{t(doc.providedBy === 'eform' ? 'coveredByForm' : 'coveredByIdentity')}</p>
            </section>
          );
        const refusal = refusalOf(doc.id);
        return (
          <DocumentPicker
            key={doc.id}
            requirement={doc.id}
            title={doc.name}
            note={doc.note}
            lang={papersLang}
            optional={doc.optional && !(needsAuthorisation && doc.id === onBehalfRule?.authorisation)}
            attachments={current.filter((a) => a.requirement === doc.id)}
            allAttachments={current}
            storedDocuments={dataStore.data?.documents}
            onChange={(change) => update(doc.id, change)}
            onBusyChange={(busy) => setProcessing((n) => Math.max(0, n + (busy ? 1 : -1)))}
            beforeCamera={() => saveDraft({ ...draft, attachments: current, updatedAt: new Date().toISOString() })}
            error={
              !refusal
                ? undefined
                : refusal.reason !== 'wrong-type'
                  ? t('required')
                  : refusal.accepts?.length
                    ? t('wrongType', { accepted: acceptedList(refusal.accepts) })
                    : t('wrongTypeScanOnly')
            }
          />
        );
      })}
      <section className="apply-card" aria-labelledby="submit-title">
        <h2 id="submit-title">{t('submitTitle')}</h2>
        <p>{online ? t('submitOnline') : kiosk ? t('submitKioskOffline') : t('submitOffline')}</p>
        {kioskOffline ? (
          <div className="field-error" role="alert">
            <p>{t('submitKioskOffline')}</p>
            {/* Nothing of a person waits on a shared screen: their own phone can send it later. */}
            <p>{t('kioskHandoffOffer')}</p>
            <button type="button" className="button button--primary" onClick={() => window.dispatchEvent(new Event('mcs:kiosk-handoff'))}>
              {t('kioskHandoff')}
            </button>
          </div>
        ) : null}
        {fee > 0 ? <p>{t('feeDue', { amount: formatMoney(fee, i18n.language) })}</p> : null}
        {failed ? (
          <p className="field-error" role="alert">
            {t('queueFailed')}
          </p>
        ) : null}
        {processing > 0 ? <p className="hint">{t('waitForFiles')}</p> : null}
        <button type="button" className="button button--primary button--block" disabled={submitting || processing > 0} onClick={() => void submit()}>
          {submitting ? t('submitting') : t('submit')}
        </button>
      </section>
    </div>
  );
};
