import { validAnswers } from './answers.ts';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Dossier, TrackResult } from '../src/api/dossiers/schema.ts';
import { DossierRating, RATING_POST_LIMIT, RatingCriteria, StoredRating } from '../src/api/ratings/schema.ts';
import { liveRatings } from './ratings/store.ts';
import { CLIENT_ADDRESS_HEADER } from './handlers/client.ts';
import { codeFrom, consent, exchange, origin } from './oidc-test-client.ts';

/** Rating finished dossiers through msw/node, as the app and the outbox drive it. */

const AN = 'vneid-046095001234'; // phone 0912345678
const LAN = 'vneid-092301004567';

const signIn = async (citizen = AN) => ((await (await exchange(codeFrom(await consent(citizen)))).json()) as { access_token: string }).access_token;

const json = (token: string | undefined, body: unknown, key: string | undefined = randomUUID(), extra: Record<string, string> = {}) => ({
  method: 'POST',
  headers: {
    'Content-Type': 'application/json',
    ...(token ? { Authorization: `Bearer ${token}` } : {}),
    ...(key ? { 'Idempotency-Key': key } : {}),
    ...extra,
  },
  body: JSON.stringify(body),
});

const submit = async (token: string, citizen = AN) => {
  const response = await fetch(`${origin}/api/dossiers`, json(token, { procedureId: '1.004222', values: validAnswers('1.004222', citizen), documents: [] }));
  expect(response.status, await response.clone().text()).toBe(201);
  return Dossier.parse(await response.json());
};

const advance = async (code: string, to: string) => {
  const response = await fetch(`${origin}/api/__mock/dossiers/${encodeURIComponent(code)}/advance`, json(undefined, { to }, undefined));
  expect(response.status, await response.clone().text()).toBe(200);
};

/** A dossier of An's the office has finished. */
const finished = async (to = 'result-ready') => {
  const token = await signIn();
  const { code } = await submit(token);
  await advance(code, to);
  return { token, code };
};

const rate = (token: string | undefined, code: string, body: unknown, key?: string, extra?: Record<string, string>) => fetch(`${origin}/api/dossiers/${encodeURIComponent(code)}/rating`, json(token, body, key, extra));
const ratingOf = (token: string, code: string) => fetch(`${origin}/api/dossiers/${encodeURIComponent(code)}/rating`, { headers: { Authorization: `Bearer ${token}` } });

const VERSION = '766-2022.1';
const good = { channel: 'online', criteriaVersion: VERSION, overall: 'satisfied', convenience: 'very-satisfied', indicators: { 'total-time': 2, attitude: 1 } };

