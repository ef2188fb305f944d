import { queryOptions } from '@tanstack/react-query';
import { getCatalogue, getOffices, getProcedure, getProcedureTranslation } from './requests.ts';
import { procedureKeys } from './keys.ts';

export { procedureKeys } from './keys.ts';

/**
 * The public catalogue changes rarely. 'offlineFirst' lets the request reach our service
 * worker even when the browser says it is offline, so the cached copy answers.
 */
export const catalogueQueryOptions = () =>
  queryOptions({
    queryKey: procedureKeys.catalogue(),
    queryFn: ({ signal }) => getCatalogue(signal),
    staleTime: 10 * 60_000,
    networkMode: 'offlineFirst',
  });

export const procedureQueryOptions = (id: string) =>
  queryOptions({
    queryKey: procedureKeys.detail(id),
    queryFn: ({ signal }) => getProcedure(id, signal),
    staleTime: 10 * 60_000,
    networkMode: 'offlineFirst',
  });

/**
 * The procedure's content in the reader's language (null: the backend has none). Only asked for
 * a reader of another language than Vietnamese: a Vietnamese page costs nothing more.
 */
export const procedureTranslationQueryOptions = (id: string, lang: string) =>
  queryOptions({
    queryKey: procedureKeys.translation(id, lang),
    queryFn: ({ signal }) => getProcedureTranslation(id, lang, signal),
    staleTime: 10 * 60_000,
    networkMode: 'offlineFirst',
  });

/** The offices a citizen may send the dossier to, in their provinces (public, rarely changes). */
export const officesQueryOptions = (id: string, provinceCodes: readonly string[]) =>
  queryOptions({
    queryKey: procedureKeys.offices(id, provinceCodes),
    queryFn: ({ signal }) => getOffices(id, provinceCodes, signal),
    staleTime: 60 * 60_000,
    networkMode: 'offlineFirst',
  });
