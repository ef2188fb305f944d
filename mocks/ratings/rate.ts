import { randomBytes } from 'node:crypto';
import { normaliseDossierCode, type RatingInvitation } from '../../src/api/dossiers/schema.ts';
import { COMMENT_MAX, RATING_POST_LIMIT, RATING_TOKEN_TTL_MS, RateDossier, isRatable, type StoredRating } from '../../src/api/ratings/schema.ts';
import { db } from '../db.ts';
import { progress } from '../dossiers/lifecycle.ts';
import { ownDossier, randomId, remember, replayed, sha256, state, type DossierRecord } from '../dossiers/state.ts';
import { criteriaByVersion } from './criteria.ts';
import { ratingPosts, ratingTokens, ratingsByDossier } from './store.ts';

/**
 * Rating a finished dossier (docs/domain/quality-index.md): once per dossier, by its owner
 * (signed in) or by whoever just looked it up with its code and phone digits (a rating token
 * from /track, bound to that dossier, short-lived, nothing personal in it). Every refusal is
 * a problem; a second rating's refusal carries what was given.
 */

export interface RatingRefusal {
  ok: false;
  status: number;
  code: string;
  title: string;
  extra?: Record<string, unknown>;
  retryAfter?: number;
}
export type RatingOutcome = { ok: true; created: boolean; value: StoredRating } | RatingRefusal;

const refuse = (status: number, code: string, title: string, extra?: Record<string, unknown>): RatingRefusal => ({ ok: false, status, code, title, ...(extra ? { extra } : {}) });
const NOT_FOUND = () => refuse(404, 'dossier-not-found', 'No such dossier');

/** Who is rating: a signed-in citizen, or the holder of a look-up's token. */
export type Rater = { citizenId: string } | { client: string };

const raterKey = (rater: Rater) => ('citizenId' in rater ? `citizen:${rater.citizenId}` : `client:${rater.client}`);

/**
 * The flood limit, checked before a body is read: every post counts, refused or not, so
 * guessing tokens or replaying bad bodies costs the same as rating.
 */
export const ratingFlood = (rater: Rater, now = new Date()): RatingRefusal | undefined => {
  const t = now.getTime();
  const key = raterKey(rater);
  const recent = (ratingPosts().get(key) ?? []).filter((at) => at > t - RATING_POST_LIMIT.windowMs);
  if (recent.length >= RATING_POST_LIMIT.requests) {
    ratingPosts().set(key, recent);
    const retryAfter = Math.max(1, Math.ceil(((recent[0] as number) + RATING_POST_LIMIT.windowMs - t) / 1000));
    return { ...refuse(429, 'too-many-ratings', 'Too many ratings from here; try again later', { retryAfter }), retryAfter };
  }
  recent.push(t);
  ratingPosts().set(key, recent);
  return undefined;
};

/** A token for a dossier a look-up found, when it may be rated; expired tokens are dropped as new ones are made. */
export const ratingInvitation = (record: DossierRecord, now = new Date()): RatingInvitation | undefined => {
  if (!isRatable(record.data.status)) return undefined;
  const t = now.getTime();
  for (const [token, entry] of ratingTokens()) if (entry.expiresAt <= t) ratingTokens().delete(token);
  const token = randomBytes(24).toString('base64url');
  const expiresAt = t + RATING_TOKEN_TTL_MS;
  ratingTokens().set(token, { dossierCode: record.data.code, expiresAt });
  return { token, expiresAt: new Date(expiresAt).toISOString(), rated: ratingsByDossier().has(record.data.code) };
};

/** The dossier this rater may rate: their own, or the one the token was given for. */
const dossierFor = (rater: Rater, code: string, token: string | undefined, now: Date): DossierRecord | RatingRefusal => {
  if (token !== undefined) {
    const entry = ratingTokens().get(token);
    if (!entry || entry.expiresAt <= now.getTime()) return refuse(401, 'rating-token-expired', 'Look the dossier up again to rate it');
    // A token rates the dossier it was given for, and no other (which looks like no dossier at all).
    if (entry.dossierCode !== code) return NOT_FOUND();
    return state.dossiers.get(code) ?? NOT_FOUND();
  }
  if (!('citizenId' in rater)) return refuse(401, 'session-expired', 'Sign in again, or look the dossier up to rate it');
  return ownDossier(rater.citizenId, code) ?? NOT_FOUND();
};

