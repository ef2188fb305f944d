import { queryOptions } from '@tanstack/react-query';
import { getCorrections, getDataStore } from './requests.ts';

/** Keyed by citizen: one person's data can never answer for another's. */
export const meKeys = {
  all: ['me'] as const,
  dataStore: (sub: string) => [...meKeys.all, 'data-store', sub] as const,
  corrections: (sub: string) => [...meKeys.all, 'corrections', sub] as const,
};

/** Personal data: kept in memory only (never persisted, never in Cache Storage). */
export const dataStoreQueryOptions = (sub: string) =>
  queryOptions({
    queryKey: meKeys.dataStore(sub),
    queryFn: ({ signal }) => getDataStore(signal),
    staleTime: 5 * 60_000,
  });

/** The citizen's correction requests, from the backend (which keeps them): in memory only. */
export const correctionsQueryOptions = (sub: string) =>
  queryOptions({
    queryKey: meKeys.corrections(sub),
    queryFn: ({ signal }) => getCorrections(signal),
    staleTime: 60_000,
  });
