import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/errors.ts';

/** One client for the app; route loaders and components share its cache. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Retry what may pass (a flaky 3G link), never a 404 or a malformed response.
      retry: (failureCount, error) => failureCount < 2 && (!isApiError(error) || (error.retryable && error.kind !== 'offline')),
      refetchOnWindowFocus: false,
    },
  },
});
