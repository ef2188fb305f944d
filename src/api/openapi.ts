import { registry, toJSONSchema, type core } from 'zod/mini';
import { MAX_IMAGE_PIXELS } from '../lib/files/inspect.ts';
import { Commune, Province } from './admin-units/schema.ts';
import {
  DAILY_QUOTAS,
  Dossier,
  DossierList,
  NotificationList,
  Payment,
  RECEIPT_TOKEN_LIMITS,
  ReceiptLookup,
  ReceiptToken,
  SubmitDossier,
  SubmitSupplement,
  TRACK_CLIENT_LIMIT,
  TRACK_CODE_LOCK,
  TrackResult,
  Upload,
  UPLOAD_LIMITS,
} from './dossiers/schema.ts';
import { CheckForm, FormCheckResult, FormDefinition } from './forms/schema.ts';
import { Correction, CorrectionReceipt, CorrectionRequest, DataStore, DataStoreView } from './me/schema.ts';
import { FieldError, InvalidValuesProblem, Problem } from './problem/schema.ts';
import { Enrol, Enrolment, HANDOFF, HANDOFF_ID, HandoffContent, HandoffSlot, HandoffStatus, KIOSK_TRIES, NowServing, RedeemHandoff, TakeTicket, Ticket, Unlock, UnlockResult } from './kiosk/schema.ts';
import { AskQuestion, MyQuestion, MyQuestionList, POST_LIMITS, ProblemReport, PublicQuestionList, ReportReceipt, TEXT_LIMITS } from './questions/schema.ts';
import { PapersRefused } from './procedures/papers.ts';
import { AnswersNotOnBehalf } from './procedures/on-behalf.ts';
import { Catalogue, OfficeList, Procedure, ProcedureTranslation } from './procedures/schema.ts';
import { COMMENT_MAX, DossierRating, RATING_POST_LIMIT, RATING_TOKEN_TTL_MS, RateDossier, RatingCriteria, StoredRating } from './ratings/schema.ts';
import { AgencyStats, MIN_RATINGS, ProvinceStats } from './stats/schema.ts';
import {
  AuditList,
  CONSENT_CODE,
  CONSENT_TOKEN_TYPE,
  ConfirmConsent,
  Consent,
  ConsentGrant,
  ConsentList,
  FLAG_RULES,
  HelpRating,
  HelpRatingList,
  RateHelp,
  SIGN_IN_MAX_AGE_SECONDS,
  STATS_CSV_COLUMNS,
  SignedInConsent,
  StartConsent,
  TOKEN_EXCHANGE_GRANT,
  VolunteerStats,
} from './assisted/schema.ts';

/**
 * The contract as an OpenAPI 3.1 document, generated from the zod schemas the app parses every
 * response with (zod's own JSON Schema output): no shape is written twice. Served by the
 * simulated backend at GET /api/openapi.json; `npm run conformance` holds any backend to it.
 * Only scripts and the simulated backend import this module, never the app.
 *
 * Response schemas are the schemas' *input* side (what the app accepts: a defaulted member may
 * be left out, an unknown one is ignored); request bodies are what the app sends.
 */

/** Every named schema of the contract, by the name it has in `components.schemas`. */
export const CONTRACT_SCHEMAS = {
  Catalogue,
  Procedure,
  ProcedureTranslation,
  OfficeList,
  PapersRefused,
  AnswersNotOnBehalf,
  FormDefinition,
  CheckForm,
  FormCheckResult,
  Province,
  Commune,
  DataStore,
  DataStoreView,
  CorrectionRequest,
  CorrectionReceipt,
  Correction,
  Upload,
  SubmitDossier,
  SubmitSupplement,
  Dossier,
  DossierList,
  TrackResult,
  ReceiptToken,
  ReceiptLookup,
  Payment,
  NotificationList,
  RatingCriteria,
  RateDossier,
  StoredRating,
  DossierRating,
  ProvinceStats,
  AgencyStats,
  PublicQuestionList,
  AskQuestion,
  MyQuestion,
  MyQuestionList,
  ProblemReport,
  ReportReceipt,
  Enrol,
  Enrolment,
  Unlock,
  UnlockResult,
  TakeTicket,
  Ticket,
  NowServing,
  HandoffSlot,
  HandoffStatus,
  RedeemHandoff,
  HandoffContent,
  StartConsent,
  ConfirmConsent,
  SignedInConsent,
  Consent,
  ConsentList,
  ConsentGrant,
  AuditList,
  RateHelp,
  HelpRating,
  HelpRatingList,
  VolunteerStats,
  Problem,
  FieldError,
  InvalidValuesProblem,
} as const satisfies Record<string, core.$ZodType>;

export type SchemaName = keyof typeof CONTRACT_SCHEMAS;

type Json = Record<string, unknown>;

interface Param {
  name: string;
  in: 'path' | 'query' | 'header';
  description: string;
  required?: boolean;
  pattern?: string;
}

interface Endpoint {
  method: 'get' | 'post';
  path: string;
  summary: string;
  /** Needs the citizen's bearer token (401 without a live one). */
  auth?: boolean;
  /** Needs a kiosk's device token (from POST /kiosk/enrolments), never a person's. */
  kiosk?: boolean;
  /** The bearer token may be left out (the body then carries another proof, e.g. a rating token). */
  authOptional?: boolean;
  /** Takes an Idempotency-Key: the same key again answers 200 with what the first request made. */
  idempotent?: boolean;
  params?: Param[];
  body?: SchemaName | 'file';
  /** The success status and its body: a schema, a list of one, or file bytes. */
  ok: { status: 200 | 201; schema?: SchemaName; arrayOf?: SchemaName; file?: boolean; csv?: boolean; description: string };
  /** Refusals this endpoint may answer, each as application/problem+json. */
  refusals: Record<number, string>;
  /** A refusal whose problem has members of its own (e.g. 422 InvalidValuesProblem): that schema or the plain Problem. */
  refusalSchemas?: Record<number, SchemaName>;
}

