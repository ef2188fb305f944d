import { z } from 'zod/mini';
import { DataScope } from '../me/schema.ts';
import { FilerRelationship } from '../procedures/schema.ts';

/**
 * Assisted mode (docs/domain/assisted.md): a volunteer of a commune's community digital-technology
 * team (Tổ công nghệ số cộng đồng) files for a resident, with the resident's consent on record, a
 * delegated token naming the volunteer as the actor (OAuth 2.0 Token Exchange, RFC 8693, `act`)
 * and an audit trail the resident reads. Shared by the app and the simulated backend.
 */

/** The role claim (`roles`) of a volunteer in the identity provider's ID token and userinfo. */
export const VOLUNTEER_ROLE = 'community-digital-volunteer';

/** RFC 8693 §2.1: the grant, and the token types of this contract. */
export const TOKEN_EXCHANGE_GRANT = 'urn:ietf:params:oauth:grant-type:token-exchange';
export const ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token';
/** A consent handle (one use): what the resident's confirmation earned, the subject of the exchange. */
export const CONSENT_TOKEN_TYPE = 'urn:mot-cua-so:params:oauth:token-type:consent';

/** How long a resident may let a volunteer act (minutes): short, chosen on the consent screen. */
export const CONSENT_MINUTES = [30, 60, 120, 240, 480] as const;
export const CONSENT_DEFAULT_MINUTES = 60;
/** The one-time code sent by SMS: 6 digits, 5 minutes, 5 tries; 3 codes per resident an hour. */
export const CONSENT_CODE = { digits: 6, ttlSeconds: 5 * 60, tries: 5, perResidentPerHour: 3 } as const;
/** A resident signing in on the volunteer's phone: the ID token must be this fresh. */
export const SIGN_IN_MAX_AGE_SECONDS = 5 * 60;
/** What the backend flags (docs/domain/assisted.md#flags). */
export const FLAG_RULES = { residentsPerHour: 5 } as const;
/** Without input for this long, the help session ends on the phone (what is queued stays). */
export const ASSISTED_IDLE_SECONDS = 10 * 60;
/** At most this many procedures in one consent. */
export const MAX_CONSENT_PROCEDURES = 5;

const nonEmpty = () => z.string().check(z.minLength(1));
const ProcedureId = z.string().check(z.regex(/^[\w.-]{1,32}$/));

/** Which of the resident's data the volunteer's app may use: the data store's parts (src/api/me/schema.ts). */
export { DATA_SCOPES, DataScope } from '../me/schema.ts';

export const ConsentScope = z.object({
  /** What will be filed: procedure ids. */
  procedures: z.array(ProcedureId).check(z.minLength(1), z.maxLength(MAX_CONSENT_PROCEDURES)),
  /** Which data will be used. */
  data: z.array(DataScope).check(z.minLength(1)),
});
export type ConsentScope = z.infer<typeof ConsentScope>;

export const ConsentMinutes = z.union([z.literal(30), z.literal(60), z.literal(120), z.literal(240), z.literal(480)]);

/** A volunteer as others see them: name, team and commune; never their ID number or phone. */
export const Volunteer = z.object({
  name: nonEmpty(),
  team: nonEmpty(),
  communeCode: nonEmpty(),
  communeName: nonEmpty(),
});
export type Volunteer = z.infer<typeof Volunteer>;

/** On a dossier filed with a delegated token: who helped, under which consent. */
export const AssistedBy = z.object({
  volunteer: Volunteer,
  consentId: nonEmpty(),
  /** Where the procedure asks (an `onBehalf` rule): who the volunteer is to the resident. */
  relationship: z.optional(FilerRelationship),
});
export type AssistedBy = z.infer<typeof AssistedBy>;

/** SMS path, step 1: the volunteer asks for a code to be sent to the resident's phone on record. */
export const StartConsent = z.object({
  /** The resident's 12-digit personal ID number, as they say it or show their card. */
  residentIdNumber: z.string().check(z.regex(/^\d{12}$/)),
  /**
   * The number the resident says is theirs, if the volunteer typed it: the code is sent only when
   * it is the number the national database holds (it is never sent anywhere else).
   */
  phone: z.optional(z.string().check(z.maxLength(20))),
  scope: ConsentScope,
  minutes: ConsentMinutes,
});
export type StartConsent = z.infer<typeof StartConsent>;

/** SMS path, step 2: the code the resident received, typed on the volunteer's phone. */
export const ConfirmConsent = z.object({ code: z.string().check(z.regex(/^\d{6}$/)) });
export type ConfirmConsent = z.infer<typeof ConfirmConsent>;

/** Second path: the resident signed in with their own VNeID on the volunteer's phone. */
export const SignedInConsent = z.object({
  /** The resident's fresh ID token from that sign-in (at most SIGN_IN_MAX_AGE_SECONDS old). */
  residentIdToken: nonEmpty(),
  scope: ConsentScope,
  minutes: ConsentMinutes,
});
export type SignedInConsent = z.infer<typeof SignedInConsent>;

export const ConsentStatus = z.enum(['awaiting-code', 'active', 'ended', 'revoked', 'expired', 'failed']);
export type ConsentStatus = z.infer<typeof ConsentStatus>;

