import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import {
  CONSENT_CODE,
  FLAG_RULES,
  SIGN_IN_MAX_AGE_SECONDS,
  STATS_CSV_COLUMNS,
  maskPhone,
  type AssistedBy,
  type AuditAction,
  type AuditEntry,
  type Consent,
  type ConsentGrant,
  type ConsentScope,
  type FlagKind,
  type HelpRating,
  type RateHelp,
  type SignedInConsent,
  type StartConsent,
  type Volunteer,
  type VolunteerFlag,
  type VolunteerStats,
} from '../src/api/assisted/schema.ts';
import { demoCitizens, type DemoCitizen } from './fixtures/citizens.ts';
import { CLIENT_ID, citizenForSubject, dataStoreFor, findCitizen, revokeDelegatedTokens, verifyIdToken } from './idp.ts';
import { db } from './db.ts';
import { state as dossierState } from './dossiers/state.ts';
import { sendSms } from './sms.ts';

/**
 * Assisted mode in the simulated backend (docs/domain/assisted.md): consents a resident gives a
 * volunteer (by a one-time code sent by SMS to the phone the national database holds, or by
 * signing in on the volunteer's phone), the audit trail of everything done under them, the flags
 * for the team lead, the ratings of the help. The delegated tokens themselves are the identity
 * provider's (mocks/idp.ts, the RFC 8693 exchange in handlers/idp.ts).
 */
export interface Refusal {
  ok: false;
  status: number;
  code: string;
  title: string;
  extra?: Record<string, unknown>;
  retryAfter?: number;
}
export type Result<T> = { ok: true; value: T } | Refusal;

const refuse = (status: number, code: string, title: string, extra?: Record<string, unknown>, retryAfter?: number): Refusal => ({
  ok: false,
  status,
  code,
  title,
  ...(extra ? { extra } : {}),
  ...(retryAfter === undefined ? {} : { retryAfter }),
});

interface ConsentRecord {
  id: string;
  volunteerId: string;
  residentId: string;
  method: Consent['method'];
  scope: ConsentScope;
  minutes: Consent['minutes'];
  createdAt: number;
  status: Consent['status'];
  validUntil: number | null;
  /** SMS path: the code's hash, where it went, until when, tries left. */
  codeHash: string | null;
  sentTo: string | null;
  codeExpiresAt: number | null;
  triesLeft: number | null;
  endedAt: number | null;
  /** The one-use handle for the token exchange, once confirmed. */
  consentToken: { value: string; used: boolean } | null;
}

interface State {
  consents: Map<string, ConsentRecord>;
  audit: { residentId: string; volunteerId: string; entry: AuditEntry }[];
  flags: { volunteerId: string; flag: VolunteerFlag }[];
  /** Codes sent per resident (ms), for the hourly limit. */
  codesSent: Map<string, number[]>;
  helpRatings: Map<string, { residentId: string; volunteerId: string; rating: HelpRating; key?: string }>;
}

const fresh = (): State => ({ consents: new Map(), audit: [], flags: [], codesSent: new Map(), helpRatings: new Map() });
let state = fresh();

export const resetAssisted = (): void => {
  state = fresh();
};

const HOUR_MS = 60 * 60 * 1000;
const hash = (code: string) => createHash('sha256').update(code).digest();
const newId = (prefix: string) => `${prefix}-${randomBytes(6).toString('hex').toUpperCase()}`;
const digits = (phone: string) => phone.replace(/\D/g, '');
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export const volunteerCitizen = (citizenId: string): (DemoCitizen & { volunteer: NonNullable<DemoCitizen['volunteer']> }) | undefined => {
  const citizen = findCitizen(citizenId);
  return citizen?.volunteer ? (citizen as DemoCitizen & { volunteer: NonNullable<DemoCitizen['volunteer']> }) : undefined;
};

export const volunteerView = (citizenId: string): Volunteer => {
  const citizen = volunteerCitizen(citizenId);
  if (!citizen) throw new Error(`${citizenId} is no volunteer`);
  return { name: citizen.store.citizen.fullName, team: citizen.volunteer.team, communeCode: citizen.volunteer.communeCode, communeName: citizen.volunteer.communeName };
};

