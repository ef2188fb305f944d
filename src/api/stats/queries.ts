import { queryOptions } from '@tanstack/react-query';
import { getAgencyStats, getProvinceStats } from './requests.ts';

/** Query keys from general to specific: invalidate `statsKeys.all` after a rating is sent. */
export const statsKeys = {
  all: ['stats'] as const,
  province: (period: string | null) => [...statsKeys.all, 'province', period] as const,
  agency: (id: string, period: string | null) => [...statsKeys.all, 'agency', id, period] as const,
};

/**
 * Public figures, fresh for a minute; 'offlineFirst' lets the request reach the service worker,
 * which answers with the copy from the last visit when there is no signal.
 */
export const provinceStatsQueryOptions = (period: string | null) =>
  queryOptions({
    queryKey: statsKeys.province(period),
    queryFn: ({ signal }) => getProvinceStats(period, signal),
    staleTime: 60_000,
    networkMode: 'offlineFirst',
  });

export const agencyStatsQueryOptions = (id: string, period: string | null) =>
  queryOptions({
    queryKey: statsKeys.agency(id, period),
    queryFn: ({ signal }) => getAgencyStats(id, period, signal),
    staleTime: 60_000,
    networkMode: 'offlineFirst',
  });
