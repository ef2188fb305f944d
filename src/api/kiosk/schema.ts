import { z } from 'zod/mini';
import { Agency, Field } from '../procedures/schema.ts';

/**
 * Kiosks in the halls of one-stop shops (docs/architecture/decisions.md, 14 "Kiosk mode"): enrolment of a
 * device with a centre's code, the staff PIN that lets a device leave kiosk mode, and the
 * centre's queue. Nothing here is about a person: a kiosk's token names the device only.
 */

/** What staff type at /kiosk/setup: the centre's enrolment code (e.g. `HCM-Q1-7K2P`). */
export const Enrol = z.object({ code: z.string().check(z.minLength(1), z.maxLength(64)) });
export type Enrol = z.infer<typeof Enrol>;

/** Idle limits a centre may choose: from one minute to ten, never less than the countdown. */
export const IDLE_SECONDS = { min: 60, max: 600, default: 90 } as const;
/** WCAG 2.2.1: at least 20 s to answer "are you still here?"; we give 30 or more. */
export const COUNTDOWN_SECONDS = { min: 30, max: 120, default: 30 } as const;

export const Centre = z.object({
  id: z.string().check(z.regex(/^[a-z0-9-]+$/)),
  name: z.string().check(z.minLength(1)),
  nameEn: z.string().check(z.minLength(1)),
});
export type Centre = z.infer<typeof Centre>;

/** The counters of a centre, grouped by what they receive (one queue per group). */
export const CounterGroup = z.object({
  id: z.string().check(z.regex(/^[a-z0-9-]+$/)),
  /** Letter printed before the ticket number (A012). */
  prefix: z.string().check(z.regex(/^[A-Z]$/)),
  name: z.string().check(z.minLength(1)),
  nameEn: z.string().check(z.minLength(1)),
  counters: z.array(z.string().check(z.minLength(1))),
  /** The fields whose dossiers this group receives. */
  fieldIds: z.array(z.string()),
});
export type CounterGroup = z.infer<typeof CounterGroup>;

/** The device's configuration: the only thing a kiosk remembers. */
export const Enrolment = z.object({
  kioskId: z.string().check(z.regex(/^[A-Za-z0-9-]+$/)),
  /** Bearer token of the device (not of a person) for the kiosk endpoints. */
  kioskToken: z.string().check(z.minLength(16)),
  centre: Centre,
  agencies: z.array(Agency),
  fields: z.array(Field),
  counterGroups: z.array(CounterGroup),
  idleSeconds: z.int().check(z.minimum(IDLE_SECONDS.min), z.maximum(IDLE_SECONDS.max)),
  countdownSeconds: z.int().check(z.minimum(COUNTDOWN_SECONDS.min), z.maximum(COUNTDOWN_SECONDS.max)),
});
export type Enrolment = z.infer<typeof Enrolment>;

/** Staff leaving kiosk mode. */
export const Unlock = z.object({ pin: z.string().check(z.regex(/^\d{4,8}$/)) });
export type Unlock = z.infer<typeof Unlock>;

export const UnlockResult = z.object({ unlocked: z.literal(true) });
export type UnlockResult = z.infer<typeof UnlockResult>;

/** Wrong codes and wrong PINs: a few tries, then a pause. */
export const KIOSK_TRIES = { enrolCodes: 5, pins: 5, lockMinutes: 15 } as const;

/** Take a number for the counters that receive a field's dossiers. */
export const TakeTicket = z.object({ fieldId: z.string().check(z.regex(/^[a-z0-9-]+$/)) });
export type TakeTicket = z.infer<typeof TakeTicket>;

export const Ticket = z.object({
  /** Printed large: prefix and three digits (A012). */
  number: z.string().check(z.regex(/^[A-Z]\d{3}$/)),
  counterGroupId: z.string(),
  counters: z.array(z.string()),
  /** People waiting before this ticket in its group. */
  ahead: z.int().check(z.minimum(0)),
  estimatedWaitMinutes: z.int().check(z.minimum(0)),
  issuedAt: z.iso.datetime(),
});
export type Ticket = z.infer<typeof Ticket>;

export const NowServing = z.object({
  groups: z.array(
    z.object({
      counterGroupId: z.string(),
      /** The number called last, null before the first call of the day. */
      serving: z.nullable(z.string().check(z.regex(/^[A-Z]\d{3}$/))),
      waiting: z.int().check(z.minimum(0)),
    }),
  ),
  at: z.iso.datetime(),
});
export type NowServing = z.infer<typeof NowServing>;

/**
 * "Continue on your own phone" (docs/domain/kiosks.md, "Hand-off"): the kiosk reserves a slot
 * for the signed-in person (`POST /handoffs`), encrypts the work in progress with the slot's key
 * and shows it in a QR code; the same person, signed in on their own phone, redeems it once
 * within 5 minutes of its showing. The backend holds only the key, for that person only.
 */
export const HANDOFF = {
  /** From the QR code's showing (the kiosk's clock set right by `serverTime`) to its redemption. */
  validSeconds: 300,
  /** A slot reserved at sign-in outlives any kiosk session (its access token lives 20 minutes). */
  slotMinutes: 30,
  /** Redemptions one citizen may try in the window (wrong person's, used, expired ones too). */
  tries: { requests: 10, windowMs: 10 * 60_000 },
  /** The QR code's payload, base64url: the kiosk refuses to show more. */
  maxPayloadChars: 2400,
} as const;

export const HANDOFF_ID = /^ho_[A-Za-z0-9_-]{16}$/;

export const HandoffSlot = z.object({
  id: z.string().check(z.regex(HANDOFF_ID)),
  /** AES-256-GCM key, base64url (32 bytes): kept in the kiosk's memory, never stored. */
  key: z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/)),
  /** The backend's clock, so the kiosk stamps the QR code's showing in the backend's time. */
  serverTime: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
});
export type HandoffSlot = z.infer<typeof HandoffSlot>;

export const HandoffStatus = z.object({ redeemed: z.boolean() });
export type HandoffStatus = z.infer<typeof HandoffStatus>;

/** base64url of IV (12 bytes) ‖ AES-GCM ciphertext and tag of the deflated HandoffContent JSON, the slot id as AAD. */
export const RedeemHandoff = z.object({ payload: z.string().check(z.regex(/^[A-Za-z0-9_-]+$/), z.maxLength(HANDOFF.maxPayloadChars)) });
export type RedeemHandoff = z.infer<typeof RedeemHandoff>;

/** The work in progress: a draft of an e-form, as the phone stores it for its owner. */
export const HandoffContent = z.object({
  procedureId: z.string().check(z.minLength(1)),
  procedureName: z.string(),
  definitionVersion: z.int(),
  /** Where to open it: the form, or the papers step. */
  step: z.enum(['form', 'documents']),
  values: z.record(z.string(), z.unknown()),
  provenance: z.record(z.string(), z.unknown()),
  prefilledCount: z.int().check(z.minimum(0)),
  /** Papers picked from the data store (files on the kiosk do not travel). */
  attachments: z.optional(z.array(z.unknown())),
  /** When the QR code was shown, in the backend's time. */
  issuedAt: z.iso.datetime(),
});
export type HandoffContent = z.infer<typeof HandoffContent>;
