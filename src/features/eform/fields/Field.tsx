import { memo, type ReactNode } from 'react';
import { useFormState, useWatch, type FieldError, type FieldErrors } from 'react-hook-form';
import type { LeafField } from '../../../api/forms/schema.ts';
import { formatAddress, localText, type Values } from '../definition.ts';
import { useCorrections, useEngine } from '../engine-context.ts';
import { formatDate } from '../../../lib/format.ts';
import { fieldNotice } from '../../../api/forms/notices.ts';
import { valuesNotOnBehalf } from '../../../api/procedures/on-behalf.ts';
import { parseVietnameseDate, todayInVietnam } from '../../../lib/vn/dates.ts';
import { inputId } from './input-id.ts';
import { ProvenanceMark } from './Provenance.tsx';
import { controlled } from './controlled.tsx';
import type { FieldProvenance } from '../../../offline/personal-db.ts';
import type { FieldComponent, FieldType } from './field-types.ts';
import { InputField } from './InputField.tsx';
import { SelectField } from './SelectField.tsx';
import { RadioField } from './RadioField.tsx';
import { CheckboxField } from './CheckboxField.tsx';
import { AddressField } from './AddressField.tsx';
import { DocumentField } from './DocumentField.tsx';
import { OfficeField } from './OfficeField.tsx';

/** The component that draws each field type: a type added to the contract without one here does not compile. */
const fieldComponents: { [T in FieldType]: FieldComponent<T> } = {
  text: InputField,
  number: InputField,
  date: InputField,
  idNumber: InputField,
  phone: InputField,
  email: InputField,
  select: controlled(SelectField),
  radio: controlled(RadioField),
  checkbox: controlled(CheckboxField),
  address: controlled(AddressField),
  document: controlled(DocumentField),
  office: controlled(OfficeField),
};

