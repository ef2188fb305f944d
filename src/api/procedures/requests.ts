import { apiRequest } from '../client.ts';
import { Catalogue, OfficeList, Procedure } from './schema.ts';

export const getCatalogue = (signal?: AbortSignal): Promise<Catalogue> => apiRequest('/catalogue', Catalogue, { signal });

export const getProcedure = (id: string, signal?: AbortSignal): Promise<Procedure> =>
  apiRequest(`/procedures/${encodeURIComponent(id)}`, Procedure, { signal });

/** The offices that receive the procedure's dossiers in these provinces. */
export const getOffices = (id: string, provinceCodes: readonly string[], signal?: AbortSignal): Promise<OfficeList> => {
  const query = new URLSearchParams(provinceCodes.map((code) => ['province', code])).toString();
  return apiRequest(`/procedures/${encodeURIComponent(id)}/offices${query ? `?${query}` : ''}`, OfficeList, { signal });
};
