import { z } from 'zod/mini';
import { RequirementId } from '../procedures/schema.ts';

/**
 * An e-form is data: the backend serves one definition per procedure, one engine renders and
 * validates every form. Labels carry every language the backend speaks; `vi` is required.
 */
export const LocalText = z.catchall(z.object({ vi: z.string().check(z.minLength(1)) }), z.string());
export type LocalText = z.infer<typeof LocalText>;

/** Show a field or section only when another field (by id, in the same scope) has a value. */
export const Condition = z.object({
  field: z.string(),
  equals: z.optional(z.union([z.string(), z.boolean()])),
  in: z.optional(z.array(z.string())),
  /** True when the field has any value (non-empty). */
  filled: z.optional(z.boolean()),
});
export type Condition = z.infer<typeof Condition>;

/**
 * Where a value comes from in the personal data store ("citizen.fullName",
 * "household.members[relationship=spouse].fullName"), and whether the citizen may change it.
 * Locked: authoritative (population database); the citizen can only ask for a correction.
 */
export const Prefill = z.object({
  path: z.string().check(z.minLength(1)),
  lock: z.enum(['locked', 'editable']),
  /**
   * The stored value translated into the field's: `{ male: 'father', female: 'mother' }` fills
   * "you are the child's…" from the citizen's sex. A value not in the map fills nothing.
   */
  map: z.optional(z.record(z.string(), z.string())),
});
export type Prefill = z.infer<typeof Prefill>;

const Option = z.object({ value: z.string(), label: LocalText });

const base = {
  id: z.string().check(z.regex(/^[a-zA-Z][a-zA-Z0-9]*$/)),
  label: LocalText,
  hint: z.optional(LocalText),
  required: z._default(z.boolean(), false),
  visibleWhen: z.optional(Condition),
  prefill: z.optional(Prefill),
};

export const TextField = z.object({ ...base, type: z.literal('text'), kind: z._default(z.enum(['plain', 'name']), 'plain'), maxLength: z.optional(z.int()) });
export const NumberField = z.object({
  ...base,
  type: z.literal('number'),
  min: z.optional(z.number()),
  max: z.optional(z.number()),
  integer: z._default(z.boolean(), true),
  /** What the field starts with when nothing is pre-filled (1 copy). */
  initial: z.optional(z.number()),
});
/** Another date field of the same scope (the form, or the same group item) this date is compared with. */
export const DateRelation = z.object({ field: z.string().check(z.regex(/^[a-zA-Z][a-zA-Z0-9]*$/)) });
export type DateRelation = z.infer<typeof DateRelation>;
/**
 * A date; `notFuture`: not after today (in Vietnam). `notBefore` / `notAfter`: not earlier /
 * later than the date given in another field (a child is not born before its parent; a period
 * does not end before it starts). Compared only when both dates are given and valid.
 * `lateAfterDays`: the law gives N days from this date to apply (a birth is registered within
 * 60 days, docs/domain/civil-status.md); a date more than N days before today (in Vietnam) makes
 * the application *late* — still accepted, never refused: the answers get a `late` notice
 * (`FormNotice`), shown to the citizen and recorded on the dossier.
 */
export const DateField = z.object({
  ...base,
  type: z.literal('date'),
  notFuture: z._default(z.boolean(), false),
  notBefore: z.optional(DateRelation),
  notAfter: z.optional(DateRelation),
  lateAfterDays: z.optional(z.int().check(z.minimum(1))),
});
export const SelectField = z.object({ ...base, type: z.enum(['select', 'radio']), options: z.array(Option).check(z.minLength(1)) });
export const CheckboxField = z.object({ ...base, type: z.literal('checkbox') });
export const AddressField = z.object({ ...base, type: z.literal('address') });
/** ID number; when given, also checked against a date-of-birth and a sex field (by id). */
export const IdNumberField = z.object({ ...base, type: z.literal('idNumber'), dateOfBirthField: z.optional(z.string()), sexField: z.optional(z.string()) });
export const PhoneField = z.object({ ...base, type: z.literal('phone') });
export const EmailField = z.object({ ...base, type: z.literal('email') });
/**
 * The office the dossier goes to, chosen from GET /procedures/:id/offices (the one serving the
 * citizen's commune first); the value is the office's id, never typed text.
 */
export const OfficeField = z.object({ ...base, type: z.literal('office') });
/** A stored document (from the data store) standing in for an upload. */
export const DocumentField = z.object({
  ...base,
  type: z.literal('document'),
  documentTypes: z.array(z.string()),
  /** The id of the procedure's requirement that the chosen paper stands for at the documents step. */
  requirement: z.optional(RequirementId),
});

