import { http, HttpResponse } from 'msw';
import { prefillValue, type FormDefinition, type LeafField } from '../../src/api/forms/schema.ts';
import { compileFormSchema, validateWith, type FormSchema } from '../../src/api/forms/validator.ts';
import { formNotices } from '../../src/api/forms/notices.ts';
import type { FieldError } from '../../src/api/problem/schema.ts';
import { communes } from '../fixtures/admin-units.ts';
import { formDefinitions } from '../fixtures/forms.ts';
import { syntheticFormDefinition, syntheticFormsEnabled } from '../synthetic-form.ts';
import { dataStoreFor } from '../idp.ts';
import { currentCitizenId } from './idp.ts';
import { readJson } from './body.ts';
import { problem } from './problem.ts';
import { delegationOf } from './assisted.ts';
import { db } from '../db.ts';
import { NOT_ON_BEHALF, checkAnswersOnBehalf } from '../../src/api/procedures/on-behalf.ts';

export const definitionFor = (procedureId: string): FormDefinition | undefined =>
  formDefinitions.find((d) => d.procedureId === procedureId) ?? (syntheticFormsEnabled() && procedureId === syntheticFormDefinition.procedureId ? syntheticFormDefinition : undefined);

const same = (field: LeafField, sent: unknown, official: unknown): boolean => {
  if (field.type === 'address') {
    const a = (sent ?? {}) as Record<string, unknown>;
    const b = (official ?? {}) as Record<string, unknown>;
    return a.provinceCode === b.provinceCode && a.communeCode === b.communeCode && String(a.line ?? '').trim() === String(b.line ?? '').trim();
  }
  const text = (v: unknown) => String(v ?? '').normalize('NFC').trim();
  return text(sent) === text(official);
};

/**
 * The backend does not trust the device: every locked (authoritative) value in an application
 * must equal what the population database holds.
 */
export const lockedValuesChanged = (definition: FormDefinition, store: unknown, values: Record<string, unknown>): string[] =>
  definition.sections
    .flatMap((s) => s.fields)
    .filter((f): f is LeafField => f.type !== 'group' && f.prefill?.lock === 'locked')
    .filter((f) => f.id in values)
    .filter((f) => {
      const official = f.prefill ? prefillValue(store, f.prefill) : undefined;
      return official !== undefined && !same(f, values[f.id], official);
    })
    .map((f) => f.id);

const communeKeys = new Set(communes.map((c) => `${c.provinceCode}:${c.code}`));
const schemas = new WeakMap<FormDefinition, FormSchema>();

/**
 * The same schema the app validates with (src/api/forms/validator.ts), compiled once per
 * definition, plus what only the backend holds: an address's commune must be a commune of its
 * province in the administrative units.
 */
const schemaFor = (definition: FormDefinition): FormSchema => {
  let schema = schemas.get(definition);
  if (!schema) {
    schema = compileFormSchema(definition, { commune: (province, commune) => communeKeys.has(`${province}:${commune}`) });
    schemas.set(definition, schema);
  }
  return schema;
};

/**
 * The backend does not trust the device: the answers of a check or a submission, field by
 * field, under the procedure's e-form. Empty when they hold, or when there is no e-form (no
 * dossier is taken online for such a procedure: 404 or 409 follows).
 */
export const refusedValues = (procedureId: string, values: unknown): FieldError[] => {
  const definition = definitionFor(procedureId);
  return definition ? validateWith(schemaFor(definition), values) : [];
};

/** 422 `invalid-values` (src/api/problem/schema.ts, InvalidValuesProblem). */
export const invalidValuesProblem = (errors: FieldError[]) => problem(422, 'invalid-values', 'Some answers do not hold under the e-form', { errors });

export const formHandlers = [
  // Definitions are public: no personal data, cacheable by the service worker.
  http.get('*/api/forms/:procedureId', ({ params }) => {
    const definition = definitionFor(String(params.procedureId));
    if (!definition) return problem(404, 'form-not-found', 'No e-form for this procedure');
    return HttpResponse.json(definition, { headers: { 'Cache-Control': 'no-cache' } });
  }),
  http.post('*/api/forms/:procedureId/check', async ({ params, request }) => {
    const citizenId = currentCitizenId(request);
    if (!citizenId) return problem(401, 'session-expired', 'Sign in again');
    const definition = definitionFor(String(params.procedureId));
    if (!definition) return problem(404, 'form-not-found', 'No e-form for this procedure');
    const body = (await readJson(request)) as { values?: unknown } | null;
    if (!body || typeof body.values !== 'object' || body.values === null) return problem(422, 'invalid-body', 'Expected { values }');
    const refused = refusedValues(definition.procedureId, body.values);
    if (refused.length > 0) {
      const response = invalidValuesProblem(refused);
      response.headers.set('Cache-Control', 'no-store');
      return response;
    }
    // Checked for someone else (a delegated token): what only the person may ask for, as a submission would refuse it.
    const procedure = delegationOf(request) ? db.procedures.get(definition.procedureId) : undefined;
    const notOnBehalf = procedure ? checkAnswersOnBehalf(procedure, body.values as Record<string, unknown>) : [];
    if (notOnBehalf.length > 0) {
      return problem(422, NOT_ON_BEHALF, 'Only the person may ask for this: it cannot be filed on their behalf', { field: notOnBehalf[0]?.field, answers: notOnBehalf });
    }
    const changed = lockedValuesChanged(definition, dataStoreFor(citizenId), body.values as Record<string, unknown>);
    if (changed.length > 0) return problem(422, 'locked-value-changed', 'Authoritative values were altered', { fields: changed });
    // What holds but is flagged (a late registration): answered, never refused.
    const notices = formNotices(definition, body.values);
    return HttpResponse.json({ ok: true, checkedAt: new Date().toISOString(), notices }, { headers: { 'Cache-Control': 'no-store' } });
  }),
];
