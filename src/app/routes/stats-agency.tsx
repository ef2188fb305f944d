import i18next from 'i18next';
import type { LoaderFunctionArgs } from 'react-router';
import { agencyStatsQueryOptions } from '../../api/stats/queries.ts';
import { queryClient } from '../query-client.ts';

export { AgencyStatsPage as Component } from '../../features/stats/AgencyStatsPage.tsx';
export { StatsError as ErrorBoundary } from '../../features/stats/StatsError.tsx';
export { shouldRevalidate } from './stats.tsx';

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  await Promise.all([
    i18next.loadNamespaces('stats'),
    queryClient.ensureQueryData({ ...agencyStatsQueryOptions(params.code ?? '', new URL(request.url).searchParams.get('period')), revalidateIfStale: true }),
  ]);
  return null;
};
