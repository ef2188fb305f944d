import { describe, expect, it } from 'vitest';
import { http } from 'msw';
import { server } from '../../mocks/node.ts';
import { problem } from '../../mocks/handlers/problem.ts';
import { getCatalogue } from './procedures/requests.ts';
import { API_ERROR_KINDS, ApiError, kindForStatus } from './errors.ts';
import viCommon from '../i18n/locales/vi/common.json';
import enCommon from '../i18n/locales/en/common.json';
import viProblems from '../i18n/locales/vi/problems.json';
import enProblems from '../i18n/locales/en/problems.json';
import viDossiers from '../i18n/locales/vi/dossiers.json';
import enDossiers from '../i18n/locales/en/dossiers.json';

const refusal = async (status: number, code: string): Promise<ApiError> => {
  server.use(http.get('*/api/catalogue', () => problem(status, code, 'Refused')));
  try {
    await getCatalogue();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('refusals the backend may answer', () => {
  it.each([
    [413, 'body-too-large', 'too-large', false],
    [400, 'malformed-json', 'malformed', false],
    [429, 'too-many-requests', 'rate-limited', true],
    [422, 'invalid-body', 'invalid-input', false],
    [500, 'internal-error', 'server', true],
    [418, 'teapot', 'client', false],
  ] as const)('%i %s becomes the %s kind', async (status, code, kind, retryable) => {
    const error = await refusal(status, code);
    expect(error).toMatchObject({ kind, status, code });
    expect(error.retryable).toBe(retryable);
  });

  it('has a translated message for every kind, in Vietnamese and English', () => {
    // errors.* are found in common or, for what only a server answers, in problems (fallbackNS).
    for (const [common, problems] of [[viCommon, viProblems], [enCommon, enProblems]] as const) {
      const errors = { ...common.errors, ...problems.errors } as Record<string, { title?: unknown; body?: unknown } | string>;
      for (const kind of API_ERROR_KINDS) {
        const message = errors[kind];
        expect(typeof message === 'object' && typeof message.title === 'string' && typeof message.body === 'string', `errors.${kind}`).toBe(true);
      }
    }
    for (const dossiers of [viDossiers, enDossiers]) {
      const outbox = dossiers.outbox.errors as Record<string, string>;
      for (const kind of API_ERROR_KINDS.filter((k) => k !== 'not-found')) expect(typeof outbox[kind], `outbox.errors.${kind}`).toBe('string');
    }
    expect(viProblems.errors['too-large'].title).not.toBe(enProblems.errors['too-large'].title);
  });

  it('maps statuses the same way everywhere', () => {
    expect([400, 401, 404, 409, 413, 422, 429, 503].map(kindForStatus)).toEqual(['malformed', 'unauthorized', 'not-found', 'conflict', 'too-large', 'invalid-input', 'rate-limited', 'server']);
  });
});

describe('retryAtFrom', () => {
  const now = new Date('2026-12-01T03:00:00Z');
  it('reads delta-seconds, an HTTP date, or the problem body when the header is hidden', async () => {
    const { retryAtFrom } = await import('./errors.ts');
    expect(retryAtFrom('900', undefined, now)?.toISOString()).toBe('2026-12-01T03:15:00.000Z');
    expect(retryAtFrom('Tue, 01 Dec 2026 04:00:00 GMT', undefined, now)?.toISOString()).toBe('2026-12-01T04:00:00.000Z');
    expect(retryAtFrom(null, { retryAfter: 60 }, now)?.toISOString()).toBe('2026-12-01T03:01:00.000Z');
    expect(retryAtFrom(null, {}, now)).toBeUndefined();
    expect(retryAtFrom('soon', undefined, now)).toBeUndefined();
  });

  it('reaches the ApiError of a refused request', async () => {
    server.use(http.get('*/api/catalogue', () => {
      const response = problem(429, 'too-many-lookups', 'Slow down', { retryAfter: 120 });
      response.headers.set('Retry-After', '120');
      return response;
    }));
    const before = Date.now();
    const error = await getCatalogue().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const retryAt = (error as ApiError).retryAt?.getTime() ?? 0;
    expect(retryAt - before).toBeGreaterThanOrEqual(119_000);
    expect(retryAt - before).toBeLessThanOrEqual(121_000);
  });
});
