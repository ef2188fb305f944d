import { isRouteErrorResponse } from 'react-router';
import { isApiError, kindForStatus, type ApiErrorKind } from '../../api/errors.ts';

export type ErrorKind = ApiErrorKind | 'unknown';

/** Which translated message an error deserves (errors.* keys in the common namespace). */
export const errorKind = (error: unknown): ErrorKind => {
  if (isApiError(error)) return error.kind;
  if (isRouteErrorResponse(error)) return kindForStatus(error.status);
  // A lazy route's chunk that could not be fetched (offline, never visited).
  if (error instanceof TypeError && /dynamically imported module|Importing a module script failed|Failed to fetch/i.test(error.message)) {
    return navigator.onLine ? 'network' : 'offline';
  }
  return 'unknown';
};

export const isRetryable = (kind: ErrorKind): boolean =>
  kind !== 'not-found' && kind !== 'client' && kind !== 'unauthorized' && kind !== 'conflict' && kind !== 'invalid-input' && kind !== 'malformed' && kind !== 'too-large';
