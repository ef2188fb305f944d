import { apiRequest } from '../client.ts';
import { Catalogue, Procedure } from './schema.ts';

export const getCatalogue = (signal?: AbortSignal): Promise<Catalogue> => apiRequest('/catalogue', Catalogue, { signal });

export const getProcedure = (id: string, signal?: AbortSignal): Promise<Procedure> =>
  apiRequest(`/procedures/${encodeURIComponent(id)}`, Procedure, { signal });
