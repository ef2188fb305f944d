import { z } from 'zod/mini';
import type { FormDefinition, GroupField, LeafField } from '../../api/forms/schema.ts';
import { validateIdNumber } from '../../lib/vn/id-number.ts';
import { validatePhone } from '../../lib/vn/phone.ts';
import { validatePersonName } from '../../lib/vn/person-name.ts';
import { parseVietnameseDate, validateDate } from '../../lib/vn/dates.ts';
import { isEmpty, isGroup, matches, visibleSections, type Values } from './definition.ts';

/**
 * Validation is a zod schema built from the definition. Messages are i18n keys (eform
 * namespace, "validation.*"), translated where they are shown. Hidden fields are not checked.
 */
const email = z.email();

type FieldError = string | null;

const checkLeaf = (field: LeafField, value: unknown, scope: Values): FieldError => {
  if (isEmpty(value) || (field.type === 'address' && isEmpty((value as { communeCode?: string }).communeCode))) {
    if (!field.required) return null;
    return field.type === 'checkbox' ? 'validation.mustAgree' : field.type === 'address' ? 'validation.addressRequired' : 'validation.required';
  }
  const text = typeof value === 'string' ? value.trim() : '';
  switch (field.type) {
    case 'text':
      if (field.maxLength && text.length > field.maxLength) return 'validation.tooLong';
      return field.kind === 'name' ? prefixed(validatePersonName(text)) : null;
    case 'number': {
      const n = Number(text.replace(',', '.'));
      if (!/^-?\d+([.,]\d+)?$/.test(text) || Number.isNaN(n)) return 'validation.number';
      if (field.integer && !Number.isInteger(n)) return 'validation.integer';
      if (field.min !== undefined && n < field.min) return 'validation.min';
      if (field.max !== undefined && n > field.max) return 'validation.max';
      return null;
    }
    case 'date': {
      const iso = parseVietnameseDate(text);
      if (!iso) return 'validation.date.invalid';
      return prefixed(validateDate(iso, { notFuture: field.notFuture, notBefore: '1900-01-01' }));
    }
    case 'select':
    case 'radio':
      return field.options.some((o) => o.value === value) ? null : 'validation.option';
    case 'idNumber': {
      const dob = field.dateOfBirthField ? parseVietnameseDate(String(scope[field.dateOfBirthField] ?? '')) : null;
      const sex = field.sexField ? scope[field.sexField] : undefined;
      return prefixed(
        validateIdNumber(text, {
          ...(dob ? { dateOfBirth: dob } : {}),
          ...(sex === 'male' || sex === 'female' ? { sex } : {}),
        }),
      );
    }
    case 'phone':
      return prefixed(validatePhone(text));
    case 'email':
      return email.safeParse(text).success ? null : 'validation.email';
    default:
      return null;
  }
};

const prefixed = (code: string | null): FieldError => (code ? `validation.${code}` : null);

const checkGroup = (group: GroupField, value: unknown, add: (path: (string | number)[], message: string) => void) => {
  const items = Array.isArray(value) ? (value as Values[]) : [];
  if (items.length < group.min) add([group.id], 'validation.groupMin');
  if (items.length > group.max) add([group.id], 'validation.groupMax');
  items.forEach((item, index) => {
    for (const sub of group.fields) {
      if (!matches(sub.visibleWhen, item)) continue;
      const error = checkLeaf(sub, item[sub.id], item);
      if (error) add([group.id, index, sub.id], error);
    }
  });
};

/** Errors keyed by field path ("childName", "members.0.fullName"). */
export const validateValues = (definition: FormDefinition, values: Values): Record<string, string> => {
  const errors: Record<string, string> = {};
  const add = (path: (string | number)[], message: string) => {
    errors[path.join('.')] ??= message;
  };
  for (const section of visibleSections(definition, values)) {
    for (const field of section.fields) {
      if (isGroup(field)) checkGroup(field, values[field.id], add);
      else {
        const error = checkLeaf(field, values[field.id], values);
        if (error) add([field.id], error);
      }
    }
  }
  return errors;
};

/** The zod schema react-hook-form validates with (zodResolver). */
export const buildFormSchema = (definition: FormDefinition) =>
  z.record(z.string(), z.unknown()).check((ctx) => {
    for (const [path, message] of Object.entries(validateValues(definition, ctx.value))) {
      ctx.issues.push({ code: 'custom', message, input: ctx.value, path: path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) });
    }
  });