const id = (name: string, description: string, pattern?: string): Param => ({ name, in: 'path', description, required: true, ...(pattern ? { pattern } : {}) });

const JSON_BODY_REFUSALS = {
  400: 'Malformed JSON, not UTF-8, or nested deeper than 32 levels',
  413: 'Body over 1 MB (refused by Content-Length before it is read)',
  415: 'Body declared as something other than JSON',
} as const;
const SIGNED_IN = { 401: 'No live session: sign in again (WWW-Authenticate: Bearer)' } as const;
const MB = (bytes: number) => `${bytes / 1024 / 1024} MB`;
/** The dossier limit as the contract states it, for every endpoint that adds files to a dossier. */
const DOSSIER_TOO_LARGE = `The files of the dossier (supplements included) over ${UPLOAD_LIMITS.maxDossierBytes} bytes (${MB(UPLOAD_LIMITS.maxDossierBytes)}; \`dossier-too-large\`)`;
const minutes = (ms: number) => ms / 60_000;

const PERIOD: Param = {
  name: 'period',
  in: 'query',
  description: 'A month (2026-11), a quarter (2026-Q3) or a year (2026), Vietnamese calendar; without it, the current year',
  pattern: '^\\d{4}(-(0[1-9]|1[0-2]|Q[1-4]))?$',
};

const KEYED = { 400: 'Idempotency-Key missing (or malformed JSON)', 422: 'The body does not match the schema, or the Idempotency-Key was used for a different request' } as const;

