import { afterEach, describe, expect, it, vi } from 'vitest';
import { FormDefinition } from '../src/api/forms/schema.ts';
import { db, resetDb } from './db.ts';
import { SYNTHETIC_FORM_FIELDS, SYNTHETIC_FORM_ID, syntheticFormDefinition } from './synthetic-form.ts';

const leaves = (d: FormDefinition) => d.sections.flatMap((s) => s.fields).flatMap((f) => (f.type === 'group' ? f.fields : [f]));

describe('the 60-field benchmark form (MOCK_FORMS=synthetic)', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    resetDb();
  });

  it('has 60 fields with unique ids, the last one the checkbox the benchmark waits for', () => {
    const fields = leaves(syntheticFormDefinition);
    expect(fields).toHaveLength(SYNTHETIC_FORM_FIELDS);
    expect(new Set(fields.map((f) => f.id)).size).toBe(SYNTHETIC_FORM_FIELDS);
    expect(fields.at(-1)).toMatchObject({ id: `f${SYNTHETIC_FORM_FIELDS}`, type: 'checkbox' });
    expect(new Set(fields.map((f) => f.type)).size).toBeGreaterThanOrEqual(9);
  });

  it('is served, with its procedure, only when asked for', async () => {
    const get = () => fetch(`${location.origin}/api/forms/${SYNTHETIC_FORM_ID}`);
    expect((await get()).status).toBe(404);
    expect(db.procedures.has(SYNTHETIC_FORM_ID)).toBe(false);

    vi.stubEnv('MOCK_FORMS', 'synthetic');
    resetDb();
    expect(db.procedures.get(SYNTHETIC_FORM_ID)?.hasEForm).toBe(true);
    const response = await get();
    expect(response.status).toBe(200);
    expect(leaves(FormDefinition.parse(await response.json()))).toHaveLength(SYNTHETIC_FORM_FIELDS);
  });
});
