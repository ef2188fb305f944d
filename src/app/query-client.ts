import { hydrate, QueryClient, type DefaultOptions, type DehydratedState } from '@tanstack/react-query';
import { isApiError } from '../api/errors.ts';

/** Retry what may pass (a flaky 3G link), never a 404, a malformed response or being offline. */
export const shouldRetry = (failureCount: number, error: unknown): boolean =>
  failureCount < 2 && (!isApiError(error) || (error.retryable && error.kind !== 'offline'));

export const createQueryClient = (queries: DefaultOptions['queries'] = {}): QueryClient =>
  new QueryClient({ defaultOptions: { queries: { retry: shouldRetry, refetchOnWindowFocus: false, ...queries } } });

/**
 * One client for the app; route loaders and components share its cache. A live binding: what
 * importers see is whatever `installQueryClient` last installed.
 */
export let queryClient = createQueryClient();

/** For tests: each one starts with its own client (own cache, own defaults such as `retry: false`). */
export const installQueryClient = (client: QueryClient): QueryClient => {
  queryClient.clear();
  queryClient = client;
  return client;
};

/**
 * A pre-rendered page's query cache (src/app/hydration.ts), taken over as it is: the data is as
 * fresh as the HTML that carried it, which is served fresh (no-cache).
 */
export const hydratePage = (state: DehydratedState): void => {
  const now = Date.now();
  for (const query of state.queries) query.state.dataUpdatedAt = now;
  hydrate(queryClient, state);
};
