import { z, type core } from 'zod/mini';
import { isValidIsoDate, validateDate } from '../../lib/vn/dates.ts';
import { normaliseIdNumber, validateIdNumber } from '../../lib/vn/id-number.ts';
import { validatePersonName } from '../../lib/vn/person-name.ts';
import { validatePhone } from '../../lib/vn/phone.ts';
import type { FieldError } from '../problem/schema.ts';
import { isEmpty, isGroup, matches, type Values } from './conditions.ts';
import type { FormDefinition, FormField, GroupField, LeafField } from './schema.ts';

/**
 * One validation, two places (docs/architecture/decisions.md, "One validation"): a form definition
 * compiles to one zod schema over the answers *as they are sent* (ISO dates, numbers as
 * numbers, normalised ID and phone numbers — see the app's `toSubmission`). The app runs it
 * while the citizen types (the e-form's resolver), the backend on `POST /forms/:id/check` and
 * on `POST /dossiers`. Every issue's message is an i18n key of the eform namespace
 * (`validation.*`), every path a field path (`childDateOfBirth`, `members.0.fullName`).
 *
 * The schema is a strict object (an unknown field is refused) whose members come from the field
 * types; one check over the whole object adds what needs more than one answer: a field the
 * citizen is shown must be answered when required, a field they are not shown must be absent or
 * empty, an ID number must agree with the date of birth and sex given beside it, and a date must
 * keep its order with another (`notBefore` / `notAfter`).
 */

export interface CompileOptions {
  /** The backend's own check that a commune code is a commune of that province (the app picks them from the list). */
  commune?: ((provinceCode: string, communeCode: string) => boolean) | undefined;
  /** Today in Vietnam as ISO yyyy-mm-dd, for tests; the real day otherwise. */
  today?: string | undefined;
}

type Path = (string | number)[];
type Push = (path: Path, code: string) => void;

/** Nobody alive was born before 1900 (the forms' earliest date). */
const EARLIEST = '1900-01-01';
const DOCUMENT_ID = /^[A-Za-z0-9._:-]{1,200}$/;
const email = z.email();

/** A leaf member: the type (else `typeCode`), then at most one issue from `test` for a non-empty value. */
const leaf = <T,>(type: core.$ZodType<T>, test: (value: T) => string | null) =>
  z.optional(
    z.pipe(
      type,
      z.transform((value: T, ctx) => {
        if (!isEmpty(value)) {
          const code = test(value);
          if (code) ctx.issues.push({ code: 'custom', message: code, input: value });
        }
        return value;
      }),
    ),
  );

const prefixed = (code: string | null) => (code ? `validation.${code}` : null);

const leafSchema = (field: LeafField, options: CompileOptions) => {
  switch (field.type) {
    case 'text':
      return leaf(z.string({ error: 'validation.invalid' }), (v) =>
        field.maxLength !== undefined && v.length > field.maxLength ? 'validation.tooLong' : field.kind === 'name' ? prefixed(validatePersonName(v)) : null,
      );
    case 'number':
      return leaf(z.nullable(z.number({ error: 'validation.number' })), (v) => {
        if (v === null) return null;
        if (field.integer && !Number.isInteger(v)) return 'validation.integer';
        if (field.min !== undefined && v < field.min) return 'validation.min';
        if (field.max !== undefined && v > field.max) return 'validation.max';
        return null;
      });
    case 'date':
      return leaf(z.string({ error: 'validation.date.invalid' }), (v) =>
        prefixed(validateDate(v, { notFuture: field.notFuture, notBefore: EARLIEST, ...(options.today ? { today: options.today } : {}) })),
      );
    case 'select':
    case 'radio': {
      const values = field.options.map((o) => o.value);
      return leaf(z.string({ error: 'validation.option' }), (v) => (values.includes(v) ? null : 'validation.option'));
    }
    case 'checkbox':
      return leaf(z.boolean({ error: 'validation.invalid' }), () => null);
    case 'address': {
      const part = z.string({ error: 'validation.addressRequired' });
      const shape = z.strictObject(
        { provinceCode: part, provinceName: part, communeCode: part, communeName: part, line: part },
        { error: 'validation.addressRequired' },
      );
      return leaf(shape, (a) => {
        if (!/^\d{2}$/.test(a.provinceCode) || !/^\d{5}$/.test(a.communeCode)) return 'validation.addressRequired';
        if (options.commune && !options.commune(a.provinceCode, a.communeCode)) return 'validation.addressUnknown';
        return null;
      });
    }
    case 'idNumber':
      // Structure here; agreement with the date of birth and sex in the object's check.
      return leaf(z.string({ error: 'validation.idNumber.format' }), (v) => (normaliseIdNumber(v) !== v ? 'validation.idNumber.format' : prefixed(validateIdNumber(v))));
    case 'phone':
      return leaf(z.string({ error: 'validation.phone.format' }), (v) => prefixed(validatePhone(v)));
    case 'email':
      return leaf(z.string({ error: 'validation.email' }), (v) => (email.safeParse(v).success ? null : 'validation.email'));
    case 'document':
      return leaf(z.string({ error: 'validation.document' }), (v) => (DOCUMENT_ID.test(v) ? null : 'validation.document'));
    case 'office':
      // An office id from GET /procedures/{id}/offices; whether it handles the procedure is the
      // backend's to say (422 unknown-agency), from its own list.
      return leaf(z.string({ error: 'validation.option' }), (v) => (/^[a-z0-9-]{1,80}$/.test(v) ? null : 'validation.option'));
  }
};

