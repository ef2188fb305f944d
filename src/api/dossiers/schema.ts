import { z } from 'zod/mini';
import { DossierCode, LocalisedText } from '../common/schema.ts';
import { FilerRelationship, RequirementId } from '../procedures/schema.ts';
import { AssistedBy } from '../assisted/schema.ts';
import { FormNotice } from '../forms/schema.ts';

/**
 * Dossiers (hồ sơ): an application with its attached papers, from submission to result.
 * The same schemas parse the simulated backend's fixtures and every response in the app.
 */
const nonEmpty = () => z.string().check(z.minLength(1));

export { DOSSIER_CODE, DossierCode } from '../common/schema.ts';

/** Codes are read aloud and typed on kiosks: tolerate spaces, case and other dash characters. */
export const normaliseDossierCode = (input: string): string =>
  input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s_]+/g, '')
    .replace(/[‐-―−]/g, '-');

export const DossierStatus = z.enum(['received', 'in-progress', 'supplement-requested', 'result-ready', 'returned', 'rejected', 'withdrawn']);
export type DossierStatus = z.infer<typeof DossierStatus>;

/** Statuses after which nothing more happens to the dossier. */
export const FINAL_STATUSES: readonly DossierStatus[] = ['returned', 'rejected', 'withdrawn'];

export { LocalisedText } from '../common/schema.ts';

export const DossierEvent = z.object({
  at: z.iso.datetime(),
  status: DossierStatus,
  /** What the official wrote, or what the system did, in both languages. */
  note: z.optional(LocalisedText),
});
export type DossierEvent = z.infer<typeof DossierEvent>;

export const AttachedDocument = z.object({
  /** The id of the procedure's requirement it satisfies; null for extra papers. */
  requirement: z.nullable(RequirementId),
  title: nonEmpty(),
  source: z.enum(['data-store', 'upload']),
  /** The data-store document reused ("collected once"), or the uploaded file. */
  ref: nonEmpty(),
  mime: z.enum(['application/pdf', 'image/jpeg', 'image/png']),
  size: z.int().check(z.minimum(1)),
  /** Added while answering a request for more documents. */
  supplement: z._default(z.boolean(), false),
});
export type AttachedDocument = z.infer<typeof AttachedDocument>;

export const PaymentStatus = z.enum(['not-required', 'pending', 'paid', 'failed', 'expired']);
export type PaymentStatus = z.infer<typeof PaymentStatus>;

export const DossierPayment = z.object({
  status: PaymentStatus,
  /** VND; 0 when nothing is due. */
  amount: z.int().check(z.minimum(0)),
  paidAt: z.optional(z.iso.datetime()),
  /** Bank transaction reference once paid. */
  reference: z.optional(z.string()),
});
export type DossierPayment = z.infer<typeof DossierPayment>;

export const SupplementRequest = z.object({
  requestedAt: z.iso.datetime(),
  message: LocalisedText,
  /** What the office asks for, in words. */
  items: z.array(LocalisedText),
});
export type SupplementRequest = z.infer<typeof SupplementRequest>;

/**
 * The receipt's QR code carries this opaque token, never the dossier code with a guessable
 * secret nor anything personal (docs/domain/kiosks.md, "Receipt tokens"): 128 random bits,
 * base64url, `rt_` before them. Whoever scans it sees the dossier's status, as /track shows it.
 * The owner may issue a new one, which revokes the old; a token also expires.
 */
export const RECEIPT_TOKEN = /^rt_[A-Za-z0-9_-]{22}$/;
export const ReceiptToken = z.object({
  token: z.string().check(z.regex(RECEIPT_TOKEN)),
  expiresAt: z.iso.datetime(),
});
export type ReceiptToken = z.infer<typeof ReceiptToken>;
/** How long a receipt token works, and how many unknown ones a client may try before a pause. */
export const RECEIPT_TOKEN_LIMITS = { validDays: 365, misses: 10, windowMs: 10 * 60_000 } as const;
export const ReceiptLookup = z.object({ token: z.string().check(z.minLength(1), z.maxLength(64)) });
export type ReceiptLookup = z.infer<typeof ReceiptLookup>;

export const Dossier = z.object({
  code: DossierCode,
  procedureId: nonEmpty(),
  procedureName: nonEmpty(),
  agencyName: nonEmpty(),
  applicantName: nonEmpty(),
  status: DossierStatus,
  submittedAt: z.iso.datetime(),
  /** Due date from the procedure's processing time in working days; null when not fixed. */
  dueOn: z.nullable(z.iso.date()),
  overdue: z.boolean(),
  events: z.array(DossierEvent),
  documents: z.array(AttachedDocument),
  payment: DossierPayment,
  supplement: z.nullable(SupplementRequest),
  /** The electronic result, also placed in the citizen's data store. */
  result: z.nullable(z.object({ documentId: nonEmpty(), title: nonEmpty(), issuedOn: z.iso.date() })),
  /** Set when the citizen may still withdraw. */
  canWithdraw: z.boolean(),
  /** For the receipt's QR code; only the owner sees it (left out by backends that predate it). */
  receiptToken: z.optional(ReceiptToken),
  /** Filed for the citizen by a volunteer under their consent (docs/domain/assisted.md). */
  assistedBy: z.optional(AssistedBy),
  /**
   * What the answers were flagged with at submission (src/api/forms/notices.ts): a `late`
   * registration is accepted and recorded as such, never refused (docs/domain/civil-status.md).
   * Left out when there is none.
   */
  notices: z.optional(z.array(FormNotice)),
});
export type Dossier = z.infer<typeof Dossier>;

export const DossierList = z.object({ dossiers: z.array(Dossier) });
export type DossierList = z.infer<typeof DossierList>;

