import { apiRequest } from '../client.ts';
import { FormCheckResult, FormDefinition } from './schema.ts';

export type { FormCheckResult };

export const getFormDefinition = (procedureId: string, signal?: AbortSignal): Promise<FormDefinition> =>
  apiRequest(`/forms/${encodeURIComponent(procedureId)}`, FormDefinition, { signal });

/**
 * The backend re-checks the answers, locked values above all: a value the population database
 * holds must come back unchanged (422 'locked-value-changed' with the field ids otherwise).
 */
export const checkForm = (procedureId: string, values: Record<string, unknown>): Promise<FormCheckResult> =>
  apiRequest(`/forms/${encodeURIComponent(procedureId)}/check`, FormCheckResult, { method: 'POST', body: { values }, auth: true });