/** A consent past its end is expired, and its tokens die with it. */
const refresh = (record: ConsentRecord, now: number): ConsentRecord => {
  if (record.status === 'active' && record.validUntil !== null && record.validUntil <= now) {
    record.status = 'expired';
    record.endedAt = record.validUntil;
    revokeDelegatedTokens(record.id);
  }
  return record;
};

const view = (record: ConsentRecord, now: number): Consent => {
  refresh(record, now);
  const confirmed = record.validUntil !== null;
  const awaiting = record.status === 'awaiting-code';
  return {
    id: record.id,
    status: record.status,
    method: record.method,
    volunteer: volunteerView(record.volunteerId),
    resident: confirmed ? { fullName: findCitizen(record.residentId)?.store.citizen.fullName ?? '—' } : null,
    scope: record.scope,
    minutes: record.minutes,
    createdAt: new Date(record.createdAt).toISOString(),
    validUntil: iso(record.validUntil),
    sentTo: awaiting && record.sentTo ? maskPhone(record.sentTo) : null,
    codeExpiresAt: awaiting ? iso(record.codeExpiresAt) : null,
    triesLeft: awaiting ? record.triesLeft : null,
    endedAt: iso(record.endedAt),
  };
};

export const audit = (record: { id: string; residentId: string; volunteerId: string }, action: AuditAction, extra: { procedureId?: string | null; dossierCode?: string | null } = {}, now = Date.now()): void => {
  state.audit.push({
    residentId: record.residentId,
    volunteerId: record.volunteerId,
    entry: {
      id: newId('NK'),
      at: new Date(now).toISOString(),
      consentId: record.id,
      actor: volunteerView(record.volunteerId),
      action,
      procedureId: extra.procedureId ?? null,
      dossierCode: extra.dossierCode ?? null,
    },
  });
};

const flag = (volunteerId: string, kind: FlagKind, now: number): void => {
  // One flag of a kind an hour is enough for the team lead to look.
  if (state.flags.some((f) => f.volunteerId === volunteerId && f.flag.kind === kind && now - Date.parse(f.flag.at) < HOUR_MS)) return;
  state.flags.push({ volunteerId, flag: { kind, at: new Date(now).toISOString() } });
};

const scopeRefusal = (scope: ConsentScope): Refusal | undefined => {
  const unknown = scope.procedures.filter((id) => !db.procedures.get(id)?.hasEForm);
  if (unknown.length > 0) return refuse(422, 'unknown-procedure', 'A consent names procedures that can be filed online', { procedures: unknown });
  if (new Set(scope.procedures).size !== scope.procedures.length || new Set(scope.data).size !== scope.data.length) {
    return refuse(422, 'invalid-consent', 'A procedure or a data scope is named twice');
  }
  return undefined;
};

const notVolunteer = () => refuse(403, 'not-a-volunteer', 'Only a volunteer of a community digital-technology team may help a resident');

const DATA_VI: Record<ConsentScope['data'][number], string> = {
  identity: 'thông tin nhân thân',
  residence: 'nơi cư trú',
  household: 'hộ gia đình',
  contact: 'số điện thoại, email',
  documents: 'giấy tờ trong kho dữ liệu',
};

/** The SMS states the whole consent: whoever holds the code knows what it allows. */
const codeText = (code: string, volunteerId: string, scope: ConsentScope, minutes: number) => {
  const v = volunteerView(volunteerId);
  const procedures = scope.procedures.map((id) => db.procedures.get(id)?.name ?? id).join('; ');
  return (
    `[Một Cửa Số] Mã xác nhận: ${code}. Chỉ đưa mã này nếu bạn đồng ý để tình nguyện viên ${v.name} (${v.team}) ` +
    `nộp hồ sơ thay bạn: ${procedures}; dùng ${scope.data.map((d) => DATA_VI[d]).join(', ')}; trong ${minutes} phút. Mã hết hạn sau ${CONSENT_CODE.ttlSeconds / 60} phút.`
  );
};

