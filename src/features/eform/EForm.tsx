import { memo, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { FormProvider, useForm, useWatch, type Control, type FieldErrors } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Condition, FormDefinition, FormField } from '../../api/forms/schema.ts';
import type { Correction, CorrectionReceipt, DataStoreView } from '../../api/me/schema.ts';
import { saveDraft, type Draft } from '../../offline/personal-db.ts';
import { readSession } from '../../auth/session.ts';
import { trackWrite } from '../../offline/storage-health.ts';
import { isGroup, localText, visibleSections, type Values } from './definition.ts';
import { formResolver } from './validation.ts';
import { CorrectionsCtx, DataStoreCtx, EngineCtx, type EngineContext, type OnBehalfOf } from './engine-context.ts';
import { Field } from './fields/Field.tsx';
import { GroupField } from './fields/GroupField.tsx';
import { When } from './fields/When.tsx';
import { SectionProvenance } from './fields/Provenance.tsx';
import { ErrorSummary, focusField } from '../../components/forms/ErrorSummary.tsx';
import { inputId } from './fields/input-id.ts';
import { CorrectionDialog, type CorrectionTarget } from './CorrectionDialog.tsx';

const SAVE_DELAY_MS = 400;

interface SummaryItem {
  path: string;
  label: string;
  message: string;
}

const flattenErrors = (errors: FieldErrors, prefix = ''): { path: string; message: string }[] =>
  Object.entries(errors).flatMap(([key, value]) => {
    if (!value || typeof value !== 'object') return [];
    const path = prefix ? `${prefix}.${key}` : key;
    const message = (value as { message?: unknown }).message;
    if (typeof message === 'string') return [{ path, message }];
    return flattenErrors(value as FieldErrors, path);
  });

/** The top-level fields whose answers show or hide a section or a field. */
const conditionFields = (definition: FormDefinition): string[] => {
  const names = new Set<string>();
  const add = (condition: Condition | undefined) => condition && names.add(condition.field);
  for (const section of definition.sections) {
    add(section.visibleWhen);
    section.fields.forEach((f) => add(f.visibleWhen));
  }
  return [...names];
};

/** "Pre-filled n of m": m counts the fields shown, so it follows only the answers conditions read. */
const PrefilledCount = ({ definition, control, count }: { definition: FormDefinition; control: Control<Values>; count: number }) => {
  const { t } = useTranslation('eform');
  const names = useMemo(() => conditionFields(definition), [definition]);
  const shown = (watched: readonly unknown[] = []) =>
    visibleSections(definition, Object.fromEntries(names.map((name, i) => [name, watched[i]]))).reduce((n, s) => n + s.fields.length, 0);
  const computed = useWatch({ control, name: names, disabled: names.length === 0, compute: shown }) as number | undefined;
  const total = typeof computed === 'number' ? computed : shown();
  return <p className="prefilled-count">{t('prefilledCount', { count, total })}</p>;
};

const FieldOrGroup = ({ field }: { field: FormField }) => (isGroup(field) ? <GroupField field={field} /> : <Field field={field} path={field.id} />);

/** A section never re-renders as the citizen types: each field and condition subscribes to what it shows. */
const Section = memo(function Section({ section, lng }: { section: FormDefinition['sections'][number]; lng: string }) {
  const body: ReactNode = (
    <section className="eform__section" aria-labelledby={`s-${section.id}`}>
      <h2 id={`s-${section.id}`}>{localText(section.title, lng)}</h2>
      {section.description ? <p className="hint">{localText(section.description, lng)}</p> : null}
      <SectionProvenance fieldIds={section.fields.map((f) => f.id)} />
      {section.fields.map((field) =>
        field.visibleWhen ? (
          <When key={field.id} condition={field.visibleWhen}>
            <FieldOrGroup field={field} />
          </When>
        ) : (
          <FieldOrGroup key={field.id} field={field} />
        ),
      )}
    </section>
  );
  return section.visibleWhen ? <When condition={section.visibleWhen}>{body}</When> : body;
});

