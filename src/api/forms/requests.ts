import { z } from 'zod/mini';
import { apiRequest } from '../client.ts';
import { FormDefinition } from './schema.ts';

export const getFormDefinition = (procedureId: string, signal?: AbortSignal): Promise<FormDefinition> =>
  apiRequest(`/forms/${encodeURIComponent(procedureId)}`, FormDefinition, { signal });

export const FormCheckResult = z.object({ ok: z.literal(true), checkedAt: z.iso.datetime() });
export type FormCheckResult = z.infer<typeof FormCheckResult>;

/**
 * The backend re-checks the answers, locked values above all: a value the population database
 * holds must come back unchanged (422 'locked-value-changed' with the field ids otherwise).
 */
export const checkForm = (procedureId: string, values: Record<string, unknown>): Promise<FormCheckResult> =>
  apiRequest(`/forms/${encodeURIComponent(procedureId)}/check`, FormCheckResult, { method: 'POST', body: { values }, auth: true });