export const Consent = z.object({
  id: nonEmpty(),
  status: ConsentStatus,
  method: z.enum(['sms', 'resident-sign-in']),
  volunteer: Volunteer,
  /** Named once the resident has confirmed (an ID number alone reveals no one). */
  resident: z.nullable(z.object({ fullName: nonEmpty() })),
  scope: ConsentScope,
  minutes: ConsentMinutes,
  createdAt: z.iso.datetime(),
  /** Set when confirmed: the consent (and its delegated token) ends then. */
  validUntil: z.nullable(z.iso.datetime()),
  /** SMS path while awaiting the code: the number it went to, masked (•••• ••• 678). */
  sentTo: z.nullable(z.string()),
  codeExpiresAt: z.nullable(z.iso.datetime()),
  triesLeft: z.nullable(z.int()),
  /** When it was ended, revoked or expired. */
  endedAt: z.nullable(z.iso.datetime()),
});
export type Consent = z.infer<typeof Consent>;

export const ConsentList = z.object({ consents: z.array(Consent) });
export type ConsentList = z.infer<typeof ConsentList>;

/** A confirmed consent and its one-use handle for the token exchange. */
export const ConsentGrant = z.object({ consent: Consent, consentToken: z.string().check(z.minLength(16)) });
export type ConsentGrant = z.infer<typeof ConsentGrant>;

/** RFC 8693 §2.2.1: the token endpoint's answer to the exchange. */
export const DelegatedTokenResponse = z.object({
  access_token: nonEmpty(),
  issued_token_type: z.literal(ACCESS_TOKEN_TYPE),
  token_type: z.literal('Bearer'),
  expires_in: z.int().check(z.positive()),
  scope: z.optional(z.string()),
});
export type DelegatedTokenResponse = z.infer<typeof DelegatedTokenResponse>;

/** The claims of a delegated access token (a JWT signed by the identity provider). */
export const DelegatedClaims = z.object({
  iss: z.string(),
  sub: z.string(),
  aud: z.union([z.string(), z.array(z.string())]),
  exp: z.number(),
  iat: z.number(),
  /** The resident's name, for the banner. */
  name: nonEmpty(),
  /** RFC 8693 §4.1: who is acting. */
  act: z.object({ sub: z.string(), name: nonEmpty(), team: z.optional(z.string()) }),
  consent_id: nonEmpty(),
  /** Space-separated procedure ids and data scopes the consent covers (`procedure:1.004873 data:identity`). */
  scope: z.string(),
});
export type DelegatedClaims = z.infer<typeof DelegatedClaims>;

export const AuditAction = z.enum(['consent-requested', 'consent-given', 'consent-ended', 'consent-revoked', 'read-data-store', 'read-document', 'upload', 'check-form', 'submit-dossier', 'read-dossiers', 'refused']);
export type AuditAction = z.infer<typeof AuditAction>;

/** One thing done for the resident: actor = the volunteer, subject = the resident. */
export const AuditEntry = z.object({
  id: nonEmpty(),
  at: z.iso.datetime(),
  consentId: nonEmpty(),
  actor: Volunteer,
  action: AuditAction,
  procedureId: z.nullable(z.string()),
  dossierCode: z.nullable(z.string()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditList = z.object({ entries: z.array(AuditEntry) });
export type AuditList = z.infer<typeof AuditList>;

/** The longest comment on a rating of help (characters). */
export const HELP_COMMENT_MAX = 500;

/** Rating the help itself (not the dossier): channel "assisted". */
export const RateHelp = z.object({
  overall: z.enum(['very-satisfied', 'satisfied', 'dissatisfied']),
  comment: z.optional(z.string().check(z.maxLength(HELP_COMMENT_MAX))),
});
export type RateHelp = z.infer<typeof RateHelp>;

export const HelpRating = z.object({
  id: nonEmpty(),
  consentId: nonEmpty(),
  channel: z.literal('assisted'),
  overall: RateHelp.shape.overall,
  comment: z.optional(z.string()),
  createdAt: z.iso.datetime(),
});
export type HelpRating = z.infer<typeof HelpRating>;

/** The resident's ratings of help (GET /me/assisted/ratings): which help they rated already. */
export const HelpRatingList = z.object({ ratings: z.array(HelpRating) });
export type HelpRatingList = z.infer<typeof HelpRatingList>;

export const FlagKind = z.enum(['many-residents-an-hour', 'code-to-volunteers-own-phone']);
export type FlagKind = z.infer<typeof FlagKind>;

/** An unusual pattern the backend noted for the commune's team lead. */
export const VolunteerFlag = z.object({ kind: FlagKind, at: z.iso.datetime() });
export type VolunteerFlag = z.infer<typeof VolunteerFlag>;

/** A dossier the volunteer helped file: procedure, code and status only, nothing personal. */
export const HelpedDossier = z.object({
  procedureId: nonEmpty(),
  procedureName: nonEmpty(),
  code: nonEmpty(),
  status: nonEmpty(),
  submittedAt: z.iso.datetime(),
});
export type HelpedDossier = z.infer<typeof HelpedDossier>;

export const VolunteerMonth = z.object({
  /** YYYY-MM, Vietnam time. */
  month: z.string().check(z.regex(/^\d{4}-\d{2}$/)),
  /** How many residents gave consent that month. */
  residents: z.int().check(z.nonnegative()),
  dossiers: z.array(HelpedDossier),
});
export type VolunteerMonth = z.infer<typeof VolunteerMonth>;

export const VolunteerStats = z.object({
  volunteer: Volunteer,
  /** Newest month first. */
  months: z.array(VolunteerMonth),
  flags: z.array(VolunteerFlag),
});
export type VolunteerStats = z.infer<typeof VolunteerStats>;

/** The CSV columns of GET /assisted/volunteer/stats.csv (header row, in this order). */
export const STATS_CSV_COLUMNS = ['month', 'procedure_id', 'procedure_name', 'dossier_code', 'status', 'submitted_at'] as const;

/** Masks a phone for display: only its last three digits. */
export const maskPhone = (phone: string): string => `•••• ••• ${phone.replace(/\D/g, '').slice(-3)}`;
