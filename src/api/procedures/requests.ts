import { apiRequest } from '../client.ts';
import { isApiError } from '../errors.ts';
import { Catalogue, OfficeList, Procedure, ProcedureTranslation } from './schema.ts';

export const getCatalogue = (signal?: AbortSignal): Promise<Catalogue> => apiRequest('/catalogue', Catalogue, { signal });

export const getProcedure = (id: string, signal?: AbortSignal): Promise<Procedure> =>
  apiRequest(`/procedures/${encodeURIComponent(id)}`, Procedure, { signal });

/** The offices that receive the procedure's dossiers in these provinces. */
export const getOffices = (id: string, provinceCodes: readonly string[], signal?: AbortSignal): Promise<OfficeList> => {
  const query = new URLSearchParams(provinceCodes.map((code) => ['province', code])).toString();
  return apiRequest(`/procedures/${encodeURIComponent(id)}/offices${query ? `?${query}` : ''}`, OfficeList, { signal });
};

/**
 * The procedure's content in another language; null when the backend has none in it (404), which
 * is no error: the page shows the Vietnamese and says so (docs/architecture/decisions.md, 15).
 */
export const getProcedureTranslation = async (id: string, lang: string, signal?: AbortSignal): Promise<ProcedureTranslation | null> => {
  try {
    return await apiRequest(`/procedures/${encodeURIComponent(id)}/translations/${encodeURIComponent(lang)}`, ProcedureTranslation, { signal });
  } catch (error) {
    if (isApiError(error) && error.kind === 'not-found') return null;
    throw error;
  }
};
