import { RECEIPT_TOKEN, RECEIPT_TOKEN_LIMITS, type ReceiptToken, type TrackResult } from '../../src/api/dossiers/schema.ts';
import { progress, view } from './lifecycle.ts';
import { done, fail, ownDossier, state, type Failure, type Outcome } from './state.ts';
import { ratingInvitation } from '../ratings/rate.ts';
import { issueReceiptToken } from './receipt-token.ts';

/**
 * Receipt tokens (docs/domain/kiosks.md, "Receipt tokens"): what the QR code on a receipt
 * carries instead of the dossier code and a secret one could guess. 128 random bits, so
 * guessing is hopeless; unknown tokens are still counted per client, and a flood of them is
 * paused like any other guessing. A token the owner replaced says so (revoked), as does one
 * past its year (expired): whoever holds that old paper learns to ask for the new one.
 */

/** POST /dossiers/{code}/receipt-token: the owner replaces the QR of a receipt they lost or shared. */
export const renewReceiptToken = (citizenId: string, code: string, now = new Date()): Outcome<ReceiptToken> => {
  const record = ownDossier(citizenId, code);
  if (!record) return fail(404, 'not-found', 'No such dossier');
  return done(issueReceiptToken(record, now));
};

const missRefusal = (client: string, now: Date): Failure | undefined => {
  const t = now.getTime();
  const recent = (state.receiptMisses.get(client) ?? []).filter((at) => at > t - RECEIPT_TOKEN_LIMITS.windowMs);
  state.receiptMisses.set(client, recent);
  if (recent.length < RECEIPT_TOKEN_LIMITS.misses) return undefined;
  const retryAfter = Math.max(1, Math.ceil(((recent[0] as number) + RECEIPT_TOKEN_LIMITS.windowMs - t) / 1000));
  return { ...fail(429, 'too-many-receipt-misses', 'Too many unknown receipt codes from this client; try again later', { retryAfter }), retryAfter };
};

const miss = (client: string, now: Date) => {
  state.receiptMisses.set(client, [...(state.receiptMisses.get(client) ?? []), now.getTime()]);
};

/**
 * POST /track/receipt: the status of the dossier whose receipt carries this token — what /track
 * shows for code and phone digits, nothing personal. Cheapest first: the client's pause, the
 * token's shape, then the look-up.
 */
export const trackByReceipt = (raw: string, client: string, now = new Date()): Outcome<TrackResult> => {
  const paused = missRefusal(client, now);
  if (paused) return paused;
  const token = raw.trim();
  if (!RECEIPT_TOKEN.test(token)) {
    miss(client, now);
    return fail(400, 'invalid-receipt-token', 'Not a receipt token of this service');
  }
  const entry = state.receiptTokens.get(token);
  const record = entry ? state.dossiers.get(entry.code) : undefined;
  if (!entry || !record) {
    miss(client, now);
    return fail(404, 'receipt-token-unknown', 'No receipt has this token');
  }
  if (entry.revoked) return fail(410, 'receipt-token-revoked', 'This receipt was replaced by a newer one');
  if (entry.expiresAt <= now.getTime()) return fail(410, 'receipt-token-expired', 'This receipt token has expired');
  progress(record, now);
  const { code, procedureName, agencyName, status, submittedAt, dueOn, overdue, events } = view(record, now);
  const rating = ratingInvitation(record, now);
  return done({ code, procedureName, agencyName, status, submittedAt, dueOn, overdue, events, ...(rating ? { rating } : {}) }, false);
};

/** Test control: a token past its expiry, without waiting a year. */
export const expireReceiptToken = (token: string): boolean => {
  const entry = state.receiptTokens.get(token);
  if (!entry) return false;
  entry.expiresAt = 0;
  const record = state.dossiers.get(entry.code);
  if (record?.receiptToken?.token === token) record.receiptToken.expiresAt = new Date(0).toISOString();
  return true;
};