/** What a comment may be: optional, at most 1,000 characters, never only spaces. Stored as text. */
const commentRefusal = (comment: unknown): RatingRefusal | undefined => {
  if (typeof comment !== 'string') return undefined;
  if (comment.length > COMMENT_MAX) return refuse(422, 'comment-too-long', `A comment may be at most ${COMMENT_MAX} characters`, { maxLength: COMMENT_MAX });
  if (comment.length > 0 && comment.trim() === '') return refuse(422, 'comment-blank', 'A comment cannot be only spaces; leave it out instead');
  return undefined;
};

export const rateDossier = (rater: Rater, rawCode: string, key: string, body: unknown, now = new Date()): RatingOutcome => {
  // Nobody to answer to (no session, no look-up's token): refused before the body is judged.
  if (!('citizenId' in rater) && typeof (body as { ratingToken?: unknown } | null)?.ratingToken !== 'string') {
    return refuse(401, 'session-expired', 'Sign in again, or look the dossier up to rate it');
  }
  const tooLong = commentRefusal((body as { comment?: unknown } | null)?.comment);
  if (tooLong) return tooLong;
  const parsed = RateDossier.safeParse(body);
  if (!parsed.success) return refuse(422, 'invalid-body', 'Expected { channel, criteriaVersion, overall, convenience?, indicators?, comment? } with scores 0, 1 or 2');
  const { ratingToken, ...rating } = parsed.data;
  const code = normaliseDossierCode(rawCode);
  const record = dossierFor(rater, code, ratingToken, now);
  if ('ok' in record) return record;

  // The same request again (a retry after a dropped connection): what was stored, once.
  const owner = ratingToken === undefined && 'citizenId' in rater ? rater.citizenId : `dossier:${code}`;
  const fingerprint = sha256(JSON.stringify([code, rating]));
  const earlier = replayed(owner, 'rate', key, fingerprint);
  if (earlier && 'ok' in earlier) return refuse(earlier.status, earlier.code, earlier.title);
  const given = ratingsByDossier().get(code);
  if (earlier && given && given.id === earlier.ref) return { ok: true, created: false, value: given };

  progress(record, now);
  if (!isRatable(record.data.status)) return refuse(409, 'dossier-not-finished', 'A dossier can be rated once it is finished', { dossierStatus: record.data.status });
  if (given) return refuse(409, 'already-rated', 'This dossier has already been rated', { rating: given });
  const criteria = criteriaByVersion(rating.criteriaVersion);
  if (!criteria) return refuse(422, 'unknown-criteria-version', 'No criteria set with this version; fetch the criteria again');
  const known = new Set(criteria.indicators.map((i) => i.id));
  const unknown = Object.keys(rating.indicators ?? {}).filter((id) => !known.has(id));
  if (unknown.length > 0) return refuse(422, 'unknown-indicator', 'No such indicator in this criteria set', { indicators: unknown });
  const comment = rating.comment?.trim();

  const procedure = db.procedures.get(record.data.procedureId);
  const stored: StoredRating = {
    id: randomId('dg'),
    dossierCode: code,
    // The catalogue's agency id (Procedure.agency.id): what the statistics group by.
    agencyCode: procedure?.agency.id ?? 'unknown',
    procedureId: record.data.procedureId,
    channel: rating.channel,
    criteriaVersion: rating.criteriaVersion,
    overall: rating.overall,
    ...(rating.convenience ? { convenience: rating.convenience } : {}),
    indicators: rating.indicators ?? {},
    ...(comment ? { comment } : {}),
    createdAt: now.toISOString(),
  };
  ratingsByDossier().set(code, stored);
  remember(owner, 'rate', key, fingerprint, stored.id);
  return { ok: true, created: true, value: stored };
};

/** The rating of one of the citizen's dossiers; undefined when the dossier is not theirs. */
export const ratingOf = (citizenId: string, rawCode: string): { dossierCode: string; rating: StoredRating | null } | undefined => {
  const record = ownDossier(citizenId, rawCode);
  if (!record) return undefined;
  return { dossierCode: record.data.code, rating: ratingsByDossier().get(record.data.code) ?? null };
};