/** Every endpoint of the contract. Add one here when a handler or a request function is added. */
export const ENDPOINTS: readonly Endpoint[] = [
  {
    method: 'get',
    path: '/catalogue',
    summary: 'The whole public catalogue (searched on the device)',
    ok: { status: 200, schema: 'Catalogue', description: 'Every procedure, field and agency' },
    refusals: {},
  },
  {
    method: 'get',
    path: '/procedures/{id}',
    summary: 'One procedure: documents, time, fees, legal basis',
    params: [id('id', 'Procedure id (the national code when known)')],
    ok: { status: 200, schema: 'Procedure', description: 'The procedure' },
    refusals: { 404: 'No procedure with this id' },
  },
  {
    method: 'get',
    path: '/procedures/{id}/translations/{lang}',
    summary:
      'A procedure’s content in another language, beside the official Vietnamese of GET /procedures/{id}: any part may be left out (the app shows it in Vietnamese and says so); a list counts only with as many items as the Vietnamese, and only for the version named by sourceUpdatedAt. Answered with Content-Language',
    params: [id('id', 'Procedure id'), id('lang', 'The language, a BCP 47 tag (en)', '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$')],
    ok: { status: 200, schema: 'ProcedureTranslation', description: 'The procedure’s content in that language' },
    refusals: { 404: 'No procedure with this id (`procedure-not-found`), or none of its content in this language (`translation-not-found`)' },
  },
  {
    method: 'get',
    path: '/procedures/{id}/offices',
    summary: 'The offices that receive dossiers of a procedure (the receiving agency is chosen from these)',
    params: [
      id('id', 'Procedure id'),
      { name: 'province', in: 'query', description: 'A two-digit province code; repeat for several. Required for commune-level procedures', pattern: '^\\d{2}$' },
    ],
    ok: { status: 200, schema: 'OfficeList', description: 'Each office with the province and communes it serves' },
    refusals: { 400: 'A province that is not a two-digit code, or none for a commune-level procedure (`province-required`)', 404: 'No procedure with this id' },
  },
  {
    method: 'get',
    path: '/forms/{procedureId}',
    summary: 'The e-form definition of a procedure (public)',
    params: [id('procedureId', 'Procedure id')],
    ok: { status: 200, schema: 'FormDefinition', description: 'The e-form' },
    refusals: { 404: 'No e-form for this procedure' },
  },
  {
    method: 'post',
    path: '/forms/{procedureId}/check',
    summary: 'Re-check answers under the e-form (the schema compiled from its definition) and against the population database',
    auth: true,
    params: [id('procedureId', 'Procedure id')],
    body: 'CheckForm',
    ok: { status: 200, schema: 'FormCheckResult', description: 'The answers hold; `notices` flags what holds but is late (a birth registered after 60 days): accepted, never refused' },
    refusals: { ...JSON_BODY_REFUSALS, ...SIGNED_IN, 404: 'No e-form for this procedure', 422: 'Not { values }; answers that do not hold under the e-form (`invalid-values`, InvalidValuesProblem: `errors` names each field); checked with a delegated token, an answer only the person may give (`answer-not-on-behalf`, schema AnswersNotOnBehalf); or a locked value was altered (`locked-value-changed`, `fields` names them)' },
    refusalSchemas: { 422: 'InvalidValuesProblem' },
  },
  {
    method: 'get',
    path: '/admin-units/provinces',
    summary: 'The 34 province-level units',
    ok: { status: 200, arrayOf: 'Province', description: 'Every province' },
    refusals: {},
  },
  {
    method: 'get',
    path: '/admin-units/provinces/{code}/communes',
    summary: 'The communes, wards and special zones of one province',
    params: [id('code', 'Two-digit province code', '^\\d{2}$')],
    ok: { status: 200, arrayOf: 'Commune', description: 'Every commune-level unit of the province' },
    refusals: { 404: 'No province with this code' },
  },
  {
    method: 'get',
    path: '/me',
    summary: "The citizen's personal data store",
    auth: true,
    params: [{ name: 'parts', in: 'query', description: 'Comma-separated parts only (identity, residence, household, contact, documents)' }],
    ok: {
      status: 200,
      schema: 'DataStoreView',
      description: "What national databases hold about the citizen, with sources: all of it (a DataStore) for the citizen's own token; for a volunteer's delegated token, only the parts the consent lists, named in `scope`",
    },
    refusals: { ...SIGNED_IN, 400: 'A part that does not exist', 403: 'A delegated token asking for a part outside the consent (`outside-consent`)' },
  },
  {
    method: 'post',
    path: '/me/corrections',
    summary: 'Ask the source agency to correct a value',
    auth: true,
    body: 'CorrectionRequest',
    ok: { status: 201, schema: 'CorrectionReceipt', description: 'The request is filed' },
    refusals: { ...JSON_BODY_REFUSALS, ...SIGNED_IN, 422: 'Not a correction, or the proposed value is the current one' },
  },
  {
    method: 'get',
    path: '/me/corrections',
    summary: "The citizen's correction requests, oldest first",
    auth: true,
    ok: { status: 200, arrayOf: 'Correction', description: 'Every request this citizen filed, with what was asked and when' },
    refusals: SIGNED_IN,
  },
  {
    method: 'get',
    path: '/me/documents/{id}/file',
    summary: 'A stored document, as a file',
    auth: true,
    params: [id('id', 'Stored document id')],
    ok: { status: 200, file: true, description: 'The document (PDF, JPEG or PNG)' },
    refusals: { ...SIGNED_IN, 404: "Not in this citizen's data store" },
  },
  {
    method: 'post',
    path: '/uploads',
    summary: 'Upload one file as raw bytes; its type is read from the bytes, never the name',
    auth: true,
    idempotent: true,
    params: [{ name: 'X-File-Name', in: 'header', description: 'The file name, URI-encoded (display only)' }],
    body: 'file',
    ok: { status: 201, schema: 'Upload', description: 'The file is stored' },
    refusals: {
      ...SIGNED_IN,
      400: 'Idempotency-Key missing',
      413: `File over ${UPLOAD_LIMITS.maxFileBytes} bytes (${MB(UPLOAD_LIMITS.maxFileBytes)}; refused by Content-Length before it is read)`,
      415: 'Not a PDF, JPEG or PNG by its bytes',
      422:
        'Empty file; a PDF without a PDF structure (`not-a-pdf`: header, %%EOF, startxref, a page); an image whose header claims more than ' +
        `${MAX_IMAGE_PIXELS} pixels (\`too-many-pixels\`) or no readable size (\`unreadable-image\`); or the Idempotency-Key was used for other bytes`,
      429: `More than ${DAILY_QUOTAS.uploads} uploads by this citizen today (\`daily-uploads-quota\`; checked before the body is read; a replayed Idempotency-Key is never refused)`,
    },
  },
  {
    method: 'get',
    path: '/uploads/{id}/file',
    summary: 'An uploaded file, only to the citizen who uploaded it',
    auth: true,
    params: [id('id', 'Upload id')],
    ok: { status: 200, file: true, description: 'The bytes as uploaded' },
    refusals: { ...SIGNED_IN, 404: "No such upload of this citizen's" },
  },
  {
    method: 'get',
    path: '/dossiers',
    summary: "The citizen's dossiers",
    auth: true,
    ok: { status: 200, schema: 'DossierList', description: 'Newest first' },
    refusals: SIGNED_IN,
  },
  {
    method: 'post',
    path: '/dossiers',
    summary: 'Submit a dossier, exactly once per Idempotency-Key',
    auth: true,
    idempotent: true,
    body: 'SubmitDossier',
    ok: { status: 201, schema: 'Dossier', description: 'The dossier, with its official code' },
    refusals: {
      ...JSON_BODY_REFUSALS,
      ...SIGNED_IN,
      ...KEYED,
      404: 'No procedure with this id',
      409: 'The procedure does not accept online applications now',
      413: `Body over 1 MB, or ${DOSSIER_TOO_LARGE}`,
      422:
        'Not a submission; answers that do not hold under the e-form (`invalid-values`, InvalidValuesProblem: `errors` names each field); an unknown or expired document (`unknown-document`, `document` names it); a paper whose type does not satisfy its requirement, a required paper missing or an unknown requirement ' +
        '(`papers-refused`, `papers` lists each requirement: schema PapersRefused — filed with a delegated token for a procedure with an `onBehalf` rule, the written authorisation is required unless `onBehalf.relationship` is one the rule exempts); filed with a delegated token for such a procedure without `onBehalf.relationship` (`relationship-required`, `field` names it); filed with a delegated token, an answer the procedure’s `notOnBehalf` says only the person may give, e.g. Phiếu lý lịch tư pháp số 2 (`answer-not-on-behalf`, schema AnswersNotOnBehalf: `field` names the first, `answers` each field and value); a receiving agency that is not one of GET /procedures/{id}/offices (`unknown-agency`); a locked value altered; or the Idempotency-Key reused',
      429: `More than ${DAILY_QUOTAS.dossiers} dossiers numbered for this citizen today (\`daily-dossiers-quota\`; a replayed Idempotency-Key is never refused)`,
    },
    refusalSchemas: { 422: 'InvalidValuesProblem' },
  },
  {
    method: 'get',
    path: '/dossiers/{code}',
    summary: 'One of the citizen’s dossiers',
    auth: true,
    params: [id('code', 'Dossier code')],
    ok: { status: 200, schema: 'Dossier', description: 'The dossier' },
    refusals: { ...SIGNED_IN, 404: "No such dossier of this citizen's (someone else's looks the same)" },
  },
  {
    method: 'post',
    path: '/dossiers/{code}/withdraw',
    summary: 'Withdraw a dossier while that is still allowed',
    auth: true,
    params: [id('code', 'Dossier code')],
    ok: { status: 200, schema: 'Dossier', description: 'The withdrawn dossier' },
    refusals: { ...SIGNED_IN, 404: 'No such dossier', 409: 'Too late to withdraw' },
  },
  {
    method: 'post',
    path: '/dossiers/{code}/receipt-token',
    summary: "Replace the receipt's QR token (a lost or shared receipt): the old token is revoked at once",
    auth: true,
    params: [id('code', 'Dossier code')],
    ok: { status: 201, schema: 'ReceiptToken', description: 'The new token; GET /dossiers/{code} carries it from now on' },
    refusals: { ...SIGNED_IN, 404: 'No such dossier of this citizen' },
  },
  {
    method: 'post',
    path: '/dossiers/{code}/supplement',
    summary: 'Answer a request for more documents, on the same dossier',
    auth: true,
    idempotent: true,
    params: [id('code', 'Dossier code')],
    body: 'SubmitSupplement',
    ok: { status: 200, schema: 'Dossier', description: 'The dossier, back in progress' },
    refusals: { ...JSON_BODY_REFUSALS, ...SIGNED_IN, ...KEYED, 404: 'No such dossier', 409: 'No supplement was requested', 413: `Body over 1 MB, or ${DOSSIER_TOO_LARGE}` },
  },
  {
    method: 'post',
    path: '/dossiers/{code}/payment',
    summary: 'Start paying the fees of a dossier (VietQR or card page)',
    auth: true,
    idempotent: true,
    params: [id('code', 'Dossier code')],
    ok: { status: 201, schema: 'Payment', description: "The payment to make: the amount is the dossier's fee, from the procedure's rules for online filing and the copies asked for" },
    refusals: { ...SIGNED_IN, 400: 'Idempotency-Key missing', 404: 'No such dossier', 409: 'Nothing to pay, already paid, or the dossier is closed' },
  },
  {
    method: 'get',
    path: '/payments/{id}',
    summary: 'A payment of the citizen’s',
    auth: true,
    params: [id('id', 'Payment id')],
    ok: { status: 200, schema: 'Payment', description: 'The payment' },
    refusals: { ...SIGNED_IN, 404: 'No such payment' },
  },
  {
    method: 'get',
    path: '/notifications',
    summary: "Status changes of the citizen's dossiers",
    auth: true,
    ok: { status: 200, schema: 'NotificationList', description: 'Newest first' },
    refusals: SIGNED_IN,
  },
  {
    method: 'post',
    path: '/notifications/read',
    summary: 'Mark every notification read',
    auth: true,
    ok: { status: 200, schema: 'NotificationList', description: 'The notifications, all read' },
    refusals: SIGNED_IN,
  },
  {
    method: 'get',
    path: '/track',
    summary: 'Public look-up of a dossier by its code and the last 4 digits of the applicant’s phone',
    params: [
      { name: 'code', in: 'query', required: true, description: 'Dossier code (spaces, case and dash variants tolerated)' },
      { name: 'phone', in: 'query', required: true, description: 'Last 4 digits of the phone', pattern: '^\\d{4}$' },
    ],
    ok: { status: 200, schema: 'TrackResult', description: 'What anyone holding code and digits may see' },
    refusals: {
      400: 'Not a dossier code',
      404: 'No dossier with this code and these digits (the two look alike)',
      429:
        `The code is locked for ${minutes(TRACK_CODE_LOCK.lockMs)} minutes after ${TRACK_CODE_LOCK.misses} wrong digits, for every client and even with the right digits (\`code-locked\`; unknown codes lock alike), ` +
        `or this client (by connection address) made more than ${TRACK_CLIENT_LIMIT.requests} look-ups in ${TRACK_CLIENT_LIMIT.windowMs / 1000} s (\`too-many-lookups\`)`,
    },
  },
  {
    method: 'post',
    path: '/track/receipt',
    summary: "Public look-up by the opaque token in a receipt's QR code (`receiptToken` of the dossier): the same status-only answer as GET /track, no phone digits needed",
    body: 'ReceiptLookup',
    ok: { status: 200, schema: 'TrackResult', description: 'What anyone holding the receipt may see' },
    refusals: {
      ...JSON_BODY_REFUSALS,
      400: 'Not a receipt token (`invalid-receipt-token`)',
      404: 'No receipt has this token (`receipt-token-unknown`)',
      410: `The owner replaced it (\`receipt-token-revoked\`), or it is over ${RECEIPT_TOKEN_LIMITS.validDays} days old (\`receipt-token-expired\`)`,
      429: `This client (by connection address) tried ${RECEIPT_TOKEN_LIMITS.misses} unknown or malformed tokens in ${minutes(RECEIPT_TOKEN_LIMITS.windowMs)} minutes (\`too-many-receipt-misses\`), with Retry-After`,
    },
  },
  {
    method: 'get',
    path: '/stats',
    summary: `Public statistics of the province and every agency for a period: ratings, dossiers, the 766 index (figures from fewer than ${MIN_RATINGS} ratings are null)`,
    params: [PERIOD],
    ok: { status: 200, schema: 'ProvinceStats', description: 'The province, and each agency implementing a procedure of the catalogue' },
    refusals: { 400: 'Not a month, a quarter or a year (`invalid-period`)' },
  },
  {
    method: 'get',
    path: '/stats/agencies/{id}',
    summary: 'Public statistics of one agency for a period, the province beside it, and its monthly trend',
    params: [id('id', 'Agency id (as in the catalogue)'), PERIOD],
    ok: { status: 200, schema: 'AgencyStats', description: 'The agency' },
    refusals: { 400: 'Not a month, a quarter or a year (`invalid-period`)', 404: 'No agency with this id (`agency-not-found`)' },
  },
  {
    method: 'get',
    path: '/ratings/criteria',
    summary: 'The criteria a dossier is rated against, with their version (public; a province changes them without an app release)',
    ok: { status: 200, schema: 'RatingCriteria', description: 'The current criteria set' },
    refusals: {},
  },
  {
    method: 'get',
    path: '/dossiers/{code}/rating',
    summary: 'The rating given to one of the citizen’s dossiers, or null',
    auth: true,
    params: [id('code', 'Dossier code')],
    ok: { status: 200, schema: 'DossierRating', description: 'The rating, or null while there is none' },
    refusals: { ...SIGNED_IN, 404: "No such dossier of this citizen's (someone else's looks the same)" },
  },
  {
    method: 'post',
    path: '/dossiers/{code}/rating',
    summary:
      'Rate a finished dossier (result ready, returned, rejected or withdrawn), once. Signed in as its owner, or without a session with the `ratingToken` ' +
      `a look-up (GET /track) of that finished dossier gave (bound to it, valid ${minutes(RATING_TOKEN_TTL_MS)} minutes). The comment is stored as text, never markup.`,
    auth: true,
    authOptional: true,
    idempotent: true,
    params: [id('code', 'Dossier code')],
    body: 'RateDossier',
    ok: { status: 201, schema: 'StoredRating', description: 'The rating is stored, with its channel, agency, procedure and criteria version' },
    refusals: {
      ...JSON_BODY_REFUSALS,
      400: 'Idempotency-Key missing (or malformed JSON)',
      401: 'No live session and no ratingToken (`session-expired`), or the ratingToken is unknown or expired (`rating-token-expired`)',
      404: "No such dossier of this citizen's, or not the dossier the token was given for (they look alike)",
      409: 'The dossier is not finished (`dossier-not-finished`), or it was rated already (`already-rated`; the problem\'s `rating` is what was given)',
      422:
        `Not a rating (\`invalid-body\`: unknown channel, level or a score other than 0, 1, 2); a comment over ${COMMENT_MAX} characters (\`comment-too-long\`) or only spaces (\`comment-blank\`); ` +
        'an unknown criteria version (`unknown-criteria-version`) or indicator (`unknown-indicator`); or the Idempotency-Key was used for a different rating',
      429: `More than ${RATING_POST_LIMIT.requests} rating posts in ${RATING_POST_LIMIT.windowMs / 1000} s by this citizen, or by this client without a session (\`too-many-ratings\`; every post counts, refused or not)`,
    },
  },
  ...questionEndpoints(),
  ...kioskEndpoints(),
  ...assistedEndpoints(),
];

