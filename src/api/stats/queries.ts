import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { getAgencyStats, getProvinceStats } from './requests.ts';

/** Query keys from general to specific: invalidate `statsKeys.all` after a rating is sent. */
export const statsKeys = {
  all: ['stats'] as const,
  province: (period: string | null) => [...statsKeys.all, 'province', period] as const,
  agency: (id: string, period: string | null) => [...statsKeys.all, 'agency', id, period] as const,
};

/**
 * A rating the backend accepted (from the outbox or straight after a look-up) changes the
 * published figures: every copy of them is stale, so /stats, an agency's page and the line on a
 * procedure's page ask again (at once when shown, otherwise on the next visit).
 */
export const afterRatingSent = (queryClient: QueryClient): Promise<void> => queryClient.invalidateQueries({ queryKey: statsKeys.all });

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