const refusal = async (response: Response, status: number, code: string) => {
  expect(response.status, await response.clone().text()).toBe(status);
  expect(response.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
  const body = (await response.json()) as Record<string, unknown>;
  expect(body).toMatchObject({ status, code });
  return body;
};

describe('the criteria', () => {
  it('are a versioned set: the nine indicators scored 2/1/0 and the three levels, in both languages', async () => {
    const response = await fetch(`${origin}/api/ratings/criteria`);
    expect(response.status).toBe(200);
    const criteria = RatingCriteria.parse(await response.json());
    expect(criteria.version).toBe(VERSION);
    expect(criteria.indicators).toHaveLength(9);
    for (const indicator of criteria.indicators) expect(indicator.scores.map((s) => s.score)).toEqual([2, 1, 0]);
    expect(criteria.levels.map((l) => l.label.vi)).toEqual(['Rất hài lòng', 'Hài lòng', 'Không hài lòng']);
    expect(criteria.replies).toBe(false);
  });
});

describe('rating a dossier', () => {
  it('stores one rating with the channel, agency, procedure and criteria version, exactly once per key', async () => {
    const { token, code } = await finished();
    const key = randomUUID();
    const first = await rate(token, code, good, key);
    expect(first.status).toBe(201);
    const stored = StoredRating.parse(await first.json());
    expect(stored).toMatchObject({ dossierCode: code, channel: 'online', criteriaVersion: VERSION, procedureId: '1.004222', agencyCode: 'commune-police', overall: 'satisfied' });
    // The connection dropped before the answer: the retry gets the same rating, not a second.
    const again = await rate(token, code, good, key);
    expect(again.status).toBe(200);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(StoredRating.parse(await again.json()).id).toBe(stored.id);
    expect(liveRatings()).toHaveLength(1);
    const read = DossierRating.parse(await (await ratingOf(token, code)).json());
    expect(read.rating?.id).toBe(stored.id);
  });

  it('refuses a second rating (409) and says what was given', async () => {
    const { token, code } = await finished('returned');
    expect((await rate(token, code, good)).status).toBe(201);
    const body = await refusal(await rate(token, code, { ...good, overall: 'dissatisfied' }), 409, 'already-rated');
    expect(StoredRating.parse(body.rating)).toMatchObject({ overall: 'satisfied', convenience: 'very-satisfied' });
    expect(liveRatings()).toHaveLength(1);
  });

  it('takes rejected and withdrawn dossiers, and refuses one still in progress (409)', async () => {
    const token = await signIn();
    const open = await submit(token);
    await refusal(await rate(token, open.code, good), 409, 'dossier-not-finished');
    await advance(open.code, 'rejected');
    expect((await rate(token, open.code, good)).status).toBe(201);
    const other = await submit(token);
    expect((await fetch(`${origin}/api/dossiers/${other.code}/withdraw`, json(token, {}))).status).toBe(200);
    expect((await rate(token, other.code, good)).status).toBe(201);
  });

  it('refuses someone else’s dossier as if it did not exist (404), and a missing session (401)', async () => {
    const { code } = await finished();
    const lan = await signIn(LAN);
    await refusal(await rate(lan, code, good), 404, 'dossier-not-found');
    await refusal(await ratingOf(lan, code), 404, 'dossier-not-found');
    await refusal(await rate(undefined, code, good), 401, 'session-expired');
    expect(liveRatings()).toHaveLength(0);
  });

  it('refuses bad input with 422 and keeps nothing', async () => {
    const { token, code } = await finished();
    await refusal(await rate(token, code, { ...good, comment: 'x'.repeat(5000) }), 422, 'comment-too-long');
    await refusal(await rate(token, code, { ...good, comment: ' \n\t  ' }), 422, 'comment-blank');
    await refusal(await rate(token, code, { ...good, criteriaVersion: '2019-old' }), 422, 'unknown-criteria-version');
    await refusal(await rate(token, code, { ...good, indicators: { 'bribes-paid': 2 } }), 422, 'unknown-indicator');
    await refusal(await rate(token, code, { ...good, indicators: { attitude: 3 } }), 422, 'invalid-body');
    await refusal(await rate(token, code, { ...good, overall: 'meh' }), 422, 'invalid-body');
    await refusal(await rate(token, code, { ...good, channel: 'carrier-pigeon' }), 422, 'invalid-body');
    await refusal(await rate(token, code, good, ''), 400, 'idempotency-key-required');
    expect(liveRatings()).toHaveLength(0);
  });

  it('stores markup as the text it is', async () => {
    const { token, code } = await finished();
    const comment = '<script>alert(1)</script> Cán bộ rất nhiệt tình';
    const response = await rate(token, code, { ...good, comment });
    expect(response.status).toBe(201);
    expect(StoredRating.parse(await response.json()).comment).toBe(comment);
    expect(liveRatings()[0]?.comment).toBe(comment);
  });

  it('answers a flood with 429 and Retry-After', async () => {
    const { token, code } = await finished();
    for (let i = 0; i < RATING_POST_LIMIT.requests; i++) expect((await rate(token, code, { ...good, overall: 'nope' })).status).toBe(422);
    const flooded = await refusal(await rate(token, code, good), 429, 'too-many-ratings');
    expect(Number(flooded.retryAfter)).toBeGreaterThan(0);
    expect(liveRatings()).toHaveLength(0);
  });
});

describe('rating without signing in, after a public look-up', () => {
  const track = async (code: string, client = '203.0.113.7') => {
    const response = await fetch(`${origin}/api/track?${new URLSearchParams({ code, phone: '5678' }).toString()}`, { headers: { [CLIENT_ADDRESS_HEADER]: client } });
    expect(response.status).toBe(200);
    return TrackResult.parse(await response.json());
  };

  it('gives an opaque token only for a finished dossier, bound to it, with nothing personal in it', async () => {
    const token = await signIn();
    const { code } = await submit(token);
    expect((await track(code)).rating).toBeUndefined();
    await advance(code, 'result-ready');
    const { rating } = await track(code);
    expect(rating).toMatchObject({ rated: false });
    expect(rating?.token).not.toMatch(/5678|0912|vneid|H99|\./);
    expect(Date.parse(rating?.expiresAt ?? '') - Date.now()).toBeLessThanOrEqual(30 * 60_000);

    // Another dossier (of someone else) cannot be rated with it.
    const lan = await signIn(LAN);
    const other = await submit(lan, LAN);
    await advance(other.code, 'returned');
    const anon = { [CLIENT_ADDRESS_HEADER]: '203.0.113.7' };
    await refusal(await rate(undefined, other.code, { ...good, channel: 'counter', ratingToken: rating?.token }, undefined, anon), 404, 'dossier-not-found');
    await refusal(await rate(undefined, code, { ...good, channel: 'counter', ratingToken: 'made-up' }, undefined, anon), 401, 'rating-token-expired');

    const response = await rate(undefined, code, { ...good, channel: 'counter', ratingToken: rating?.token }, undefined, anon);
    expect(response.status).toBe(201);
    expect(StoredRating.parse(await response.json())).toMatchObject({ channel: 'counter', dossierCode: code });
    expect((await track(code)).rating?.rated).toBe(true);
    // The owner sees it, and cannot rate it a second time.
    expect(DossierRating.parse(await (await ratingOf(token, code)).json()).rating?.channel).toBe('counter');
    await refusal(await rate(token, code, good), 409, 'already-rated');
  });
});
