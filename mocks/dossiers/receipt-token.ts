import { randomBytes } from 'node:crypto';
import { RECEIPT_TOKEN_LIMITS, type ReceiptToken } from '../../src/api/dossiers/schema.ts';
import { state, type DossierRecord } from './state.ts';

/** Issuing a receipt's token (dossiers/receipts.ts looks them up; docs/domain/kiosks.md). */
const DAY_MS = 24 * 60 * 60 * 1000;

/** A new token for the dossier; the one it had before stops working. */
export const issueReceiptToken = (record: DossierRecord, now: Date): ReceiptToken => {
  const previous = record.receiptToken ? state.receiptTokens.get(record.receiptToken.token) : undefined;
  if (previous) previous.revoked = true;
  const token = `rt_${randomBytes(16).toString('base64url')}`;
  const expiresAt = now.getTime() + RECEIPT_TOKEN_LIMITS.validDays * DAY_MS;
  state.receiptTokens.set(token, { code: record.data.code, expiresAt, revoked: false });
  record.receiptToken = { token, expiresAt: new Date(expiresAt).toISOString() };
  return record.receiptToken;
};