interface Props {
  definition: FormDefinition;
  draft: Draft;
  dataStore: DataStoreView | undefined;
  /** The citizen's correction requests, when known: a pending one shows on its field. */
  corrections?: readonly Correction[] | undefined;
  /** A correction request was just filed (the page fetches the list again). */
  onCorrectionFiled?: (receipt: CorrectionReceipt) => void;
  onSaved: (draft: Draft) => void;
  onComplete: () => void;
  /** Filing for someone else: who, and the answers only they may give (offered disabled, refused if given). */
  onBehalf?: OnBehalfOf | undefined;
}

/**
 * The one engine that draws, validates and saves every e-form. It renders once; after that a
 * keystroke in a text box re-renders nothing (the box keeps its own value: decision 17), a choice
 * re-renders its own field (`useController`), a field redraws when its own error changes, and a
 * condition when the one answer it depends on does (`useWatch`). The draft is saved from a
 * subscription, debounced, off the render path.
 */
export const EForm = memo(function EForm({ definition, draft, dataStore, corrections, onCorrectionFiled, onSaved, onComplete, onBehalf }: Props) {
  const { t, i18n } = useTranslation('eform');
  const lng = i18n.language;
  const notOnBehalf = onBehalf?.notOnBehalf;
  const resolver = useMemo(() => formResolver(definition, notOnBehalf), [definition, notOnBehalf]);
  // Checked on submit; after that a field is checked again as it changes (errors go as they are fixed).
  const form = useForm<Values>({ defaultValues: draft.values, resolver, mode: 'onSubmit', reValidateMode: 'onChange', shouldFocusError: false });
  // Each field's label and where it is (its section; in a group, the item): forms ask for a
  // date of birth in several sections, and a summary of bare labels cannot tell them apart.
  const labels = useMemo(() => {
    const map = new Map<string, { label: string; where: string; item?: string }>();
    for (const section of definition.sections) {
      const where = localText(section.title, lng);
      for (const f of section.fields) {
        map.set(f.id, { label: localText(f.label, lng), where });
        if (isGroup(f)) f.fields.forEach((sub) => map.set(`${f.id}.${sub.id}`, { label: localText(sub.label, lng), where, item: localText(f.itemLabel, lng) }));
      }
    }
    return map;
  }, [definition, lng]);

  const summaryOf = useCallback(
    (list: { path: string; message: string }[]): SummaryItem[] =>
      list.map(({ path, message }) => {
        const [head = '', index, sub] = path.split('.');
        const known = labels.get(sub ? `${head}.${sub}` : head);
        const where = known?.item ? `${known.item} ${Number(index) + 1}` : known?.where;
        const label = known ? t('summary.item', { where, label: known.label }) : path;
        return { path, label, message };
      }),
    [labels, t],
  );
  // What the backend refused (a check, or a queued dossier sent later): next to each field and in
  // the summary, until the citizen checks the form again.
  const [summary, setSummary] = useState<SummaryItem[]>(() => summaryOf((draft.serverErrors ?? []).map((e) => ({ path: e.path, message: e.code }))));
  const [refusedByServer, setRefusedByServer] = useState(() => (draft.serverErrors?.length ?? 0) > 0);
  const summaryRef = useRef<HTMLDivElement>(null);
  const [correction, setCorrection] = useState<CorrectionTarget | null>(null);

  // Every change is on the device within a second: debounced, and flushed when the page hides
  // (Android may kill a backgrounded tab without warning).
  const latest = useRef(draft);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const person = readSession()?.sub;
    const flush = () => {
      clearTimeout(timer);
      timer = undefined;
      // The person changed (a volunteer ended the help, a sign-out): what was typed for them went
      // with their data, and is not written back when the form goes away afterwards.
      if (readSession()?.sub !== person) return;
      const next: Draft = { ...latest.current, values: form.getValues(), updatedAt: new Date().toISOString() };
      latest.current = next;
      // A failed write is shown by SavedStatus (storage-health), never a stale "saved at".
      void trackWrite('draft', saveDraft(next)).then(() => onSaved(next), () => undefined);
    };
    const unsubscribe = form.subscribe({
      formState: { values: true },
      callback: () => {
        clearTimeout(timer);
        timer = setTimeout(flush, SAVE_DELAY_MS);
      },
    });
    const onHide = () => {
      if (document.visibilityState === 'hidden' && timer) flush();
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onHide);
    // A kiosk handing the form to the person's phone needs what was typed a moment ago.
    window.addEventListener('mcs:flush-draft', flush);
    return () => {
      unsubscribe();
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('mcs:flush-draft', flush);
      if (timer) flush();
    };
  }, [form, onSaved]);

  useEffect(() => {
    if (summary.length > 0) summaryRef.current?.focus();
  }, [summary]);

  // Scroll to a field named in the URL hash (the "Change" links of check-your-answers).
  useEffect(() => {
    const hash = decodeURIComponent(window.location.hash.slice(1));
    if (!hash) return;
    focusField(hash);
  }, []);


  const onInvalid = (errors: FieldErrors) => setSummary(summaryOf(flattenErrors(errors)));

  useEffect(() => {
    for (const e of draft.serverErrors ?? []) form.setError(e.path, { type: 'server', message: e.code });
  }, [form, draft.serverErrors]);
  const clearServerErrors = () => {
    if (!latest.current.serverErrors) return;
    const { serverErrors: _done, ...rest } = latest.current;
    latest.current = { ...rest, values: form.getValues(), updatedAt: new Date().toISOString() };
    setRefusedByServer(false);
    void trackWrite('draft', saveDraft(latest.current)).then(() => onSaved(latest.current), () => undefined);
  };

  const provenance = draft.provenance;
  const onReportWrong = useCallback(
    (fieldId: string, label: string, value: string) => setCorrection({ path: provenance[fieldId]?.path ?? fieldId, label, value }),
    [provenance],
  );
  const procedureId = definition.procedureId;
  const { register } = form;
  const engine = useMemo<EngineContext>(
    () => ({ t, lng, procedureId, provenance, onReportWrong, register, onBehalf }),
    [t, lng, procedureId, provenance, onReportWrong, register, onBehalf],
  );

  return (
    <EngineCtx.Provider value={engine}>
      <DataStoreCtx value={dataStore}>
        <CorrectionsCtx value={corrections}>
        <PrefilledCount definition={definition} control={form.control} count={draft.prefilledCount} />
        <FormProvider {...form}>
          {refusedByServer ? (
            <p className="notice" role="status">
              {t('serverRefused')}
            </p>
          ) : null}
          {summary.length > 0 ? (
            <ErrorSummary
              ref={summaryRef}
              title={t('summary.title', { count: summary.length })}
              items={summary.map((item) => ({ key: item.path, target: inputId(item.path), text: `${item.label}: ${t(item.message as 'validation.required')}` }))}
            />
          ) : null}
          <form
            noValidate
            className="eform"
            onSubmit={(e) =>
              void form.handleSubmit(() => {
                setSummary([]);
                clearServerErrors();
                onComplete();
              }, onInvalid)(e)
            }
          >
            {definition.sections.map((section) => (
              <Section key={section.id} section={section} lng={lng} />
            ))}
            <button type="submit" className="button button--primary button--block">
              {t('continue')}
            </button>
          </form>
        </FormProvider>
        {correction ? <CorrectionDialog target={correction} onFiled={onCorrectionFiled} onClose={() => setCorrection(null)} /> : null}
        </CorrectionsCtx>
      </DataStoreCtx>
    </EngineCtx.Provider>
  );
});