/**
 * Assisted mode (src/api/assisted, docs/domain/assisted.md): a volunteer's consent requests, the
 * resident's consents and audit trail, the volunteer's own figures. The delegated token comes from
 * the identity provider's token endpoint (RFC 8693, outside this document); with it, the bearer of
 * the personal endpoints is the resident, and a request outside the consent is 403 `outside-consent`,
 * after a revocation 403 `consent-revoked`, after its end 403 `consent-expired` or `consent-ended`.
 */
function assistedEndpoints(): Endpoint[] {
  const OWN = { ...SIGNED_IN, 403: 'A delegated token (`delegated-token-not-allowed`): only the person themself, signed in, may do this' } as const;
  const VOLUNTEER = { ...OWN, 403: 'Not a volunteer of a community digital-technology team (`not-a-volunteer`), or a delegated token (`delegated-token-not-allowed`)' } as const;
  const SCOPE = 'the scope names a procedure that cannot be filed online (`unknown-procedure`), or the body is not a consent (`invalid-consent`)';
  return [
    {
      method: 'post',
      path: '/assisted/consents',
      summary:
        `A volunteer asks for the resident's consent: a ${CONSENT_CODE.digits}-digit code, valid ${CONSENT_CODE.ttlSeconds / 60} minutes, is sent by SMS to the phone the national database holds for the resident ` +
        '(never to any other number), stating the volunteer, what will be filed, which data and for how long',
      auth: true,
      body: 'StartConsent',
      ok: { status: 201, schema: 'Consent', description: 'Awaiting the code (`sentTo` masked, `codeExpiresAt`, `triesLeft`)' },
      refusals: {
        ...JSON_BODY_REFUSALS,
        ...VOLUNTEER,
        404: 'No resident with this ID number (`resident-not-found`)',
        409: 'No phone on record for the resident (`no-phone-on-record`): they sign in themselves instead',
        422: `The volunteer themself (\`cannot-assist-self\`); a typed phone that is not the one on record (\`phone-not-on-record\`) or is the volunteer's own (\`volunteers-own-phone\`, flagged); ${SCOPE}`,
        429: `More than ${CONSENT_CODE.perResidentPerHour} codes an hour for one resident (\`too-many-codes\`)`,
      },
    },
    {
      method: 'post',
      path: '/assisted/consents/signed-in',
      summary: `The resident signed in with their own VNeID on the volunteer's phone: their ID token (at most ${SIGN_IN_MAX_AGE_SECONDS / 60} minutes old) confirms the consent at once`,
      auth: true,
      body: 'SignedInConsent',
      ok: { status: 201, schema: 'ConsentGrant', description: `The running consent and its one-use handle for the token exchange (grant ${TOKEN_EXCHANGE_GRANT}, subject_token_type ${CONSENT_TOKEN_TYPE})` },
      refusals: { ...JSON_BODY_REFUSALS, ...VOLUNTEER, 422: `The ID token is not this provider's, for this app, live (\`resident-sign-in-invalid\`) or fresh (\`resident-sign-in-stale\`); the volunteer themself (\`cannot-assist-self\`); ${SCOPE}` },
    },
    {
      method: 'get',
      path: '/assisted/consents/{id}',
      summary: 'A consent the volunteer asked for, as it stands now (revoked by the resident, expired…)',
      auth: true,
      params: [id('id', 'Consent id')],
      ok: { status: 200, schema: 'Consent', description: 'The consent' },
      refusals: { ...OWN, 404: 'No such consent of this volunteer (`consent-not-found`)' },
    },
    {
      method: 'post',
      path: '/assisted/consents/{id}/confirm',
      summary: `The code the resident received, typed on the volunteer's phone: ${CONSENT_CODE.tries} tries`,
      auth: true,
      params: [id('id', 'Consent id')],
      body: 'ConfirmConsent',
      ok: { status: 200, schema: 'ConsentGrant', description: `The running consent and its one-use handle for the token exchange (grant ${TOKEN_EXCHANGE_GRANT}, subject_token_type ${CONSENT_TOKEN_TYPE})` },
      refusals: {
        ...JSON_BODY_REFUSALS,
        ...OWN,
        404: 'No such consent request of this volunteer (`consent-not-found`)',
        409: 'Not waiting for a code (`consent-not-awaiting-code`)',
        410: `The code expired (\`consent-code-expired\`), or the ${CONSENT_CODE.tries}th wrong code ended the request (\`consent-code-tries-exceeded\`): ask for a new one`,
        422: 'Not the code sent (`consent-code-wrong`, with `triesLeft`)',
      },
    },
    {
      method: 'post',
      path: '/assisted/consents/{id}/end',
      summary: 'The volunteer ends the help: the consent and every delegated token under it end now (already ended: unchanged)',
      auth: true,
      params: [id('id', 'Consent id')],
      ok: { status: 200, schema: 'Consent', description: 'The consent, ended' },
      refusals: { ...OWN, 404: 'No such consent of this volunteer (`consent-not-found`)' },
    },
    {
      method: 'get',
      path: '/assisted/volunteer/stats',
      summary: `The volunteer's own help by month: residents helped, and each dossier's procedure, code and status (nothing personal); the flags raised (more than ${FLAG_RULES.residentsPerHour} residents an hour, a code asked for the volunteer's own number)`,
      auth: true,
      ok: { status: 200, schema: 'VolunteerStats', description: 'Newest month first' },
      refusals: VOLUNTEER,
    },
    {
      method: 'get',
      path: '/assisted/volunteer/stats.csv',
      summary: `The same as CSV for the commune's report (UTF-8 with a byte-order mark, CRLF): ${STATS_CSV_COLUMNS.join(', ')}`,
      auth: true,
      ok: { status: 200, csv: true, description: 'One row per dossier, a header row first' },
      refusals: VOLUNTEER,
    },
    {
      method: 'get',
      path: '/me/assisted/consents',
      summary: 'The consents the resident gave volunteers (confirmed ones), newest first',
      auth: true,
      ok: { status: 200, schema: 'ConsentList', description: 'Newest first' },
      refusals: OWN,
    },
    {
      method: 'get',
      path: '/me/assisted/audit',
      summary: "Everything done on the resident's behalf: when, by which volunteer, what (read the data store, filed dossier …), newest first",
      auth: true,
      ok: { status: 200, schema: 'AuditList', description: 'Newest first' },
      refusals: OWN,
    },
    {
      method: 'post',
      path: '/me/assisted/consents/{id}/revoke',
      summary: 'The resident withdraws a running consent: every delegated token under it stops at once',
      auth: true,
      params: [id('id', 'Consent id')],
      ok: { status: 200, schema: 'Consent', description: 'The consent, revoked' },
      refusals: { ...OWN, 404: 'No such consent of this resident (`consent-not-found`)', 409: 'It is not running any more (`consent-not-active`)' },
    },
    {
      method: 'post',
      path: '/me/assisted/consents/{id}/rating',
      summary: 'The resident rates the help itself (channel `assisted`), once per consent, apart from any dossier',
      auth: true,
      params: [id('id', 'Consent id')],
      body: 'RateHelp',
      ok: { status: 201, schema: 'HelpRating', description: 'Stored' },
      refusals: { ...JSON_BODY_REFUSALS, ...OWN, 404: 'No such consent of this resident (`consent-not-found`)', 409: 'Rated already (`already-rated`)', 422: 'Not a rating (`invalid-body`)' },
    },
    {
      method: 'get',
      path: '/me/assisted/ratings',
      summary: "The resident's ratings of help (one per consent at most), newest first: which help is rated already",
      auth: true,
      ok: { status: 200, schema: 'HelpRatingList', description: 'Newest first' },
      refusals: OWN,
    },
  ];
}