/** SMS path, step 1: a code to the resident's phone on record, never to any other number. */
export const startConsent = (volunteerId: string, body: StartConsent, now = Date.now()): Result<Consent> => {
  const volunteer = volunteerCitizen(volunteerId);
  if (!volunteer) return notVolunteer();
  const bad = scopeRefusal(body.scope);
  if (bad) return bad;
  const resident = demoCitizens.find((c) => c.store.citizen.idNumber === body.residentIdNumber);
  if (!resident) return refuse(404, 'resident-not-found', 'No resident with this ID number in the national population database');
  if (resident.id === volunteerId) return refuse(422, 'cannot-assist-self', 'A volunteer files their own dossiers signed in as themself');
  const ownPhone = volunteer.store.contact.phone ? digits(volunteer.store.contact.phone) : null;
  const onRecord = dataStoreFor(resident.id)?.contact.phone ?? null;
  // The volunteer's own number: never sent, and the team lead is told.
  if (ownPhone && ((body.phone && digits(body.phone) === ownPhone) || (onRecord && digits(onRecord) === ownPhone))) {
    flag(volunteerId, 'code-to-volunteers-own-phone', now);
    return refuse(422, 'volunteers-own-phone', 'The code is sent only to the resident’s own phone, never to the volunteer’s');
  }
  if (!onRecord) return refuse(409, 'no-phone-on-record', 'The national database holds no phone for this resident: they sign in with their own VNeID instead');
  if (body.phone && digits(body.phone) !== digits(onRecord)) {
    return refuse(422, 'phone-not-on-record', 'This is not the phone the national database holds for the resident; the code goes only to that one', { sentTo: maskPhone(onRecord) });
  }
  const recent = (state.codesSent.get(resident.id) ?? []).filter((t) => now - t < HOUR_MS);
  if (recent.length >= CONSENT_CODE.perResidentPerHour) {
    const retryAfter = Math.ceil((recent[0]! + HOUR_MS - now) / 1000);
    return refuse(429, 'too-many-codes', `At most ${CONSENT_CODE.perResidentPerHour} codes an hour for one resident`, { retryAfter }, retryAfter);
  }
  state.codesSent.set(resident.id, [...recent, now]);
  const code = String(randomInt(0, 10 ** CONSENT_CODE.digits)).padStart(CONSENT_CODE.digits, '0');
  const record: ConsentRecord = {
    id: newId('UQ'),
    volunteerId,
    residentId: resident.id,
    method: 'sms',
    scope: body.scope,
    minutes: body.minutes,
    createdAt: now,
    status: 'awaiting-code',
    validUntil: null,
    codeHash: hash(code).toString('base64'),
    sentTo: onRecord,
    codeExpiresAt: now + CONSENT_CODE.ttlSeconds * 1000,
    triesLeft: CONSENT_CODE.tries,
    endedAt: null,
    consentToken: null,
  };
  state.consents.set(record.id, record);
  sendSms(onRecord, 'consent-code', codeText(code, volunteerId, body.scope, body.minutes), new Date(now));
  audit(record, 'consent-requested', {}, now);
  return { ok: true, value: view(record, now) };
};

const activate = (record: ConsentRecord, now: number): ConsentGrant => {
  record.status = 'active';
  record.validUntil = now + record.minutes * 60 * 1000;
  record.codeHash = null;
  record.consentToken = { value: randomBytes(32).toString('base64url'), used: false };
  audit(record, 'consent-given', {}, now);
  // Many residents in an hour: the team lead looks (docs/domain/assisted.md#flags).
  const residents = new Set(
    [...state.consents.values()].filter((c) => c.volunteerId === record.volunteerId && c.validUntil !== null && now - (c.validUntil - c.minutes * 60_000) < HOUR_MS).map((c) => c.residentId),
  );
  if (residents.size > FLAG_RULES.residentsPerHour) flag(record.volunteerId, 'many-residents-an-hour', now);
  return { consent: view(record, now), consentToken: record.consentToken.value };
};