const requiredCode = (field: FormField): string =>
  field.type === 'checkbox' ? 'validation.mustAgree' : field.type === 'address' ? 'validation.addressRequired' : field.type === 'group' ? 'validation.groupMin' : 'validation.required';

/** A field and when the citizen is shown it, in one scope (the whole form, or one item of a group). */
interface Scoped {
  field: FormField;
  shown: (scope: Values) => boolean;
}

/** An unticked box may be left out: conditions read it as `false`, as the form shows it. */
const conditionScope = (fields: readonly Scoped[], scope: Values): Values => {
  let view = scope;
  for (const { field } of fields) {
    if (field.type === 'checkbox' && scope[field.id] === undefined) {
      if (view === scope) view = { ...scope };
      view[field.id] = false;
    }
  }
  return view;
};

const isoOrUndefined = (value: unknown): string | undefined => (typeof value === 'string' && isValidIsoDate(value) ? value : undefined);

/** What needs more than one answer, in one scope. `push` takes paths relative to the scope. */
const checkScope = (fields: readonly Scoped[], scope: Values, push: Push) => {
  const view = conditionScope(fields, scope);
  const shownIds = new Set(fields.filter((s) => s.shown(view)).map((s) => s.field.id));
  for (const { field } of fields) {
    const value = scope[field.id];
    if (!shownIds.has(field.id)) {
      // Never shown, so never answered: a value here was not the citizen's.
      if (!isEmpty(value)) push([field.id], 'validation.hidden');
      continue;
    }
    if (isEmpty(value)) {
      if (field.required || (isGroup(field) && field.min > 0)) push([field.id], requiredCode(field));
      continue;
    }
    // Another field's value counts only when that field is shown.
    const other = (id: string | undefined): unknown => (id !== undefined && shownIds.has(id) ? scope[id] : undefined);
    if (field.type === 'idNumber' && typeof value === 'string' && validateIdNumber(value) === null) {
      const dateOfBirth = isoOrUndefined(other(field.dateOfBirthField));
      const sex = other(field.sexField);
      const code = validateIdNumber(value, { ...(dateOfBirth ? { dateOfBirth } : {}), ...(sex === 'male' || sex === 'female' ? { sex } : {}) });
      if (code) push([field.id], `validation.${code}`);
    }
    if (field.type === 'date' && isoOrUndefined(value)) {
      const date = value as string;
      const notBefore = isoOrUndefined(other(field.notBefore?.field));
      const notAfter = isoOrUndefined(other(field.notAfter?.field));
      if (notBefore && date < notBefore) push([field.id], 'validation.date.beforeOther');
      else if (notAfter && date > notAfter) push([field.id], 'validation.date.afterOther');
    }
  }
};

