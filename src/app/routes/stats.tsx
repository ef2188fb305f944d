import i18next from 'i18next';
import type { LoaderFunctionArgs, ShouldRevalidateFunctionArgs } from 'react-router';
import type { FetchQueryOptions, QueryKey } from '@tanstack/react-query';
import { provinceStatsQueryOptions } from '../../api/stats/queries.ts';
import { queryClient } from '../query-client.ts';

export { StatsPage as Component } from '../../features/stats/StatsPage.tsx';
export { StatsError as ErrorBoundary } from '../../features/stats/StatsError.tsx';

/**
 * Both statistics pages load the same way: their words, and their figures — a copy older than
 * its staleTime (or made stale by a rating sent since) is shown at once and refreshed. A refusal
 * (a period that is not one, an unknown agency) reaches StatsError.
 */
export const loadStats = async <T, K extends QueryKey>(options: FetchQueryOptions<T, Error, T, K>) => {
  await Promise.all([i18next.loadNamespaces('stats'), queryClient.ensureQueryData({ ...options, revalidateIfStale: true })]);
  return null;
};

/** `?period=` of the address; null: the backend's default. */
export const periodOf = (request: Request): string | null => new URL(request.url).searchParams.get('period');

export const loader = ({ request }: LoaderFunctionArgs) => loadStats(provinceStatsQueryOptions(periodOf(request)));

// Only a new period (or page) is a reason to load again.
export const shouldRevalidate = ({ currentUrl, nextUrl, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) =>
  currentUrl.pathname === nextUrl.pathname && currentUrl.searchParams.get('period') === nextUrl.searchParams.get('period') ? false : defaultShouldRevalidate;