/** SMS path, step 2: the code typed on the volunteer's phone; a few tries, a short life. */
export const confirmConsent = (volunteerId: string, consentId: string, code: string, now = Date.now()): Result<ConsentGrant> => {
  const record = state.consents.get(consentId);
  if (!record || record.volunteerId !== volunteerId) return refuse(404, 'consent-not-found', 'No such consent request of yours');
  if (record.status !== 'awaiting-code') return refuse(409, 'consent-not-awaiting-code', 'This consent is not waiting for a code', { status: record.status });
  if (record.codeExpiresAt === null || record.codeExpiresAt <= now) {
    record.status = 'failed';
    return refuse(410, 'consent-code-expired', 'The code has expired: ask for a new one');
  }
  const right = record.codeHash !== null && timingSafeEqual(hash(code), Buffer.from(record.codeHash, 'base64'));
  if (!right) {
    record.triesLeft = (record.triesLeft ?? 1) - 1;
    if (record.triesLeft <= 0) {
      record.status = 'failed';
      return refuse(410, 'consent-code-tries-exceeded', `${CONSENT_CODE.tries} wrong codes: ask for a new one`, { triesLeft: 0 });
    }
    return refuse(422, 'consent-code-wrong', 'This is not the code that was sent', { triesLeft: record.triesLeft });
  }
  return { ok: true, value: activate(record, now) };
};

/** Second path: the resident signed in with their own VNeID on the volunteer's phone, just now. */
export const signedInConsent = (volunteerId: string, body: SignedInConsent, issuer: string, now = Date.now()): Result<ConsentGrant> => {
  if (!volunteerCitizen(volunteerId)) return notVolunteer();
  const bad = scopeRefusal(body.scope);
  if (bad) return bad;
  const checked = verifyIdToken(body.residentIdToken, { issuer, audience: CLIENT_ID }, now);
  if (!checked.ok) return refuse(422, 'resident-sign-in-invalid', `The resident's sign-in could not be verified (${checked.reason})`);
  const authTime = typeof checked.claims.auth_time === 'number' ? checked.claims.auth_time : 0;
  if (now / 1000 - authTime > SIGN_IN_MAX_AGE_SECONDS) return refuse(422, 'resident-sign-in-stale', `The resident must have signed in within the last ${SIGN_IN_MAX_AGE_SECONDS / 60} minutes`);
  const residentId = citizenForSubject(checked.claims.sub);
  if (!residentId) return refuse(422, 'resident-sign-in-invalid', 'Unknown resident');
  if (residentId === volunteerId) return refuse(422, 'cannot-assist-self', 'A volunteer files their own dossiers signed in as themself');
  const record: ConsentRecord = {
    id: newId('UQ'),
    volunteerId,
    residentId,
    method: 'resident-sign-in',
    scope: body.scope,
    minutes: body.minutes,
    createdAt: now,
    status: 'awaiting-code',
    validUntil: null,
    codeHash: null,
    sentTo: null,
    codeExpiresAt: null,
    triesLeft: null,
    endedAt: null,
    consentToken: null,
  };
  state.consents.set(record.id, record);
  return { ok: true, value: activate(record, now) };
};

export type Exchange = { ok: true; residentId: string; consentId: string; validUntil: number; scope: ConsentScope } | { ok: false; description: string };

/** RFC 8693: the consent handle (subject) and the volunteer's own token (actor) → a delegated token. */
export const exchangeConsentToken = (consentToken: string, actorId: string, now = Date.now()): Exchange => {
  const record = [...state.consents.values()].find((c) => c.consentToken?.value === consentToken);
  if (!record?.consentToken) return { ok: false, description: 'Unknown consent token' };
  refresh(record, now);
  if (record.consentToken.used) return { ok: false, description: 'The consent token was already exchanged' };
  if (record.volunteerId !== actorId) return { ok: false, description: 'The consent was given to another volunteer' };
  if (record.status !== 'active' || record.validUntil === null) return { ok: false, description: `The consent is ${record.status}` };
  record.consentToken.used = true;
  return { ok: true, residentId: record.residentId, consentId: record.id, validUntil: record.validUntil, scope: record.scope };
};

export const consentOfVolunteer = (volunteerId: string, consentId: string, now = Date.now()): Result<Consent> => {
  const record = state.consents.get(consentId);
  if (!record || record.volunteerId !== volunteerId) return refuse(404, 'consent-not-found', 'No such consent of yours');
  return { ok: true, value: view(record, now) };
};

