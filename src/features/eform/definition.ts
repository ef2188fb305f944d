import type { Condition, FormDefinition, FormField, GroupField, LeafField, LocalText } from '../../api/forms/schema.ts';

export type Values = Record<string, unknown>;

/** A label in the user's language, else Vietnamese (always present). */
export const localText = (text: LocalText | undefined, lng: string): string => (text ? (text[lng] ?? text.vi) : '');

export const isEmpty = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  value === '' ||
  value === false ||
  (Array.isArray(value) && value.length === 0) ||
  (typeof value === 'object' && !Array.isArray(value) && value !== null && Object.values(value).every((v) => v === '' || v === undefined));

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

/** The value a field starts from when nothing is pre-filled (empty, or the form's default). */
export const emptyValue = (field: FormField): unknown => {
  switch (field.type) {
    case 'checkbox':
      return false;
    case 'group':
      return [];
    case 'address':
      return { provinceCode: '', provinceName: '', communeCode: '', communeName: '', line: '' };
    case 'number':
      return field.initial === undefined ? '' : String(field.initial);
    default:
      return '';
  }
};

export const emptyGroupItem = (group: GroupField): Values => Object.fromEntries(group.fields.map((f) => [f.id, emptyValue(f)]));

export interface AddressValue {
  provinceCode: string;
  provinceName: string;
  communeCode: string;
  communeName: string;
  line: string;
}

/** "house number, street/hamlet, commune/ward, province/city" (docs/domain/admin-units.md). */
export const formatAddress = (value: unknown): string => {
  const a = (value ?? {}) as Partial<AddressValue>;
  return [a.line, a.communeName, a.provinceName].filter(Boolean).join(', ');
};