/** Questions and feedback (src/api/questions): the text limits and rates as the contract states them. */
function questionEndpoints(): Endpoint[] {
  const text = (what: 'question' | 'report') =>
    `The text is over ${TEXT_LIMITS[what].max} characters, blank, under ${TEXT_LIMITS[what].min} once trimmed, or carries a run of 9+ digits (an ID or phone number): \`fields\` names each refused field and why (\`too-long\`, \`blank\`, \`too-short\`, \`personal-number\`); or the Idempotency-Key was used for another body`;
  const rate = (kind: 'questions' | 'reports', who: string) =>
    `More than ${POST_LIMITS[kind].requests} ${kind} in ${minutes(POST_LIMITS[kind].windowMs)} minutes from ${who} (\`too-many-${kind}\`; refused posts and replays do not count)`;
  return [
    {
      method: 'get',
      path: '/procedures/{id}/questions',
      summary: 'The answered questions of a procedure, without who asked',
      params: [id('id', 'Procedure id')],
      ok: { status: 200, schema: 'PublicQuestionList', description: 'Newest answer first' },
      refusals: { 404: 'No procedure with this id' },
    },
    {
      method: 'post',
      path: '/procedures/{id}/questions',
      summary: 'Ask the office a question about a procedure, exactly once per Idempotency-Key',
      auth: true,
      idempotent: true,
      params: [id('id', 'Procedure id')],
      body: 'AskQuestion',
      ok: { status: 201, schema: 'MyQuestion', description: 'The question, waiting for its answer' },
      refusals: { ...JSON_BODY_REFUSALS, ...SIGNED_IN, 400: 'Idempotency-Key missing (or malformed JSON)', 404: 'No procedure with this id', 422: text('question'), 429: rate('questions', 'this citizen') },
    },
    {
      method: 'get',
      path: '/questions/mine',
      summary: "The citizen's questions, waiting or answered",
      auth: true,
      ok: { status: 200, schema: 'MyQuestionList', description: 'Newest first' },
      refusals: SIGNED_IN,
    },
    {
      method: 'post',
      path: '/feedback',
      summary: 'Report a problem with a page of the app: anonymous, no reply, exactly once per Idempotency-Key',
      idempotent: true,
      body: 'ProblemReport',
      ok: { status: 201, schema: 'ReportReceipt', description: 'Received' },
      refusals: { ...JSON_BODY_REFUSALS, 400: 'Idempotency-Key missing (or malformed JSON)', 422: `Not a page path, or ${text('report')}`, 429: rate('reports', 'this client (by connection address)') },
    },
  ];
}

