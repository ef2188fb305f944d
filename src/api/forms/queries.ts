import { queryOptions } from '@tanstack/react-query';
import { getFormDefinition } from './requests.ts';

export const formKeys = {
  all: ['forms'] as const,
  definition: (procedureId: string) => [...formKeys.all, 'definition', procedureId] as const,
};

/** Definitions are public (no personal data): the service worker keeps them for offline use. */
export const formDefinitionQueryOptions = (procedureId: string) =>
  queryOptions({
    queryKey: formKeys.definition(procedureId),
    queryFn: ({ signal }) => getFormDefinition(procedureId, signal),
    staleTime: 60 * 60_000,
    networkMode: 'offlineFirst',
  });
