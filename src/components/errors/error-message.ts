import { isRouteErrorResponse } from 'react-router';
import { isApiError, kindForStatus, type ApiErrorKind } from '../../api/errors.ts';

export type ErrorKind = ApiErrorKind | 'unknown';

/** Which translated message an error deserves (errors.* keys in the common namespace). */
export const errorKind = (error: unknown): ErrorKind => {
  if (isApiError(error)) return error.kind;
  if (isRouteErrorResponse(error)) return kindForStatus(error.status);
  // A lazy route's chunk (or a request) that could not be fetched (offline, never visited).
  if (isMissingCode(error) || (error instanceof TypeError && /Failed to fetch/i.test(error.message))) {
    return navigator.onLine ? 'network' : 'offline';
  }
  return 'unknown';
};

/** A page's code that did not arrive (Chromium, Firefox and Safari word it differently). */
export function isMissingCode(error: unknown): boolean {
  return error instanceof TypeError && /dynamically imported module|Importing a module script failed/i.test(error.message);
}

const RELOADED_AT = 'mcs.codeReloadAt';
const RELOAD_AGAIN_AFTER_MS = 30_000;

/**
 * Whether to load the page again by itself, now, because a file of its code did not arrive
 * while the phone is online. The browser keeps a failed module in memory for the page's life,
 * so asking again in the page fails at once; a reload asks afresh. Once per 30 seconds a tab
 * (the time is kept in sessionStorage): a file that keeps failing gets the message and its
 * reload button, never a loop. Offline, the page says so instead.
 */
export const shouldReloadForMissingCode = (error: unknown, now = Date.now()): boolean => {
  if (!isMissingCode(error) || !navigator.onLine) return false;
  try {
    const last = Number(sessionStorage.getItem(RELOADED_AT) ?? 0);
    if (now - last < RELOAD_AGAIN_AFTER_MS) return false;
    sessionStorage.setItem(RELOADED_AT, String(now));
    return true;
  } catch {
    // Storage blocked: nothing can stop a loop, so the citizen decides.
    return false;
  }
};

export const isRetryable = (kind: ErrorKind): boolean =>
  kind !== 'not-found' && kind !== 'client' && kind !== 'unauthorized' && kind !== 'conflict' && kind !== 'invalid-input' && kind !== 'malformed' && kind !== 'too-large';
