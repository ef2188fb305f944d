import type { Condition, FormDefinition, FormField, GroupField, LeafField } from './schema.ts';

/**
 * What a definition's conditions mean, shared by the app (which sections and fields to draw)
 * and the validator (which fields must be answered and which must be left empty), so the two
 * can never disagree about what the citizen was shown.
 */
export type Values = Record<string, unknown>;

/** No answer: nothing, '', false (an unticked box), [], or an object of empty strings (an address not started). */
export const isEmpty = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  value === '' ||
  value === false ||
  (Array.isArray(value) && value.length === 0) ||
  (typeof value === 'object' && !Array.isArray(value) && value !== null && Object.values(value).every((v) => v === '' || v === undefined || v === null));

export const matches = (condition: Condition | undefined, values: Values): boolean => {
  if (!condition) return true;
  const value = values[condition.field];
  if (condition.filled !== undefined) return condition.filled === !isEmpty(value);
  if (condition.in) return typeof value === 'string' && condition.in.includes(value);
  if (condition.equals !== undefined) return value === condition.equals;
  return true;
};

export const isGroup = (field: FormField): field is GroupField => field.type === 'group';

/** Sections and fields the citizen sees with these answers (hidden ones are neither checked nor sent). */
export const visibleSections = (definition: FormDefinition, values: Values) =>
  definition.sections
    .filter((s) => matches(s.visibleWhen, values))
    .map((s) => ({ ...s, fields: s.fields.filter((f) => matches(f.visibleWhen, values)) }));

export const visibleLeaves = (definition: FormDefinition, values: Values): LeafField[] =>
  visibleSections(definition, values).flatMap((s) => s.fields.filter((f): f is LeafField => !isGroup(f)));

export const allFields = (definition: FormDefinition): FormField[] => definition.sections.flatMap((s) => s.fields);