/** The object check: runs whenever the answers are an object, even when a member's type was wrong. */
const scopeCheck = (fields: readonly Scoped[]) =>
  z.check<Values>(
    (ctx) => {
      checkScope(fields, ctx.value, (path, code) => ctx.issues.push({ code: 'custom', message: code, input: ctx.value, path }));
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null && !Array.isArray(payload.value) },
  );

const groupSchema = (group: GroupField, options: CompileOptions) => {
  const fields: Scoped[] = group.fields.map((f) => ({ field: f, shown: (item) => matches(f.visibleWhen, item) }));
  const item = z.strictObject(Object.fromEntries(group.fields.map((f) => [f.id, leafSchema(f, options)])), { error: 'validation.invalid' }).check(scopeCheck(fields));
  return z.optional(
    z.array(item, { error: 'validation.invalid' }).check(
      z.check<unknown[]>((ctx) => {
        // An empty list is the object check's to report (required or not).
        if (ctx.value.length > 0 && ctx.value.length < group.min) ctx.issues.push({ code: 'custom', message: 'validation.groupMin', input: ctx.value });
        if (ctx.value.length > group.max) ctx.issues.push({ code: 'custom', message: 'validation.groupMax', input: ctx.value });
      }),
    ),
  );
};

/** The schema of a definition's answers (see the module comment). Prefer `formSchemaFor`, compiled once. */
export const compileFormSchema = (definition: FormDefinition, options: CompileOptions = {}) => {
  const fields: Scoped[] = definition.sections.flatMap((section) =>
    section.fields.map((field) => ({ field, shown: (values: Values) => matches(section.visibleWhen, values) && matches(field.visibleWhen, values) })),
  );
  const shape = Object.fromEntries(fields.map(({ field }) => [field.id, isGroup(field) ? groupSchema(field, options) : leafSchema(field, options)]));
  return z.strictObject(shape, { error: (issue) => (issue.code === 'unrecognized_keys' ? 'validation.unknownField' : 'validation.invalid') }).check(scopeCheck(fields));
};
export type FormSchema = ReturnType<typeof compileFormSchema>;

const compiled = new WeakMap<FormDefinition, FormSchema>();

/** The compiled schema of a definition, compiled once per definition object (not per keystroke). */
export const formSchemaFor = (definition: FormDefinition): FormSchema => {
  let schema = compiled.get(definition);
  if (!schema) {
    schema = compileFormSchema(definition);
    compiled.set(definition, schema);
  }
  return schema;
};

/** An issue's path cut to the field it belongs to: `field`, or `group.index.field` inside a group. */
const fieldPath = (path: readonly PropertyKey[]): Path => {
  const keys = path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number');
  return typeof keys[1] === 'number' ? keys.slice(0, 3) : keys.slice(0, 1);
};

/** Zod's issues as field errors: one per field (the first found), unknown fields one each. */
export const fieldErrors = (issues: readonly core.$ZodIssue[]): FieldError[] => {
  const out: FieldError[] = [];
  const seen = new Set<string>();
  const add = (path: Path, code: string) => {
    const key = path.join('.');
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ path: key, code });
  };
  for (const issue of issues) {
    const path = issue.path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number');
    const objectLevel = path.length === 0 || (path.length === 2 && typeof path[1] === 'number');
    if (issue.code === 'unrecognized_keys' && objectLevel) {
      for (const key of issue.keys) add([...path, key], 'validation.unknownField');
      continue;
    }
    add(fieldPath(path), issue.message.startsWith('validation.') ? issue.message : 'validation.invalid');
  }
  return out;
};

/** Every field error of these answers (empty when they hold), with a schema compiled beforehand. */
export const validateWith = (schema: FormSchema, values: unknown): FieldError[] => {
  const result = schema.safeParse(values);
  return result.success ? [] : fieldErrors(result.error.issues);
};

/** Every field error of these answers under this definition (empty when they hold). */
export const validateAnswers = (definition: FormDefinition, values: unknown): FieldError[] => validateWith(formSchemaFor(definition), values);
