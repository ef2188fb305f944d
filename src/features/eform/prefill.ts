import { prefillValue, selectAll, type FormDefinition, type LeafField } from '../../api/forms/schema.ts';
import type { Address, DataStoreView } from '../../api/me/schema.ts';
import type { FieldProvenance } from '../../offline/personal-db.ts';
import { formatVietnameseDate } from '../../lib/vn/dates.ts';
import { allFields, emptyGroupItem, emptyValue, isGroup, type Values } from './definition.ts';

/** Which section of the data store a path reads, so its source and date can be shown. */
const sectionOf = (path: string): keyof DataStoreView["sources"] | undefined => {
  const head = path.split(/[.[]/)[0];
  return head === 'citizen' || head === 'contact' || head === 'household' || head === 'documents' ? head : undefined;
};

/** A data-store value as the form holds it (dates as dd/mm/yyyy, as the citizen reads them). */
const toFormValue = (field: LeafField, value: unknown): unknown => {
  if (value === undefined || value === null) return undefined;
  switch (field.type) {
    case 'date':
      return typeof value === 'string' ? formatVietnameseDate(value) : undefined;
    case 'address': {
      const a = value as Partial<Address>;
      return a.provinceCode
        ? { provinceCode: a.provinceCode, provinceName: a.provinceName ?? '', communeCode: a.communeCode ?? '', communeName: a.communeName ?? '', line: a.line ?? '' }
        : undefined;
    }
    case 'checkbox':
      return Boolean(value);
    case 'number':
      return String(value);
    case 'document':
      return typeof value === 'object' && value && 'id' in value ? String((value as { id: unknown }).id) : String(value);
    default:
      return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
  }
};

export interface Prefilled {
  values: Values;
  provenance: Record<string, FieldProvenance>;
  /** Leaf fields filled from the data store (group items count each field once). */
  count: number;
}

/**
 * Fills every field the state already knows. A locked field is locked only when it really got
 * a value: a spouse who is not in the household leaves the spouse's fields open to type.
 */
export const prefill = (definition: FormDefinition, store: DataStoreView): Prefilled => {
  const values: Values = {};
  const provenance: Record<string, FieldProvenance> = {};
  let count = 0;
  const provenanceFor = (path: string, locked: boolean): FieldProvenance | undefined => {
    const section = sectionOf(path);
    const source = section ? store.sources[section] : undefined;
    return source ? { source: source.id, retrievedAt: source.retrievedAt, locked, path } : undefined;
  };
  for (const field of allFields(definition)) {
    if (isGroup(field)) {
      const items = field.prefill ? selectAll(store, field.prefill.path) : [];
      values[field.id] = items.slice(0, field.max).map((item) => {
        const row = emptyGroupItem(field);
        for (const sub of field.fields) {
          if (!sub.prefill) continue;
          const v = toFormValue(sub, prefillValue(item, sub.prefill));
          if (v !== undefined) row[sub.id] = v;
        }
        return row;
      });
      if (items.length > 0 && field.prefill) {
        const p = provenanceFor(field.prefill.path, false);
        if (p) provenance[field.id] = p;
        count += 1;
      }
      continue;
    }
    const value = field.prefill ? toFormValue(field, prefillValue(store, field.prefill)) : undefined;
    values[field.id] = value ?? emptyValue(field);
    if (value !== undefined && field.prefill) {
      const p = provenanceFor(field.prefill.path, field.prefill.lock === 'locked');
      if (p) {
        provenance[field.id] = p;
        count += 1;
      }
    }
  }
  return { values, provenance, count };
};
