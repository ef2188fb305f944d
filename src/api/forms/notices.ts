import { daysBetween, isValidIsoDate, todayInVietnam } from '../../lib/vn/dates.ts';
import { isGroup } from './conditions.ts';
import type { FormDefinition, FormNotice, LeafField } from './schema.ts';
import type { CompileOptions } from './validator.ts';

/**
 * What holds but is flagged, beside the one validation (validator.ts) and from the same
 * definition: the app shows it while the citizen types and on check-your-answers, the backend
 * answers it on `POST /forms/:id/check` and records it on the dossier at `POST /dossiers`.
 * A notice never refuses anything.
 *
 * `late`: a date field with `lateAfterDays` whose date is more than that many days before today
 * in Vietnam (a birth registered after 60 days, docs/domain/civil-status.md).
 */

/** The notice of one field's value (an ISO date, as sent), or null. `today`: ISO, in Vietnam. */
export const fieldNotice = (field: LeafField, path: string, value: unknown, today: string): FormNotice | null => {
  if (field.type !== 'date' || field.lateAfterDays === undefined) return null;
  if (typeof value !== 'string' || !isValidIsoDate(value)) return null;
  const days = daysBetween(value, today);
  return days > field.lateAfterDays ? { path, code: 'late', days, limitDays: field.lateAfterDays } : null;
};

/**
 * Every notice of these answers (as sent: ISO dates) under this definition, in the form's order.
 * Today is the day in Vietnam unless `options.today` stands in for it (as for the validator).
 */
export const formNotices = (definition: FormDefinition, values: unknown, options: Pick<CompileOptions, 'today'> = {}): FormNotice[] => {
  if (typeof values !== 'object' || values === null || Array.isArray(values)) return [];
  const answers = values as Record<string, unknown>;
  const today = options.today ?? todayInVietnam();
  const out: FormNotice[] = [];
  const add = (notice: FormNotice | null) => {
    if (notice) out.push(notice);
  };
  for (const field of definition.sections.flatMap((s) => s.fields)) {
    if (!isGroup(field)) {
      add(fieldNotice(field, field.id, answers[field.id], today));
      continue;
    }
    const items = answers[field.id];
    if (!Array.isArray(items)) continue;
    items.forEach((item: unknown, index) => {
      if (typeof item !== 'object' || item === null) return;
      for (const inner of field.fields) add(fieldNotice(inner, `${field.id}.${index}.${inner.id}`, (item as Record<string, unknown>)[inner.id], today));
    });
  }
  return out;
};
