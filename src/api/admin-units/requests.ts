import { z } from 'zod/mini';
import { apiRequest } from '../client.ts';
import { Commune, Province } from './schema.ts';

export const getProvinces = (signal?: AbortSignal): Promise<Province[]> => apiRequest('/admin-units/provinces', z.array(Province), { signal });

export const getCommunes = (provinceCode: string, signal?: AbortSignal): Promise<Commune[]> =>
  apiRequest(`/admin-units/provinces/${encodeURIComponent(provinceCode)}/communes`, z.array(Commune), { signal });