/** Hall kiosks (src/api/kiosk): enrolment with a centre's code, the staff PIN, the queue. */
function kioskEndpoints(): Endpoint[] {
  const KIOSK_TOKEN = { 401: 'No token of an enrolled kiosk (`kiosk-unknown`; WWW-Authenticate: Bearer)' } as const;
  return [
    {
      method: 'post',
      path: '/kiosk/enrolments',
      summary: "Enrol a device as a kiosk of the centre whose code staff typed: the answer is all the kiosk keeps (its centre, fields, counters, idle limits and its own token)",
      body: 'Enrol',
      ok: { status: 201, schema: 'Enrolment', description: 'Enrolled' },
      refusals: {
        ...JSON_BODY_REFUSALS,
        410: 'The code was a centre\'s but has expired (`enrolment-code-expired`; `triesLeft`)',
        422: 'No centre has this code (`enrolment-code-invalid`; `triesLeft`), or the body is not { code }',
        429: `${KIOSK_TRIES.enrolCodes} wrong or expired codes from this client: paused ${KIOSK_TRIES.lockMinutes} minutes (\`enrolment-tries-exceeded\`)`,
      },
    },
    {
      method: 'post',
      path: '/kiosk/unlock',
      summary: 'Staff leave kiosk mode with the centre\'s PIN; the device\'s token is retired',
      kiosk: true,
      body: 'Unlock',
      ok: { status: 200, schema: 'UnlockResult', description: 'The device is no kiosk any more' },
      refusals: {
        ...JSON_BODY_REFUSALS,
        ...KIOSK_TOKEN,
        403: 'Wrong PIN (`pin-wrong`; `triesLeft`)',
        422: 'Not a PIN of 4 to 8 digits',
        429: `${KIOSK_TRIES.pins} wrong PINs on this kiosk: locked ${KIOSK_TRIES.lockMinutes} minutes (\`pin-tries-exceeded\`)`,
      },
    },
    {
      method: 'post',
      path: '/kiosk/tickets',
      summary: 'A queue number for the counters that receive a field\'s dossiers, printed on 80 mm paper',
      kiosk: true,
      body: 'TakeTicket',
      ok: { status: 201, schema: 'Ticket', description: 'The number, its counters, how many wait before it' },
      refusals: { ...JSON_BODY_REFUSALS, ...KIOSK_TOKEN, 404: 'No counter of this centre receives that field (`field-not-served`)', 422: 'The body is not { fieldId }' },
    },
    {
      method: 'get',
      path: '/kiosk/now-serving',
      summary: 'The number each counter group of the kiosk\'s centre serves now, and how many wait',
      kiosk: true,
      ok: { status: 200, schema: 'NowServing', description: 'One entry per counter group' },
      refusals: KIOSK_TOKEN,
    },
    {
      method: 'post',
      path: '/handoffs',
      summary: `"Continue on your own phone": a slot for the person signed in at the kiosk (their own token), valid ${HANDOFF.slotMinutes} minutes; the kiosk encrypts the work in progress with its key (AES-256-GCM, the id as AAD) into a QR code`,
      auth: true,
      ok: { status: 201, schema: 'HandoffSlot', description: 'The slot: id, key, the backend\'s clock' },
      refusals: SIGNED_IN,
    },
    {
      method: 'get',
      path: '/handoffs/{id}',
      summary: 'Whether the phone has taken the hand-off over (the kiosk then ends the visit)',
      auth: true,
      params: [id('id', 'Hand-off id', HANDOFF_ID.source)],
      ok: { status: 200, schema: 'HandoffStatus', description: 'Redeemed or not' },
      refusals: { ...SIGNED_IN, 404: 'No hand-off of this person (`handoff-unknown`)' },
    },
    {
      method: 'post',
      path: '/handoffs/{id}/redeem',
      summary: `On the person's own phone: the work the QR code carried, once, for the person it was made for, within ${HANDOFF.validSeconds / 60} minutes of its showing`,
      auth: true,
      params: [id('id', 'Hand-off id', HANDOFF_ID.source)],
      body: 'RedeemHandoff',
      ok: { status: 200, schema: 'HandoffContent', description: 'The draft, to open on the phone' },
      refusals: {
        ...JSON_BODY_REFUSALS,
        ...SIGNED_IN,
        403: 'Made for someone else (`handoff-not-yours`; it stays for its owner)',
        404: 'No such hand-off (`handoff-unknown`)',
        410: `Already used (\`handoff-used\`), or past ${HANDOFF.validSeconds / 60} minutes from its showing or its slot's ${HANDOFF.slotMinutes} minutes (\`handoff-expired\`)`,
        422: 'The payload does not open with this slot\'s key (`handoff-invalid`: not ours, or altered)',
        429: `${HANDOFF.tries.requests} redemptions by one citizen in ${HANDOFF.tries.windowMs / 60_000} minutes (\`too-many-handoff-tries\`), with Retry-After`,
      },
    },
  ];
}

