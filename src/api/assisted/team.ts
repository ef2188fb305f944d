import { queryOptions } from '@tanstack/react-query';
import { apiBlob, apiRequest } from '../client.ts';
import { VolunteerStats } from './schema.ts';

/**
 * A volunteer's own figures for the commune's report (docs/domain/assisted.md): residents helped
 * and each dossier's procedure, code and status by month, nothing personal; the flags raised.
 * A non-volunteer is refused (403 `not-a-volunteer`).
 */
export const getVolunteerStats = (signal?: AbortSignal): Promise<VolunteerStats> => apiRequest('/assisted/volunteer/stats', VolunteerStats, { signal, auth: true });

/** The same as CSV, as the backend writes it for the report (UTF-8 with a byte-order mark). */
export const getVolunteerStatsCsv = (signal?: AbortSignal): Promise<Blob> => apiBlob('/assisted/volunteer/stats.csv', signal);

export const volunteerStatsQueryOptions = (sub: string) =>
  queryOptions({ queryKey: ['assisted', 'volunteer-stats', sub] as const, queryFn: ({ signal }) => getVolunteerStats(signal), staleTime: 30_000 });
