import { config, safeParse, type core } from 'zod/mini';
import { env } from '../config/env.ts';
import { ApiError, kindForStatus, retryAtFrom } from './errors.ts';
import { takeEarly } from './early.ts';
import { isExpired, keptSessionOpen, noteRefusal, readSession } from '../auth/session.ts';

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
  /** Send the citizen's access token; without a live session this fails as 'unauthorized'. */
  auth?: boolean;
  /** This bearer token instead of the session's (a queued dossier's delegated token, assisted mode). */
  token?: string | undefined;
}

/** RFC 9457 problem details, when the backend sent them. */
const readProblem = async (response: Response): Promise<{ code?: string; body?: Record<string, unknown> }> => {
  try {
    const body: unknown = await response.json();
    if (body && typeof body === 'object') {
      const code = 'code' in body && typeof body.code === 'string' ? body.code : undefined;
      return { code, body: body as Record<string, unknown> };
    }
  } catch {
    // Not a problem+json body: the status alone has to do.
  }
  return {};
};

/** An early request was started without our signal: still honour timeouts and aborts. */
const raceAbort = <T,>(promise: Promise<T>, signal: AbortSignal): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    promise.then(resolve, reject);
  });

/** A kept session's access token ran out or was refused: renewed silently once (auth/keep.ts). */
const renewed = async (): Promise<boolean> => keptSessionOpen() && (await import('../auth/keep.ts')).renewOpenSession();

export const apiRequest = async <T>(path: string, schema: core.$ZodType<T>, options: RequestOptions = {}, retried = false): Promise<T> => {
  const authHeaders: Record<string, string> = {};
  if (options.token) authHeaders.Authorization = `Bearer ${options.token}`;
  else if (options.auth) {
    const current = readSession();
    if (!retried && (!current || isExpired(current)) && (await renewed())) return apiRequest(path, schema, options, true);
    const session = readSession();
    if (!session || isExpired(session)) throw new ApiError('unauthorized', `No live session: ${path}`, { code: 'session-expired' });
    authHeaders.Authorization = `Bearer ${session.accessToken}`;
  }
  const timeout = AbortSignal.timeout(TIMEOUT_MS);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let response: Response;
  try {
    const early = (options.method ?? 'GET') === 'GET' && !options.auth ? takeEarly(path) : undefined;
    response = await (early ? raceAbort(early, signal) : fetch(`${env.apiBaseUrl}${path}`, {
      method: options.method ?? 'GET',
      headers: {
        Accept: 'application/json',
        ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...authHeaders,
        ...options.headers,
      },
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
    // Every 401: renew a kept session once and try again; otherwise the one sign-in-again path.
    if (response.status === 401 && options.auth && !retried && (await renewed())) return apiRequest(path, schema, options, true);
    const { code, body: problem } = await readProblem(response);
    const kind = kindForStatus(response.status);
    const retryAt = retryAtFrom(response.headers.get('Retry-After'), problem);
    // A resident's consent revoked or ended while the volunteer helps: the banner tells them.
    if (response.status === 403 && authHeaders.Authorization) noteRefusal(authHeaders.Authorization.slice('Bearer '.length), code);
    throw new ApiError(kind, `HTTP ${response.status}: ${path}`, { status: response.status, code, details: problem, retryAt });
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

/** A personal file (a stored document): bytes, not JSON; always with the citizen's token. */
export const apiBlob = async (path: string, signal?: AbortSignal): Promise<Blob> => {
  const session = readSession();
  if (!session || isExpired(session)) throw new ApiError('unauthorized', `No live session: ${path}`, { code: 'session-expired' });
  let response: Response;
  try {
    response = await fetch(`${env.apiBaseUrl}${path}`, { headers: { Authorization: `Bearer ${session.accessToken}` }, signal: signal ?? null });
  } catch (cause) {
    throw new ApiError(navigator.onLine === false ? 'offline' : 'network', `Network error: ${path}`, { cause });
  }
  if (!response.ok) {
    throw new ApiError(kindForStatus(response.status), `HTTP ${response.status}: ${path}`, {
      status: response.status,
    });
  }
  return response.blob();
};