const ref = (name: SchemaName) => ({ $ref: `#/components/schemas/${name}` });
const problemResponse = (description: string, specific?: SchemaName) => ({
  description,
  content: { 'application/problem+json': { schema: specific ? { anyOf: [ref(specific), ref('Problem')] } : ref('Problem') } },
});
/** A 429 says when to try again. */
const RETRY_AFTER = { 'Retry-After': { required: true, description: 'Seconds until the request may be made again', schema: { type: 'integer', minimum: 1 } } };
/** A stored file is a sandboxed download, never a page of the API's origin. */
const STORED_FILE_HEADERS = {
  'Content-Disposition': { required: true, description: 'attachment; filename="…"; filename*=UTF-8\'\'…', schema: { type: 'string', pattern: '^attachment\\b' } },
  'X-Content-Type-Options': { required: true, schema: { type: 'string', const: 'nosniff' } },
  'Content-Security-Policy': { required: true, schema: { type: 'string', const: "sandbox; default-src 'none'" } },
};

const FILE_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
const binary = { type: 'string', contentMediaType: 'application/octet-stream' };

const operation = (e: Endpoint): Json => {
  const parameters: Json[] = (e.params ?? []).map((p) => ({
    name: p.name,
    in: p.in,
    description: p.description,
    required: p.required ?? false,
    schema: { type: 'string', ...(p.pattern ? { pattern: p.pattern } : {}) },
  }));
  if (e.idempotent) parameters.push({ $ref: '#/components/parameters/IdempotencyKey' });

  const okBody = e.ok.csv
    ? { content: { 'text/csv': { schema: { type: 'string' } } } }
    : e.ok.file
    ? { headers: STORED_FILE_HEADERS, content: Object.fromEntries(FILE_TYPES.map((t) => [t, { schema: binary }])) }
    : { content: { 'application/json': { schema: e.ok.arrayOf ? { type: 'array', items: ref(e.ok.arrayOf) } : ref(e.ok.schema as SchemaName) } } };
  const responses: Json = { [e.ok.status]: { description: e.ok.description, ...okBody } };
  if (e.idempotent && e.ok.status === 201) {
    responses['200'] = {
      description: 'The same Idempotency-Key again: what the first request made, nothing new',
      headers: { 'Idempotent-Replayed': { schema: { type: 'string', const: 'true' } } },
      ...okBody,
    };
  }
  for (const [status, description] of Object.entries(e.refusals)) {
    const problem = problemResponse(description, e.refusalSchemas?.[Number(status)]);
    responses[status] = status === '429' ? { ...problem, headers: RETRY_AFTER } : problem;
  }
  responses.default = problemResponse('Any other refusal or failure (e.g. 429 with Retry-After, 5xx), never with internal details');

  return {
    operationId: `${e.method}${e.path.replace(/\{(\w+)\}/g, 'By-$1').replace(/[^a-zA-Z0-9]+(\w)/g, (_m, c: string) => c.toUpperCase())}`,
    summary: e.summary,
    ...(e.kiosk ? { security: [{ kiosk: [] }] } : e.auth ? { security: e.authOptional ? [{ bearer: [] }, {}] : [{ bearer: [] }] } : { security: [] }),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(e.body === 'file'
      ? { requestBody: { required: true, content: Object.fromEntries(FILE_TYPES.map((t) => [t, { schema: binary }])) } }
      : e.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: ref(e.body) } } } }
        : {}),
    responses,
  };
};

