import { config, safeParse, type core } from 'zod/mini';
import { env } from '../config/env.ts';
import { ApiError } from './errors.ts';
import { takeEarly } from './early.ts';

// zod 4 probes `new Function` to speed up object parsing; our CSP forbids eval (script-src
// 'self'), so the probe is reported as a violation. Parse without it.
config({ jitless: true });

/** Slow 3G can take a while, but a request that hangs must end in a message, not a spinner. */
const TIMEOUT_MS = 20_000;

interface RequestOptions {
  signal?: AbortSignal | undefined;
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

const problemCode = async (response: Response): Promise<string | undefined> => {
  try {
    const body: unknown = await response.json();
    if (body && typeof body === 'object' && 'code' in body && typeof body.code === 'string') return body.code;
  } catch {
    // Not a problem+json body: the status alone has to do.
  }
  return undefined;
};

/** An early request was started without our signal: still honour timeouts and aborts. */
const raceAbort = <T,>(promise: Promise<T>, signal: AbortSignal): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    promise.then(resolve, reject);
  });

export const apiRequest = async <T>(path: string, schema: core.$ZodType<T>, options: RequestOptions = {}): Promise<T> => {
  const timeout = AbortSignal.timeout(TIMEOUT_MS);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let response: Response;
  try {
    const early = (options.method ?? 'GET') === 'GET' ? takeEarly(path) : undefined;
    response = await (early ? raceAbort(early, signal) : fetch(`${env.apiBaseUrl}${path}`, {
      method: options.method ?? 'GET',
      headers: { Accept: 'application/json', ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }), ...options.headers },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal,
    }));
  } catch (cause) {
    // A caller's own abort (navigation away) is not an error to show: rethrow it untouched.
    if (options.signal?.aborted) throw cause;
    if (timeout.aborted) throw new ApiError('timeout', `Timed out: ${path}`, { cause });
    const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
    throw new ApiError(offline ? 'offline' : 'network', `Network error: ${path}`, { cause });
  }
  if (!response.ok) {
    const code = await problemCode(response);
    const kind = response.status === 404 ? 'not-found' : response.status >= 500 ? 'server' : 'client';
    throw new ApiError(kind, `HTTP ${response.status}: ${path}`, { status: response.status, code });
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch (cause) {
    throw new ApiError('invalid-response', `Not JSON: ${path}`, { status: response.status, cause });
  }
  const parsed = safeParse(schema, body);
  if (!parsed.success) {
    // Backend drift: one typed error the UI can explain, with the details for the console.
    throw new ApiError('invalid-response', `Unexpected response shape: ${path}`, { status: response.status, cause: parsed.error });
  }
  return parsed.data;
};