const finish = (record: ConsentRecord, status: 'ended' | 'revoked', now: number): void => {
  record.status = status;
  record.endedAt = now;
  record.consentToken = null;
  revokeDelegatedTokens(record.id);
  audit(record, status === 'ended' ? 'consent-ended' : 'consent-revoked', {}, now);
};

/** The volunteer ends the help before the consent runs out. */
export const endConsent = (volunteerId: string, consentId: string, now = Date.now()): Result<Consent> => {
  const record = state.consents.get(consentId);
  if (!record || record.volunteerId !== volunteerId) return refuse(404, 'consent-not-found', 'No such consent of yours');
  refresh(record, now);
  if (record.status === 'active' || record.status === 'awaiting-code') finish(record, 'ended', now);
  return { ok: true, value: view(record, now) };
};

/** The resident, signed in as themself, withdraws a consent still running. */
export const revokeConsent = (residentId: string, consentId: string, now = Date.now()): Result<Consent> => {
  const record = state.consents.get(consentId);
  if (!record || record.residentId !== residentId) return refuse(404, 'consent-not-found', 'No such consent of yours');
  refresh(record, now);
  if (record.status !== 'active') return refuse(409, 'consent-not-active', 'This consent is not running any more', { status: record.status });
  finish(record, 'revoked', now);
  return { ok: true, value: view(record, now) };
};

/** The resident's consents (confirmed ones: a request never confirmed was no consent), newest first. */
export const consentsOfResident = (residentId: string, now = Date.now()): Consent[] =>
  [...state.consents.values()]
    .filter((c) => c.residentId === residentId && c.validUntil !== null)
    .reverse()
    .map((c) => view(c, now));

/** Everything done on the resident's behalf, newest first. */
export const auditOfResident = (residentId: string): AuditEntry[] => state.audit.filter((a) => a.residentId === residentId).map((a) => a.entry).reverse();

/** `key`: the Idempotency-Key; the same key again (a resend from the outbox) gets the same rating back. */
export const rateHelp = (residentId: string, consentId: string, body: RateHelp, now = new Date(), key?: string): Result<HelpRating> => {
  const record = state.consents.get(consentId);
  if (!record || record.residentId !== residentId || record.validUntil === null) return refuse(404, 'consent-not-found', 'No such consent of yours');
  const given = state.helpRatings.get(consentId);
  if (given && key !== undefined && given.key === key) return { ok: true, value: given.rating };
  if (given) return refuse(409, 'already-rated', 'This help has already been rated', { rating: given.rating });
  const comment = body.comment?.trim();
  const rating: HelpRating = { id: newId('DG'), consentId, channel: 'assisted', overall: body.overall, ...(comment ? { comment } : {}), createdAt: now.toISOString() };
  state.helpRatings.set(consentId, { residentId, volunteerId: record.volunteerId, rating, ...(key === undefined ? {} : { key }) });
  return { ok: true, value: rating };
};

/** The resident's ratings of help, newest first. */
export const helpRatingsOfResident = (residentId: string): HelpRating[] =>
  [...state.helpRatings.values()]
    .filter((r) => r.residentId === residentId)
    .map((r) => r.rating)
    .reverse();

// ---------------------------------------------------------------------------------------------
// Delegated tokens at the API: what a volunteer may do for a resident, and the record of it.
// ---------------------------------------------------------------------------------------------

/** The consent behind a delegation, refreshed; a refusal when it may no longer act. */
export const consentForDelegation = (consentId: string, now = Date.now()): { record: ConsentRecord } | Refusal => {
  const record = state.consents.get(consentId);
  if (!record) return refuse(403, 'consent-not-found', 'No consent for this delegated token');
  refresh(record, now);
  if (record.status === 'revoked') return refuse(403, 'consent-revoked', 'The resident withdrew their consent');
  if (record.status === 'expired') return refuse(403, 'consent-expired', 'The resident’s consent has ended: they must give a new one, or file themselves');
  if (record.status !== 'active') return refuse(403, 'consent-ended', 'This help session was ended');
  return { record };
};

export const assistedByOf = (consentId: string): AssistedBy | undefined => {
  const record = state.consents.get(consentId);
  return record ? { volunteer: volunteerView(record.volunteerId), consentId } : undefined;
};

