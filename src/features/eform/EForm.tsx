import { useEffect, useMemo, useRef, useState } from 'react';
import { FormProvider, useForm, useWatch, type FieldErrors } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { FormDefinition } from '../../api/forms/schema.ts';
import type { DataStore } from '../../api/me/schema.ts';
import { saveDraft, type Draft } from '../../offline/personal-db.ts';
import { trackWrite } from '../../offline/storage-health.ts';
import { allFields, isGroup, localText, visibleSections, type Values } from './definition.ts';
import { buildFormSchema } from './validation.ts';
import { EngineCtx } from './engine-context.ts';
import { Field } from './fields/Field.tsx';
import { GroupField } from './fields/GroupField.tsx';
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

interface Props {
  definition: FormDefinition;
  draft: Draft;
  dataStore: DataStore | undefined;
  onSaved: (draft: Draft) => void;
  onComplete: () => void;
}

/** The one engine that draws, validates and saves every e-form. */
export const EForm = ({ definition, draft, dataStore, onSaved, onComplete }: Props) => {
  const { t, i18n } = useTranslation('eform');
  const lng = i18n.language;
  const schema = useMemo(() => buildFormSchema(definition), [definition]);
  const form = useForm<Values>({ defaultValues: draft.values, resolver: zodResolver(schema), mode: 'onSubmit', reValidateMode: 'onChange', shouldFocusError: false });
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const summaryRef = useRef<HTMLDivElement>(null);
  const [correction, setCorrection] = useState<CorrectionTarget | null>(null);

  // Every change is on the device within a second: debounced, and flushed when the page hides
  // (Android may kill a backgrounded tab without warning).
  const latest = useRef(draft);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      clearTimeout(timer);
      timer = undefined;
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
    return () => {
      unsubscribe();
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onHide);
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

  const values = useWatch({ control: form.control }) as Values;
  const sections = visibleSections(definition, values);
  const labels = new Map<string, string>();
  for (const f of allFields(definition)) {
    labels.set(f.id, localText(f.label, lng));
    if (isGroup(f)) f.fields.forEach((sub) => labels.set(`${f.id}.${sub.id}`, localText(sub.label, lng)));
  }
  const total = sections.reduce((n, s) => n + s.fields.length, 0);

  const onInvalid = (errors: FieldErrors) => {
    const items = flattenErrors(errors).map(({ path, message }) => {
      const [head = '', index, sub] = path.split('.');
      const label = sub ? `${labels.get(`${head}.${sub}`) ?? sub} (${Number(index) + 1})` : (labels.get(head) ?? head);
      return { path, label, message };
    });
    setSummary(items);
  };

  return (
    <EngineCtx.Provider
      value={{
        provenance: draft.provenance,
        dataStore,
        onReportWrong: (fieldId, label, value) => setCorrection({ path: draft.provenance[fieldId]?.path ?? fieldId, label, value }),
      }}
    >
      <p className="prefilled-count">{t('prefilledCount', { count: draft.prefilledCount, total })}</p>
      <FormProvider {...form}>
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
              onComplete();
            }, onInvalid)(e)
          }
        >
          {sections.map((section) => (
            <section key={section.id} className="eform__section" aria-labelledby={`s-${section.id}`}>
              <h2 id={`s-${section.id}`}>{localText(section.title, lng)}</h2>
              {section.description ? <p className="hint">{localText(section.description, lng)}</p> : null}
              {section.fields.map((field) => (isGroup(field) ? <GroupField key={field.id} field={field} /> : <Field key={field.id} field={field} path={field.id} />))}
            </section>
          ))}
          <button type="submit" className="button button--primary button--block">
            {t('continue')}
          </button>
        </form>
      </FormProvider>
      {correction ? <CorrectionDialog target={correction} onClose={() => setCorrection(null)} /> : null}
    </EngineCtx.Provider>
  );
};
