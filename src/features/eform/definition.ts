import type { FormField, GroupField, LocalText } from '../../api/forms/schema.ts';
import type { Values } from '../../api/forms/conditions.ts';

export { allFields, isEmpty, isGroup, matches, visibleLeaves, visibleSections, type Values } from '../../api/forms/conditions.ts';

/** A label in the user's language, else Vietnamese (always present). */
export const localText = (text: LocalText | undefined, lng: string): string => (text ? (text[lng] ?? text.vi) : '');

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