export const LeafField = z.discriminatedUnion('type', [
  TextField,
  NumberField,
  DateField,
  SelectField,
  CheckboxField,
  AddressField,
  IdNumberField,
  PhoneField,
  EmailField,
  OfficeField,
  DocumentField,
]);
export type LeafField = z.infer<typeof LeafField>;

/** Repeatable group of fields (e.g. the people moving in with the applicant). */
export const GroupField = z.object({
  ...base,
  type: z.literal('group'),
  fields: z.array(LeafField).check(z.minLength(1)),
  min: z._default(z.int(), 0),
  max: z._default(z.int(), 10),
  itemLabel: LocalText,
  /** Prefill each item from a list in the data store (e.g. household members). */
});
export type GroupField = z.infer<typeof GroupField>;

export const FormField = z.union([LeafField, GroupField]);
export type FormField = z.infer<typeof FormField>;

export const FormSection = z.object({
  id: z.string().check(z.regex(/^[a-zA-Z][a-zA-Z0-9]*$/)),
  title: LocalText,
  description: z.optional(LocalText),
  visibleWhen: z.optional(Condition),
  fields: z.array(FormField).check(z.minLength(1)),
});
export type FormSection = z.infer<typeof FormSection>;

export const FormDefinition = z.object({
  procedureId: z.string().check(z.minLength(1)),
  version: z.int(),
  title: LocalText,
  sections: z.array(FormSection).check(z.minLength(1)),
});
export type FormDefinition = z.infer<typeof FormDefinition>;

/** POST /forms/:procedureId/check: the answers so far, re-checked by the backend. */
export const CheckForm = z.object({ values: z.record(z.string(), z.unknown()) });
export type CheckForm = z.infer<typeof CheckForm>;

/**
 * What holds but deserves a word (src/api/forms/notices.ts): not an error, the answers are
 * accepted. `late`: the date at `path` is `days` days before today (in Vietnam), more than its
 * field's `lateAfterDays` — a late registration, flagged as such.
 */
export const FormNotice = z.object({
  /** A field path, as field errors have them (`childDateOfBirth`, `members.0.dateOfBirth`). */
  path: z.string().check(z.minLength(1)),
  code: z.literal('late'),
  /** Whole days from the date to today. */
  days: z.int().check(z.minimum(0)),
  /** The field's `lateAfterDays`: the limit that was passed. */
  limitDays: z.int().check(z.minimum(1)),
});
export type FormNotice = z.infer<typeof FormNotice>;

/** The answers hold; `notices` (left out by backends that predate them): what holds but is flagged. */
export const FormCheckResult = z.object({ ok: z.literal(true), checkedAt: z.iso.datetime(), notices: z.optional(z.array(FormNotice)) });
export type FormCheckResult = z.infer<typeof FormCheckResult>;

/**
 * Prefill paths are part of the contract: the app fills fields with them and the backend
 * re-checks locked values with them. Grammar: dot-separated keys; a segment `key[prop=value]`
 * keeps the items of array `key` whose `prop` equals `value`, and more filters may follow
 * (`members[relationship=parent][sex=female]`: all must hold). Keys after an array apply to
 * each item. Returns every value found, in order.
 */
export const selectAll = (root: unknown, path: string): unknown[] => {
  let current: unknown[] = [root];
  for (const segment of path.split('.')) {
    const match = /^([A-Za-z0-9]+)((?:\[[A-Za-z0-9]+=[^\]]*\])*)$/.exec(segment);
    if (!match) return [];
    const [, key = '', filterText = ''] = match;
    const filters = [...filterText.matchAll(/\[([A-Za-z0-9]+)=([^\]]*)\]/g)].map(([, prop = '', value = '']) => [prop, value] as const);
    const next: unknown[] = [];
    for (const item of current) {
      const child = item && typeof item === 'object' ? (item as Record<string, unknown>)[key] : undefined;
      const children = Array.isArray(child) ? child : child === undefined ? [] : [child];
      for (const c of children) {
        if (filters.some(([prop, value]) => !(c && typeof c === 'object' && String((c as Record<string, unknown>)[prop]) === value))) continue;
        next.push(c);
      }
    }
    current = next;
  }
  return current;
};

/** The first value at a prefill path, or undefined. */
export const selectOne = (root: unknown, path: string): unknown => selectAll(root, path)[0];

/** The value a prefill binding gives: the first at its path, through its map when it has one. */
export const prefillValue = (root: unknown, prefill: Prefill): unknown => {
  const value = selectOne(root, prefill.path);
  return prefill.map && value !== undefined ? prefill.map[String(value)] : value;
};