export const errorAt = (errors: FieldErrors, path: string): string | undefined => {
  let node: unknown = errors;
  for (const part of path.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  return (node as FieldError | undefined)?.message;
};

/** A value as read aloud on the page (locked fields and the check-your-answers page). */
export interface AnswerLabels {
  noAnswer: string;
  yes: string;
  no: string;
  /** A paper's name from the citizen's data store, by its id (never the id itself on screen). */
  documentTitle?: ((id: string) => string | undefined) | undefined;
  /** When the data store is not at hand: "a paper from your data store". */
  storedDocument: string;
  /** An office's name, by its id (from the offices of the procedure). */
  officeName?: ((id: string) => string | undefined) | undefined;
}

/** An answer as the citizen reads it back: labels, not codes; "No" for a box left unticked. */
export const displayValue = (field: LeafField, value: unknown, lng: string, labels: AnswerLabels): string => {
  if (field.type === 'checkbox') return value === true ? labels.yes : labels.no;
  if (value === undefined || value === null || value === '') return labels.noAnswer;
  switch (field.type) {
    case 'select':
    case 'radio':
      return localText(field.options.find((o) => o.value === value)?.label, lng) || String(value);
    case 'address':
      return formatAddress(value) || labels.noAnswer;
    case 'document':
      return labels.documentTitle?.(String(value)) ?? labels.storedDocument;
    case 'office':
      return labels.officeName?.(String(value)) ?? String(value);
    default:
      return String(value);
  }
};

/**
 * One field of the form at `path`: locked (the state's data, with where it came from) or the
 * component for its type. Memoised, so nothing above re-renders it; it follows only its own
 * error (`useFormState` of its path), and each component its own value — a text box not even
 * that (see `InputField`). `inGroup`: an item of a repeating group, whose values carry no
 * provenance of their own.
 */
export const Field = memo(function Field({ field, path, inGroup = false }: { field: LeafField; path: string; inGroup?: boolean }) {
  const { provenance } = useEngine();
  const origin = inGroup ? undefined : provenance[field.id];
  if (origin?.locked) return <LockedField field={field} path={path} origin={origin} />;
  // A date the law counts from (a birth): past its limit, a late registration — said, never refused.
  if (field.type === 'date' && field.lateAfterDays !== undefined) return <DateWithLimit field={field} path={path} inGroup={inGroup} />;
  return <EditableField field={field} path={path} inGroup={inGroup} />;
});

/** The state's value, read only, with where it came from and a way to report it wrong. */
const LockedField = ({ field, path, origin }: { field: LeafField; path: string; origin: FieldProvenance }) => {
  const { t, lng, onReportWrong } = useEngine();
  const value: unknown = useWatch<Values>({ name: path });
  const corrections = useCorrections();
  const label = localText(field.label, lng);
  const id = inputId(path);
  // The latest request about this value, while the agency has not answered it.
  const pending = corrections?.filter((c) => c.path === origin.path && c.status === 'received').at(-1);
  const shown = displayValue(field, value, lng, { noAnswer: t('noAnswer'), yes: t('answer.yes'), no: t('answer.no'), storedDocument: t('answer.storedDocument') });
  return (
    <div className="field field--locked" id={`${id}-group`}>
      <p className="field__label" id={`${id}-label`}>
        {label}
      </p>
      <p className="locked-value" id={id} tabIndex={-1} aria-describedby={pending ? `${id}-note ${id}-pending` : `${id}-note`}>
        {shown}
      </p>
      <div id={`${id}-note`}>
        <ProvenanceMark provenance={origin} id={`${id}-source`} />
      </div>
      {pending ? (
        <p className="correction-pending" id={`${id}-pending`}>
          <strong>{t('correction.pendingTitle')}</strong> {t('correction.pending', { value: pending.proposedValue, date: formatDate(pending.createdAt, lng), id: pending.id })}
        </p>
      ) : null}
      <button type="button" className="button button--link" onClick={() => onReportWrong(field.id, label, shown)}>
        {t('reportWrong')}
      </button>
    </div>
  );
};

/**
 * A date with a legal limit: says, under the box, when the limit has passed. It follows the
 * notice its value gives (`compute`), not the value: typing a date redraws the field only when
 * the notice appears, changes or goes.
 */
const DateWithLimit = ({ field, path, inGroup }: { field: LeafField; path: string; inGroup: boolean }) => {
  const { t } = useEngine();
  const notice = useWatch<Values>({
    name: path,
    compute: (value: unknown) => {
      const iso = typeof value === 'string' ? parseVietnameseDate(value) : null;
      return iso ? fieldNotice(field, path, iso, todayInVietnam()) : null;
    },
  }) as ReturnType<typeof fieldNotice>;
  const { errors } = useFormState<Values>({ name: path, exact: true });
  const info =
    notice && !errorAt(errors, path) ? (
      <>
        <strong>{t('notices.lateTitle')}</strong> {t('notices.late', { days: notice.days, limit: notice.limitDays })}
      </>
    ) : null;
  return <EditableField field={field} path={path} inGroup={inGroup} info={info} />;
};

/** A field the citizen answers: its frame (label, hint, source, error) around the component for its type. */
const EditableField = ({ field, path, inGroup, info }: { field: LeafField; path: string; inGroup: boolean; info?: ReactNode }) => {
  const { t, lng, provenance, onBehalf } = useEngine();
  const { errors } = useFormState<Values>({ name: path, exact: true });
  const error = errorAt(errors, path);
  const origin = inGroup ? undefined : provenance[field.id];
  const id = inputId(path);
  const label = localText(field.label, lng);
  const hint = field.type === 'date' ? [localText(field.hint, lng), t('hints.date')].filter(Boolean).join(' ') : localText(field.hint, lng) || undefined;
  const frame = {
    id,
    label,
    hint,
    error: error ? t(error as 'validation.required') : undefined,
    optional: !field.required,
    note: origin ? <ProvenanceMark provenance={origin} id={`${id}-source`} /> : undefined,
    info,
  };
  // Filing for someone else: the choices only that person may make (top-level fields, as the rule names them).
  const refused = onBehalf && !inGroup ? valuesNotOnBehalf(onBehalf, field.id) : [];
  const notOffered = refused.length > 0 && onBehalf ? { values: refused, reason: t('onBehalf.notOffered', { name: onBehalf.name }) } : undefined;
  const Component = fieldComponents[field.type] as FieldComponent<FieldType>;
  return <Component field={field} path={path} frame={frame} notOffered={notOffered} />;
};
