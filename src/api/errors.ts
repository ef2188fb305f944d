/**
 * One normalised error for everything that can go wrong talking to the backend. `kind` picks
 * the translated message (errors.* in the common namespace); nothing else in the app needs to
 * know about fetch, status codes or response shapes.
 */
export const API_ERROR_KINDS = ['offline', 'network', 'timeout', 'unauthorized', 'not-found', 'conflict', 'invalid-input', 'server', 'client', 'invalid-response'] as const;
export type ApiErrorKind = (typeof API_ERROR_KINDS)[number];

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly kind: ApiErrorKind;
  readonly status: number | undefined;
  readonly code: string | undefined;
  /** The problem body the backend sent (e.g. which fields it rejected). */
  readonly details: Record<string, unknown> | undefined;

  constructor(
    kind: ApiErrorKind,
    message: string,
    options: { status?: number | undefined; code?: string | undefined; cause?: unknown; details?: Record<string, unknown> | undefined } = {},
  ) {
    super(message, { cause: options.cause });
    this.kind = kind;
    this.status = options.status;
    this.code = options.code;
    this.details = options.details;
  }

  /** Worth trying again as it is (the user can press "Try again"). */
  get retryable(): boolean {
    return this.kind === 'offline' || this.kind === 'network' || this.kind === 'timeout' || this.kind === 'server';
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;
