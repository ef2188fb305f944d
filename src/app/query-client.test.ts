import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors.ts';
import { createQueryClient, shouldRetry } from './query-client.ts';

describe('the retry policy of the app’s queries', () => {
  it('tries twice more what may pass: a dropped connection, a timeout, a server error', () => {
    for (const kind of ['network', 'timeout', 'server'] as const) {
      expect(shouldRetry(0, new ApiError(kind, kind)), kind).toBe(true);
      expect(shouldRetry(1, new ApiError(kind, kind)), kind).toBe(true);
      expect(shouldRetry(2, new ApiError(kind, kind)), kind).toBe(false);
    }
    expect(shouldRetry(0, new TypeError('Failed to fetch'))).toBe(true);
  });

  it('never retries what cannot pass as it is, nor while offline', () => {
    for (const kind of ['offline', 'not-found', 'invalid-response', 'unauthorized', 'conflict', 'invalid-input', 'client'] as const) {
      expect(shouldRetry(0, new ApiError(kind, kind)), kind).toBe(false);
    }
  });

  it('is what the app’s client uses unless a test overrides it', () => {
    expect(createQueryClient().getDefaultOptions().queries?.retry).toBe(shouldRetry);
    expect(createQueryClient({ retry: false }).getDefaultOptions().queries?.retry).toBe(false);
    expect(createQueryClient().getDefaultOptions().queries?.refetchOnWindowFocus).toBe(false);
  });
});
