import i18next from 'i18next';
import type { LoaderFunctionArgs, ShouldRevalidateFunctionArgs } from 'react-router';
import { provinceStatsQueryOptions } from '../../api/stats/queries.ts';
import { queryClient } from '../query-client.ts';

export { StatsPage as Component } from '../../features/stats/StatsPage.tsx';
export { StatsError as ErrorBoundary } from '../../features/stats/StatsError.tsx';

export const loader = async ({ request }: LoaderFunctionArgs) => {
  await Promise.all([
    i18next.loadNamespaces('stats'),
    // Figures change with every rating: a copy older than its staleTime is shown, and refreshed.
    queryClient.ensureQueryData({ ...provinceStatsQueryOptions(new URL(request.url).searchParams.get('period')), revalidateIfStale: true }),
  ]);
  return null;
};

// Only a new period (or page) is a reason to load again.
export const shouldRevalidate = ({ currentUrl, nextUrl, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) =>
  currentUrl.pathname === nextUrl.pathname && currentUrl.searchParams.get('period') === nextUrl.searchParams.get('period') ? false : defaultShouldRevalidate;
