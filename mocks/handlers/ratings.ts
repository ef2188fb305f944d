import { http, HttpResponse } from 'msw';
import { DEFAULT_CRITERIA } from '../ratings/criteria.ts';
import { ratingFlood, ratingOf, rateDossier, type RatingRefusal } from '../ratings/rate.ts';
import { liveRatings } from '../ratings/store.ts';
import { clientOf } from './client.ts';
import { currentCitizenId } from './idp.ts';
import { readJson } from './body.ts';
import { problem } from './problem.ts';

/**
 * Satisfaction ratings: the criteria (public, cacheable), a dossier's rating (its owner), and
 * rating a finished dossier once (its owner, or with the token of a public look-up).
 */
const personal = { 'Cache-Control': 'no-store', Pragma: 'no-cache', Vary: 'Authorization' };

const refused = (r: RatingRefusal) => {
  const response = problem(r.status, r.code, r.title, r.extra);
  response.headers.set('Cache-Control', 'no-store');
  if (r.retryAfter !== undefined) response.headers.set('Retry-After', String(r.retryAfter));
  if (r.status === 401) response.headers.set('WWW-Authenticate', 'Bearer error="invalid_token"');
  return response;
};

const idempotencyKey = (request: Request): string | undefined => {
  const raw = request.headers.get('Idempotency-Key')?.trim().replace(/^"(.*)"$/, '$1');
  return raw && raw.length <= 255 ? raw : undefined;
};

export const ratingHandlers = [
  http.get('*/api/ratings/criteria', () => HttpResponse.json(DEFAULT_CRITERIA, { headers: { 'Cache-Control': 'public, max-age=300' } })),
  http.get('*/api/dossiers/:code/rating', ({ request, params }) => {
    const citizenId = currentCitizenId(request);
    if (!citizenId) return refused({ ok: false, status: 401, code: 'session-expired', title: 'Sign in again' });
    const found = ratingOf(citizenId, String(params.code));
    return found ? HttpResponse.json(found, { headers: personal }) : refused({ ok: false, status: 404, code: 'dossier-not-found', title: 'No such dossier' });
  }),
  http.post('*/api/dossiers/:code/rating', async ({ request, params }) => {
    const citizenId = currentCitizenId(request);
    const flood = ratingFlood(citizenId ? { citizenId } : { client: clientOf(request) });
    if (flood) return refused(flood);
    const key = idempotencyKey(request);
    if (!key) return refused({ ok: false, status: 400, code: 'idempotency-key-required', title: 'This request needs an Idempotency-Key header' });
    const body = await readJson(request, { maxBytes: 16 * 1024 });
    const outcome = rateDossier(citizenId ? { citizenId } : { client: clientOf(request) }, String(params.code), key, body);
    if (!outcome.ok) return refused(outcome);
    return HttpResponse.json(outcome.value, { status: outcome.created ? 201 : 200, headers: { ...personal, ...(outcome.created ? {} : { 'Idempotent-Replayed': 'true' }) } });
  }),
];

/** Test control (no sign-in): every live rating, as the statistics count them. */
export const ratingControlHandlers = [http.get('*/api/__mock/ratings', () => HttpResponse.json({ ratings: liveRatings() }, { headers: { 'Cache-Control': 'no-store' } }))];
