/**
 * One normalised error for everything that can go wrong talking to the backend. `kind` picks
 * the translated message (errors.* in the common namespace); nothing else in the app needs to
 * know about fetch, status codes or response shapes.
 */
export const API_ERROR_KINDS = [
  'offline',
  'network',
  'timeout',
  'unauthorized',
  'not-found',
  'conflict',
  'invalid-input',
  'malformed',
  'too-large',
  'rate-limited',
  'server',
  'client',
  'invalid-response',
] as const;
export type ApiErrorKind = (typeof API_ERROR_KINDS)[number];

/** The kind of an HTTP refusal, the same for every way the app talks to the backend. */
export const kindForStatus = (status: number): ApiErrorKind => {
  switch (status) {
    case 400:
      return 'malformed';
    case 401:
      return 'unauthorized';
    case 404:
      return 'not-found';
    case 409:
      return 'conflict';
    case 413:
      return 'too-large';
    case 422:
      return 'invalid-input';
    case 429:
      return 'rate-limited';
    default:
      return status >= 500 ? 'server' : 'client';
  }
};

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly kind: ApiErrorKind;
  readonly status: number | undefined;
  readonly code: string | undefined;
  /** The problem body the backend sent (e.g. which fields it rejected). */
  readonly details: Record<string, unknown> | undefined;
  /** When the backend said to try again (Retry-After of a 429 or 503). */
  readonly retryAt: Date | undefined;

  constructor(
    kind: ApiErrorKind,
    message: string,
    options: {
      status?: number | undefined;
      code?: string | undefined;
      cause?: unknown;
      details?: Record<string, unknown> | undefined;
      retryAt?: Date | undefined;
    } = {},
  ) {
    super(message, { cause: options.cause });
    this.kind = kind;
    this.status = options.status;
    this.code = options.code;
    this.details = options.details;
    this.retryAt = options.retryAt;
  }

  /** Worth trying again as it is (the user can press "Try again"). */
  get retryable(): boolean {
    return this.kind === 'offline' || this.kind === 'network' || this.kind === 'timeout' || this.kind === 'server' || this.kind === 'rate-limited';
  }
}

/**
 * When to try again, from a `Retry-After` header (delta-seconds or an HTTP date, RFC 9110
 * §10.2.3) or, when a cross-origin backend's header is not readable, the problem body's
 * `retryAfter` seconds. Undefined when neither says.
 */
export const retryAtFrom = (header: string | null, body: Record<string, unknown> | undefined, now = new Date()): Date | undefined => {
  const value = header?.trim();
  if (value && /^\d+$/.test(value)) return new Date(now.getTime() + Number(value) * 1000);
  if (value) {
    const date = new Date(value);
    if (!Number.isNaN(date.getTime())) return date;
  }
  const seconds = body?.retryAfter;
  if (typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0) return new Date(now.getTime() + seconds * 1000);
  return undefined;
};

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;
