import { apiRequest } from '../client.ts';
import type { AgencyStats, ProvinceStats } from './schema.ts';

/** Loaded, and its schemas built, with the first request (as procedures/requests.ts). */
const contract = () => import('./schema.ts');

const query = (period: string | null) => (period === null ? '' : `?${new URLSearchParams({ period }).toString()}`);

/** `period` as in the URL ("2026-Q3"); null: the backend's default (the current year). */
export const getProvinceStats = async (period: string | null, signal?: AbortSignal): Promise<ProvinceStats> =>
  apiRequest(`/stats${query(period)}`, (await contract()).ProvinceStats, { signal });

export const getAgencyStats = async (agencyId: string, period: string | null, signal?: AbortSignal): Promise<AgencyStats> =>
  apiRequest(`/stats/agencies/${encodeURIComponent(agencyId)}${query(period)}`, (await contract()).AgencyStats, { signal });