/** JSON Schemas of every named schema, referring to each other through components. */
const componentSchemas = (): Record<string, Json> => {
  const named = registry<{ id: string }>();
  for (const [name, schema] of Object.entries(CONTRACT_SCHEMAS)) named.add(schema, { id: name });
  const { schemas } = toJSONSchema(named, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
    uri: (name) => `#/components/schemas/${name}`,
  }) as { schemas: Record<string, Json> };
  // Within an OpenAPI document a component needs neither its own dialect nor an $id.
  return Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => {
      const { $schema: _dialect, $id: _id, ...rest } = schema;
      return [name, rest];
    }),
  );
};

/** The OpenAPI 3.1 document of the contract. `serverUrl` is the API's base URL (default `/api`). */
export const openApiDocument = (serverUrl = '/api'): Json => {
  const paths: Record<string, Json> = {};
  for (const e of ENDPOINTS) paths[e.path] = { ...paths[e.path], [e.method]: operation(e) };
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
    info: {
      title: 'Một Cửa Số API',
      version: '1',
      description:
        'The contract a backend for Một Cửa Số implements. Generated from the zod schemas the app parses every response with (src/api/*/schema.ts). ' +
        'Every refusal is application/problem+json (RFC 9457) with type, title, status and code; every response carries X-Content-Type-Options: nosniff. ' +
        'Check a backend with `npm run conformance -- --base-url <url>`.',
    },
    servers: [{ url: serverUrl }],
    paths,
    components: {
      schemas: componentSchemas(),
      parameters: {
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: true,
          description: 'A key the client never changes for this item (a UUID): the same key again gets what the first request made (200, Idempotent-Replayed: true).',
          schema: { type: 'string', minLength: 1, maxLength: 255 },
        },
      },
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'The access token of the identity provider (VNeID, OIDC authorization code + PKCE)' },
        kiosk: { type: 'http', scheme: 'bearer', description: "A hall kiosk's device token (`kioskToken` of POST /kiosk/enrolments): names the device, never a person" },
      },
    },
  };
};
