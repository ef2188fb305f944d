import type { LoaderFunctionArgs } from 'react-router';
import { agencyStatsQueryOptions } from '../../api/stats/queries.ts';
import { loadStats, periodOf } from './stats.tsx';

export { AgencyStatsPage as Component } from '../../features/stats/AgencyStatsPage.tsx';
export { StatsError as ErrorBoundary } from '../../features/stats/StatsError.tsx';
export { shouldRevalidate } from './stats.tsx';

export const loader = ({ request, params }: LoaderFunctionArgs) => loadStats(agencyStatsQueryOptions(params.code ?? '', periodOf(request)));
