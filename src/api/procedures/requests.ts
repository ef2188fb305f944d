import { apiRequest } from '../client.ts';
import { isApiError } from '../errors.ts';
import type { Catalogue, OfficeList, Procedure, ProcedureTranslation } from './schema.ts';

/**
 * The contract is loaded (and its schemas built) with the first request, not with the pages that
 * show the data: a pre-rendered page is taken over with the data it carries and builds no schema
 * then (docs/architecture/decisions.md, 3c).
 */
const contract = () => import('./schema.ts');

export const getCatalogue = async (signal?: AbortSignal): Promise<Catalogue> => apiRequest('/catalogue', (await contract()).Catalogue, { signal });

export const getProcedure = async (id: string, signal?: AbortSignal): Promise<Procedure> =>
  apiRequest(`/procedures/${encodeURIComponent(id)}`, (await contract()).Procedure, { signal });

/** The offices that receive the procedure's dossiers in these provinces. */
export const getOffices = async (id: string, provinceCodes: readonly string[], signal?: AbortSignal): Promise<OfficeList> => {
  const query = new URLSearchParams(provinceCodes.map((code) => ['province', code])).toString();
  return apiRequest(`/procedures/${encodeURIComponent(id)}/offices${query ? `?${query}` : ''}`, (await contract()).OfficeList, { signal });
};

/**
 * The procedure's content in another language; null when the backend has none in it (404), which
 * is no error: the page shows the Vietnamese and says so (docs/architecture/decisions.md, 15).
 */
export const getProcedureTranslation = async (id: string, lang: string, signal?: AbortSignal): Promise<ProcedureTranslation | null> => {
  try {
    return await apiRequest(`/procedures/${encodeURIComponent(id)}/translations/${encodeURIComponent(lang)}`, (await contract()).ProcedureTranslation, { signal });
  } catch (error) {
    if (isApiError(error) && error.kind === 'not-found') return null;
    throw error;
  }
};
