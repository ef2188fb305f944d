import { queryOptions } from '@tanstack/react-query';
import { getDossierRating, getRatingCriteria } from './requests.ts';

/** Personal keys carry the citizen's `sub`, like the dossiers' (api/dossiers/queries.ts). */
export const ratingKeys = {
  criteria: ['ratings', 'criteria'] as const,
  dossier: (sub: string, code: string) => ['ratings', 'dossier', sub, code] as const,
};

/** Changes rarely (a province's decision); kept by the service worker for offline rating. */
export const ratingCriteriaQueryOptions = () =>
  queryOptions({
    queryKey: ratingKeys.criteria,
    queryFn: ({ signal }) => getRatingCriteria(signal),
    staleTime: 60 * 60_000,
  });

export const dossierRatingQueryOptions = (sub: string, code: string) =>
  queryOptions({
    queryKey: ratingKeys.dossier(sub, code),
    queryFn: ({ signal }) => getDossierRating(code, signal),
    staleTime: 15_000,
  });
