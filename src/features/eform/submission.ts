import type { FormDefinition, LeafField } from '../../api/forms/schema.ts';
import { parseVietnameseDate } from '../../lib/vn/dates.ts';
import { normaliseIdNumber } from '../../lib/vn/id-number.ts';
import { normalisePhone } from '../../lib/vn/phone.ts';
import { normalisePersonName } from '../../lib/vn/person-name.ts';
import { isGroup, matches, visibleSections, type Values } from './definition.ts';

/** A value as the backend expects it: ISO dates, digits-only numbers, NFC names. */
const leafValue = (field: LeafField, value: unknown): unknown => {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  switch (field.type) {
    case 'date':
      return parseVietnameseDate(text) ?? text;
    case 'number':
      // Anything but a plain number stays text, which the schema refuses as "enter a number".
      return text === '' ? null : /^-?\d+([.,]\d+)?$/.test(text) ? Number(text.replace(',', '.')) : text;
    case 'idNumber':
      return normaliseIdNumber(text);
    case 'phone':
      return normalisePhone(text);
    case 'text':
      return field.kind === 'name' ? normalisePersonName(text) : text;
    default:
      return text;
  }
};

/** What is sent: visible fields only, each in its canonical form. */
export const toSubmission = (definition: FormDefinition, values: Values): Values => {
  const out: Values = {};
  for (const section of visibleSections(definition, values)) {
    for (const field of section.fields) {
      if (isGroup(field)) {
        const items = Array.isArray(values[field.id]) ? (values[field.id] as Values[]) : [];
        out[field.id] = items.map((item) =>
          Object.fromEntries(field.fields.filter((f) => matches(f.visibleWhen, item)).map((f) => [f.id, leafValue(f, item[f.id])])),
        );
      } else out[field.id] = leafValue(field, values[field.id]);
    }
  }
  return out;
};
