import { createHash, randomBytes } from 'node:crypto';
import { FINAL_STATUSES, normaliseDossierCode, type Dossier, type DossierStatus, type Notification, type Payment, type Upload } from '../../src/api/dossiers/schema.ts';

/**
 * The simulated one-stop office: uploads, dossiers from submission to result, notifications,
 * public tracking and the payment gateway, one module each beside this one. This one holds what
 * they share: the in-memory state (per server, reset with the rest of the simulated backend),
 * outcomes, idempotency keys. Every operation takes `now` so tests can fix the clock.
 */

// ---------------------------------------------------------------------------------------------
// Outcomes
// ---------------------------------------------------------------------------------------------

export interface Failure {
  ok: false;
  status: number;
  code: string;
  title: string;
  /** Seconds, sent as Retry-After (429). */
  retryAfter?: number;
  /** More members of the problem body (e.g. which papers were refused). */
  extra?: Record<string, unknown>;
}
/** `created`: false when an idempotency key replayed an earlier request. */
export type Outcome<T> = { ok: true; created: boolean; value: T } | Failure;

export const fail = (status: number, code: string, title: string, extra?: Record<string, unknown>): Failure => ({ ok: false, status, code, title, ...(extra ? { extra } : {}) });
export const done = <T,>(value: T, created = true): Outcome<T> => ({ ok: true, created, value });

// ---------------------------------------------------------------------------------------------
// State
// ---------------------------------------------------------------------------------------------

export type Mime = Upload['mime'];

export interface UploadRecord {
  citizenId: string;
  upload: Upload;
  bytes: Uint8Array;
  /** When it was received (ms): an upload no dossier took within a day is deleted. */
  receivedAt: number;
  /** The dossier that took it; null while unattached. */
  attachedTo: string | null;
}

export type StoredDossier = Omit<Dossier, 'overdue' | 'canWithdraw'>;

export interface DossierRecord {
  citizenId: string;
  /** Last 4 digits of the applicant's phone at submission, for public tracking. */
  phoneLast4: string | null;
  /** When the current status began (ms), for the automatic lifecycle. */
  statusSince: number;
  /** When the fee was paid (ms), if it was. */
  paidAtMs: number | null;
  values: Record<string, unknown>;
  data: StoredDossier;
  /** The token the receipt's QR code carries now (dossiers/receipts.ts). */
  receiptToken: { token: string; expiresAt: string } | null;
  /** Filed under a consent: the volunteer who acted, and where the resident's SMS link points. */
  assisted?: { volunteerId: string; consentId: string; trackUrl: string };
}

export interface PaymentRecord {
  citizenId: string;
  id: string;
  dossierCode: string;
  amount: number;
  status: 'pending' | 'paid' | 'failed';
  qrPayload: string;
  expiresAt: number;
}

export interface State {
  uploads: Map<string, UploadRecord>;
  /** By code; insertion order is submission order. */
  dossiers: Map<string, DossierRecord>;
  payments: Map<string, PaymentRecord>;
  /** (citizen, operation, key) → what the first request produced and what it carried. */
  idempotency: Map<string, { fingerprint: string; ref: string }>;
  /** Daily sequence per agency code and date. */
  sequences: Map<string, number>;
  /** Procedures a test has closed to new dossiers. */
  closed: Set<string>;
  notifications: { citizenId: string; notification: Notification }[];
  /** Daily quotas used: `citizen|kind|YYYY-MM-DD` → count (dossiers/limits.ts). */
  quotas: Map<string, number>;
  /** Public tracking: recent look-ups per client, and wrong guesses and locks per code. */
  trackClients: Map<string, number[]>;
  trackCodes: Map<string, { misses: number; firstMissAt: number; lockedUntil: number }>;
  /** Receipt tokens ever issued (revoked ones stay, to be told apart from unknown ones). */
  receiptTokens: Map<string, { code: string; expiresAt: number; revoked: boolean }>;
  /** Unknown receipt tokens tried per client (ms timestamps, a sliding window). */
  receiptMisses: Map<string, number[]>;
}

const fresh = (): State => ({
  uploads: new Map(),
  dossiers: new Map(),
  payments: new Map(),
  idempotency: new Map(),
  sequences: new Map(),
  closed: new Set(),
  notifications: [],
  quotas: new Map(),
  trackClients: new Map(),
  trackCodes: new Map(),
  receiptTokens: new Map(),
  receiptMisses: new Map(),
});
/** Live binding: `resetDossiers` swaps it for a fresh one. */
export let state = fresh();

export const resetDossiers = (): void => {
  state = fresh();
};

export const randomId = (prefix: string, bytes = 9) => `${prefix}-${randomBytes(bytes).toString('base64url')}`;

export const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('base64url');

const idempotencyEntry = (citizenId: string, operation: string, key: string) => JSON.stringify([citizenId, operation, key]);

/** Whether this (citizen, operation, key) was seen before: a retry, never held to a quota. */
export const knownKey = (citizenId: string, operation: string, key: string): boolean => state.idempotency.has(idempotencyEntry(citizenId, operation, key));

/** The earlier result of the same (citizen, operation, key), or a failure if the key was reused for something else. */
export const replayed = (citizenId: string, operation: string, key: string, fingerprint: string): { ref: string } | Failure | undefined => {
  const entry = state.idempotency.get(idempotencyEntry(citizenId, operation, key));
  if (!entry) return undefined;
  if (entry.fingerprint !== fingerprint) return fail(422, 'idempotency-key-reused', 'This Idempotency-Key was already used for a different request');
  return { ref: entry.ref };
};

export const remember = (citizenId: string, operation: string, key: string, fingerprint: string, ref: string) => {
  state.idempotency.set(idempotencyEntry(citizenId, operation, key), { fingerprint, ref });
};

export const isFinal = (status: DossierStatus) => FINAL_STATUSES.includes(status);

export const latestPayment = (code: string): PaymentRecord | undefined => [...state.payments.values()].filter((p) => p.dossierCode === code).at(-1);

export const paymentStatusOf = (payment: PaymentRecord, now: Date): Payment['status'] =>
  payment.status === 'pending' && payment.expiresAt <= now.getTime() ? 'expired' : payment.status;

export const ownDossier = (citizenId: string, code: string): DossierRecord | undefined => {
  const record = state.dossiers.get(normaliseDossierCode(code));
  return record && record.citizenId === citizenId ? record : undefined;
};

export const NOT_FOUND = () => fail(404, 'dossier-not-found', 'No such dossier');
