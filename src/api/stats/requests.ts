import { apiRequest } from '../client.ts';
import { AgencyStats, ProvinceStats } from './schema.ts';

const query = (period: string | null) => (period === null ? '' : `?${new URLSearchParams({ period }).toString()}`);

/** `period` as in the URL ("2026-Q3"); null: the backend's default (the current year). */
export const getProvinceStats = (period: string | null, signal?: AbortSignal): Promise<ProvinceStats> =>
  apiRequest(`/stats${query(period)}`, ProvinceStats, { signal });

export const getAgencyStats = (agencyId: string, period: string | null, signal?: AbortSignal): Promise<AgencyStats> =>
  apiRequest(`/stats/agencies/${encodeURIComponent(agencyId)}${query(period)}`, AgencyStats, { signal });