/** What a submission carries: the e-form answers and the papers, by reference. */
export const DocumentRef = z.object({
  /** The requirement's id (`RequiredDocument.id`); null for an extra paper. */
  requirement: z.nullable(RequirementId),
  source: z.enum(['data-store', 'upload']),
  ref: nonEmpty(),
});
export type DocumentRef = z.infer<typeof DocumentRef>;

export const SubmitDossier = z.object({
  procedureId: nonEmpty(),
  values: z.record(z.string(), z.unknown()),
  documents: z.array(DocumentRef),
  /**
   * Filed for someone else (a volunteer's delegated token): who the one filing is to them. Asked
   * for where the procedure has an `onBehalf` rule; ignored when a person files for themself.
   */
  onBehalf: z.optional(z.object({ relationship: FilerRelationship })),
});
export type SubmitDossier = z.infer<typeof SubmitDossier>;

export const SubmitSupplement = z.object({ documents: z.array(DocumentRef).check(z.minLength(1)) });
export type SubmitSupplement = z.infer<typeof SubmitSupplement>;

/** A file received by POST /uploads (one file per request, raw bytes, Idempotency-Key). */
export const Upload = z.object({
  id: nonEmpty(),
  name: nonEmpty(),
  mime: z.enum(['application/pdf', 'image/jpeg', 'image/png']),
  size: z.int().check(z.minimum(1)),
});
export type Upload = z.infer<typeof Upload>;

/**
 * Limits stated up front on the documents step and enforced by the backend: 10 MB a file,
 * 25 MB for all the files of a dossier (supplements included). The one figure the app, the
 * simulated backend and the contract share (docs/domain/uploads.md).
 */
export const UPLOAD_LIMITS = { maxFileBytes: 10 * 1024 * 1024, maxDossierBytes: 25 * 1024 * 1024 } as const;

/**
 * What one citizen or one client may ask of a backend (docs/domain/uploads.md,
 * docs/domain/dossier-codes.md): every refusal is `429` problem+json with `Retry-After`. Part of
 * the contract, so the OpenAPI document and the conformance suite state the same figures the
 * simulated backend enforces (mocks/dossiers/limits.ts).
 */
/** Per citizen and Vietnamese calendar day. */
export const DAILY_QUOTAS = { uploads: 100, dossiers: 30 } as const;
/** Public tracking: each client (by connection address) may look up this many times per window… */
export const TRACK_CLIENT_LIMIT = { requests: 10, windowMs: 60_000 } as const;
/** …and a code is locked for everyone after this many wrong phone digits. */
export const TRACK_CODE_LOCK = { misses: 5, lockMs: 15 * 60_000 } as const;

/**
 * What a public look-up of a finished dossier adds: an opaque token (nothing personal in it)
 * that lets the same person rate that dossier, and only it, for a short while (src/api/ratings).
 */
export const RatingInvitation = z.object({
  token: nonEmpty(),
  expiresAt: z.iso.datetime(),
  /** Already rated: a new rating would be refused. */
  rated: z.boolean(),
});
export type RatingInvitation = z.infer<typeof RatingInvitation>;

/** Public look-up: what anyone holding the code and the phone's last digits may see. */
export const TrackResult = z.object({
  code: DossierCode,
  procedureName: nonEmpty(),
  agencyName: nonEmpty(),
  status: DossierStatus,
  submittedAt: z.iso.datetime(),
  dueOn: z.nullable(z.iso.date()),
  overdue: z.boolean(),
  events: z.array(DossierEvent),
  /** Only once the dossier is finished: it may then be rated without signing in. */
  rating: z.optional(RatingInvitation),
});
export type TrackResult = z.infer<typeof TrackResult>;

/** Payment through the simulated gateway: a VietQR for bank apps, or a card page. */
export const Payment = z.object({
  id: nonEmpty(),
  dossierCode: DossierCode,
  amount: z.int().check(z.minimum(1)),
  status: PaymentStatus,
  /** EMVCo/VietQR payload to encode as a QR code for banking apps. */
  qrPayload: nonEmpty(),
  /** The gateway's card page (simulated at /pay/:id). */
  cardUrl: nonEmpty(),
  expiresAt: z.iso.datetime(),
  /**
   * The same transfer in words, for the phone that shows the QR code and so cannot scan it:
   * the citizen types these into their bank app (the note lets the treasury match the money).
   */
  transfer: z.object({ bankName: nonEmpty(), account: nonEmpty(), accountName: nonEmpty(), note: nonEmpty() }),
});
export type Payment = z.infer<typeof Payment>;

/**
 * In-app notifications, one `kind` each: a status change of one of the citizen's dossiers, or
 * the office's answer to a question they asked (src/api/questions). `kind` may be left out for a
 * status change (backends that predate the other kinds).
 */
export const DossierNotification = z.object({
  kind: z._default(z.literal('dossier-status'), 'dossier-status'),
  id: nonEmpty(),
  dossierCode: DossierCode,
  at: z.iso.datetime(),
  status: DossierStatus,
  read: z.boolean(),
});
export type DossierNotification = z.infer<typeof DossierNotification>;
export const QuestionNotification = z.object({
  kind: z.literal('question-answered'),
  id: nonEmpty(),
  questionId: nonEmpty(),
  procedureId: nonEmpty(),
  procedureName: nonEmpty(),
  at: z.iso.datetime(),
  read: z.boolean(),
});
export type QuestionNotification = z.infer<typeof QuestionNotification>;
export const Notification = z.union([QuestionNotification, DossierNotification]);
export type Notification = z.infer<typeof Notification>;
export const NotificationList = z.object({ notifications: z.array(Notification) });
