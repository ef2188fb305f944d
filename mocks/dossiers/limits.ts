import { DAILY_QUOTAS, TRACK_CLIENT_LIMIT, TRACK_CODE_LOCK } from '../../src/api/dossiers/schema.ts';
import { vietnamDate } from '../working-days.ts';
import { state, type Failure } from './state.ts';

/**
 * What one citizen or one client may ask of the office, so that nobody can fill its storage,
 * use up an agency's daily dossier numbers or guess a tracking code (docs/domain/dossier-codes.md,
 * docs/domain/uploads.md). Every refusal is a 429 with Retry-After; every check is a map look-up,
 * done before a body is read or a dossier touched.
 */

// The figures are the contract's (src/api/dossiers/schema.ts): a real backend is held to them too.
export { DAILY_QUOTAS, TRACK_CLIENT_LIMIT, TRACK_CODE_LOCK };
export type QuotaKind = keyof typeof DAILY_QUOTAS;

const DAY_MS = 24 * 60 * 60 * 1000;
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** Seconds until the next midnight in Vietnam (UTC+7, no daylight saving). */
export const secondsToVietnamMidnight = (now: Date): number => {
  const local = now.getTime() + VIETNAM_OFFSET_MS;
  return Math.max(1, Math.ceil((Math.floor(local / DAY_MS) * DAY_MS + DAY_MS - local) / 1000));
};

export type Refusal = Failure & { retryAfter: number };

const refuse = (code: string, title: string, retryAfterMs: number): Refusal => ({
  ok: false,
  status: 429,
  code,
  title,
  retryAfter: Math.max(1, Math.ceil(retryAfterMs / 1000)),
});

const quotaKey = (citizenId: string, kind: QuotaKind, now: Date) => `${citizenId}|${kind}|${vietnamDate(now)}`;

/** A refusal when the citizen has used up today's quota of this kind. */
export const quotaExhausted = (citizenId: string, kind: QuotaKind, now = new Date()): Refusal | undefined => {
  if ((state.quotas.get(quotaKey(citizenId, kind, now)) ?? 0) < DAILY_QUOTAS[kind]) return undefined;
  const what = kind === 'uploads' ? 'files' : 'dossiers';
  return refuse(`daily-${kind}-quota`, `At most ${DAILY_QUOTAS[kind]} ${what} a day; try again tomorrow`, secondsToVietnamMidnight(now) * 1000);
};

export const countQuota = (citizenId: string, kind: QuotaKind, now = new Date()): void => {
  const key = quotaKey(citizenId, kind, now);
  state.quotas.set(key, (state.quotas.get(key) ?? 0) + 1);
};

/**
 * Per-client budget for /track (sliding window). Refused look-ups do not count, so a flood
 * costs one array read per request. Old timestamps are dropped as they are read.
 */
export const trackClientRefusal = (client: string, now = new Date()): Refusal | undefined => {
  const t = now.getTime();
  const recent = (state.trackClients.get(client) ?? []).filter((at) => at > t - TRACK_CLIENT_LIMIT.windowMs);
  if (recent.length >= TRACK_CLIENT_LIMIT.requests) {
    state.trackClients.set(client, recent);
    return refuse('too-many-lookups', 'Too many look-ups from this client; try again later', (recent[0] as number) + TRACK_CLIENT_LIMIT.windowMs - t);
  }
  recent.push(t);
  state.trackClients.set(client, recent);
  return undefined;
};

/**
 * The same budget, only looked at (nothing counted): the server's front door
 * (mocks/vite-plugin.ts) answers a client over budget before building a request for the
 * handlers, as an edge rate limiter in front of a real backend would.
 */
export const trackClientOverBudget = (client: string, now = new Date()): Refusal | undefined => {
  const recent = state.trackClients.get(client);
  if (!recent || recent.length < TRACK_CLIENT_LIMIT.requests) return undefined;
  const oldest = recent[recent.length - TRACK_CLIENT_LIMIT.requests] as number;
  if (oldest <= now.getTime() - TRACK_CLIENT_LIMIT.windowMs) return undefined;
  return refuse('too-many-lookups', 'Too many look-ups from this client; try again later', oldest + TRACK_CLIENT_LIMIT.windowMs - now.getTime());
};

/** A refusal while this code is locked after too many wrong digits. Unknown codes lock the same way. */
export const trackCodeRefusal = (code: string, now = new Date()): Refusal | undefined => {
  const entry = state.trackCodes.get(code);
  if (!entry || entry.lockedUntil <= now.getTime()) return undefined;
  return refuse('code-locked', 'Too many wrong attempts for this code; try again later', entry.lockedUntil - now.getTime());
};

/** A wrong pair for this code: the 5th within the lock period locks it. */
export const trackMiss = (code: string, now = new Date()): void => {
  const t = now.getTime();
  const entry = state.trackCodes.get(code);
  const fresh = !entry || entry.firstMissAt <= t - TRACK_CODE_LOCK.lockMs || entry.lockedUntil > 0;
  const next = fresh ? { misses: 1, firstMissAt: t, lockedUntil: 0 } : { ...entry, misses: entry.misses + 1 };
  if (next.misses >= TRACK_CODE_LOCK.misses) next.lockedUntil = t + TRACK_CODE_LOCK.lockMs;
  state.trackCodes.set(code, next);
};

/** The right pair: earlier slips of the finger are forgotten. */
export const trackHit = (code: string): void => {
  state.trackCodes.delete(code);
};
