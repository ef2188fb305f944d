import { createDecipheriv, randomBytes } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import { HANDOFF, HANDOFF_ID, HandoffContent, type HandoffSlot } from '../src/api/kiosk/schema.ts';

/**
 * "Continue on your own phone" (docs/domain/kiosks.md, "Hand-off"): slots reserved by a kiosk
 * for the person signed in there, redeemed once by that same person on their phone. The backend
 * keeps the key and whose it is; the work itself travels in the QR code, encrypted, so a kiosk
 * whose network has dropped can still hand it off. Reset between tests.
 */

interface Slot {
  citizenId: string;
  key: Buffer;
  expiresAt: number;
  redeemed: boolean;
}

export type HandoffRefusal = { ok: false; status: number; code: string; title: string; retryAfter?: number };
type Result<T> = { ok: true; value: T } | HandoffRefusal;

let slots = new Map<string, Slot>();
let tries = new Map<string, number[]>();

export const resetHandoffs = (): void => {
  slots = new Map();
  tries = new Map();
};

export const reserveHandoff = (citizenId: string, now = new Date()): HandoffSlot => {
  const id = `ho_${randomBytes(12).toString('base64url')}`;
  const key = randomBytes(32);
  const expiresAt = now.getTime() + HANDOFF.slotMinutes * 60_000;
  slots.set(id, { citizenId, key, expiresAt, redeemed: false });
  return { id, key: key.toString('base64url'), serverTime: now.toISOString(), expiresAt: new Date(expiresAt).toISOString() };
};

/** The kiosk asks whether the phone has taken it over (then it wipes itself). Its owner only. */
export const handoffStatus = (citizenId: string, id: string): Result<{ redeemed: boolean }> => {
  const slot = slots.get(id);
  if (!slot || slot.citizenId !== citizenId) return { ok: false, status: 404, code: 'handoff-unknown', title: 'No such hand-off' };
  return { ok: true, value: { redeemed: slot.redeemed } };
};

const open = (slot: Slot, id: string, payload: string): unknown => {
  const bytes = Buffer.from(payload, 'base64url');
  if (bytes.length < 12 + 16 + 1) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', slot.key, bytes.subarray(0, 12));
    decipher.setAAD(Buffer.from(id));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    const plain = Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]);
    return JSON.parse(inflateRawSync(plain, { maxOutputLength: 256 * 1024 }).toString('utf8'));
  } catch {
    return undefined;
  }
};

/** Seconds a QR code's clock may run ahead of ours and still be believed. */
const SKEW_MS = 60_000;

/**
 * The phone redeems: only the person the slot was reserved for, once, within 5 minutes of the
 * QR code's showing. Someone else's attempt leaves it for its owner.
 */
export const redeemHandoff = (citizenId: string, id: string, payload: string, now = new Date()): Result<HandoffContent> => {
  const t = now.getTime();
  const recent = (tries.get(citizenId) ?? []).filter((at) => at > t - HANDOFF.tries.windowMs);
  if (recent.length >= HANDOFF.tries.requests) {
    tries.set(citizenId, recent);
    const retryAfter = Math.max(1, Math.ceil(((recent[0] as number) + HANDOFF.tries.windowMs - t) / 1000));
    return { ok: false, status: 429, code: 'too-many-handoff-tries', title: 'Too many hand-off attempts; wait before trying again', retryAfter };
  }
  tries.set(citizenId, [...recent, t]);
  const slot = HANDOFF_ID.test(id) ? slots.get(id) : undefined;
  if (!slot) return { ok: false, status: 404, code: 'handoff-unknown', title: 'No such hand-off' };
  if (slot.citizenId !== citizenId) return { ok: false, status: 403, code: 'handoff-not-yours', title: 'This hand-off belongs to someone else' };
  if (slot.redeemed) return { ok: false, status: 410, code: 'handoff-used', title: 'This hand-off was already used' };
  if (slot.expiresAt <= t) return { ok: false, status: 410, code: 'handoff-expired', title: 'This hand-off has expired' };
  const content = HandoffContent.safeParse(open(slot, id, payload));
  if (!content.success) return { ok: false, status: 422, code: 'handoff-invalid', title: 'This is not a hand-off of ours' };
  const issuedAt = Date.parse(content.data.issuedAt);
  if (t - issuedAt > HANDOFF.validSeconds * 1000 || issuedAt - t > SKEW_MS) return { ok: false, status: 410, code: 'handoff-expired', title: 'This hand-off has expired' };
  slot.redeemed = true;
  return { ok: true, value: content.data };
};