/**
 * A dossier filed under a consent: the resident's dossier, the volunteer recorded as actor; the
 * receipt (code and tracking link) by SMS to the resident's phone on record.
 */
export const recordAssistedSubmission = (consentId: string, dossier: { code: string; procedureId: string; procedureName: string }, trackBase: string, now = Date.now()): void => {
  const record = state.consents.get(consentId);
  if (!record) return;
  audit(record, 'submit-dossier', { procedureId: dossier.procedureId, dossierCode: dossier.code }, now);
  const phone = dataStoreFor(record.residentId)?.contact.phone;
  if (phone) {
    const v = volunteerView(record.volunteerId);
    sendSms(phone, 'receipt', `[Một Cửa Số] Hồ sơ ${dossier.code} (${dossier.procedureName}) đã được nộp thay bạn, với sự hỗ trợ của ${v.name}. Tra cứu: ${trackBase}?code=${dossier.code}`, new Date(now));
  }
};

// ---------------------------------------------------------------------------------------------
// For the team: a volunteer's own figures, nothing personal; the flags.
// ---------------------------------------------------------------------------------------------

const vietnamMonth = (ms: number) => new Date(ms + 7 * HOUR_MS).toISOString().slice(0, 7);

export const volunteerStats = (volunteerId: string, now = Date.now()): Result<VolunteerStats> => {
  if (!volunteerCitizen(volunteerId)) return notVolunteer();
  const months = new Map<string, { residents: Set<string>; dossiers: VolunteerStats['months'][number]['dossiers'] }>();
  const monthOf = (key: string) => months.get(key) ?? months.set(key, { residents: new Set(), dossiers: [] }).get(key)!;
  for (const c of state.consents.values()) {
    if (c.volunteerId === volunteerId && c.validUntil !== null) monthOf(vietnamMonth(c.validUntil - c.minutes * 60_000)).residents.add(c.residentId);
  }
  for (const record of dossierState.dossiers.values()) {
    if (record.assisted?.volunteerId !== volunteerId) continue;
    const d = record.data;
    monthOf(vietnamMonth(Date.parse(d.submittedAt))).dossiers.push({ procedureId: d.procedureId, procedureName: d.procedureName, code: d.code, status: d.status, submittedAt: d.submittedAt });
  }
  void now;
  return {
    ok: true,
    value: {
      volunteer: volunteerView(volunteerId),
      months: [...months.entries()].sort(([a], [b]) => b.localeCompare(a)).map(([month, m]) => ({ month, residents: m.residents.size, dossiers: m.dossiers })),
      flags: state.flags.filter((f) => f.volunteerId === volunteerId).map((f) => f.flag),
    },
  };
};

const csvCell = (value: string) => (/[",\n\r]/.test(value) || /^[=+\-@]/.test(value) ? `"${value.replace(/^([=+\-@])/, "'$1").replace(/"/g, '""')}"` : value);

/** The commune's report: one row per dossier, the columns of STATS_CSV_COLUMNS. */
export const statsCsv = (stats: VolunteerStats): string =>
  [STATS_CSV_COLUMNS.join(','), ...stats.months.flatMap((m) => m.dossiers.map((d) => [m.month, d.procedureId, d.procedureName, d.code, d.status, d.submittedAt].map(csvCell).join(',')))].join('\r\n') + '\r\n';

/** Test control: the whole state, as the team lead's tools would see it. */
export const assistedState = (now = Date.now()) => ({
  consents: [...state.consents.values()].map((c) => ({ ...view(c, now), residentId: c.residentId, volunteerId: c.volunteerId })),
  audit: state.audit.map((a) => ({ ...a.entry, residentId: a.residentId, volunteerId: a.volunteerId })),
  flags: state.flags.map((f) => ({ ...f.flag, volunteerId: f.volunteerId })),
  helpRatings: [...state.helpRatings.values()].map((r) => r.rating),
});

/** Test control: a consent runs out now (the delegation expiring while a dossier waits offline). */
export const expireConsentNow = (consentId: string, now = Date.now()): boolean => {
  const record = state.consents.get(consentId);
  if (!record || record.validUntil === null) return false;
  record.validUntil = Math.min(record.validUntil, now);
  refresh(record, now);
  return true;
};
