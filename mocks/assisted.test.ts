import { describe, expect, it, vi } from 'vitest';
import { ACCESS_TOKEN_TYPE, CONSENT_CODE, CONSENT_TOKEN_TYPE, Consent, ConsentGrant, DelegatedClaims, DelegatedTokenResponse, TOKEN_EXCHANGE_GRANT, VOLUNTEER_ROLE, VolunteerStats, AuditList, ConsentList, HelpRating, HelpRatingList } from '../src/api/assisted/schema.ts';
import { Dossier } from '../src/api/dossiers/schema.ts';
import { validAnswers } from './answers.ts';
import { documentPdf } from './pdf.ts';
import { codeFrom, consent, exchange, origin } from './oidc-test-client.ts';

/**
 * Assisted mode at the simulated backend (docs/domain/assisted.md): a volunteer's consent by SMS
 * code or by the resident's own sign-in, the RFC 8693 exchange, what a delegated token may do,
 * the dossier that is the resident's with the volunteer as actor, the resident's control.
 */
const HUNG = 'vneid-046088005555';
const HA = 'vneid-060192006666';
const HAI = { id: 'vneid-060048000123', idNumber: '060048000123', phone: '0378123456' };
const DUC = { id: 'vneid-046203009876', idNumber: '046203009876', phone: '0365432198' };
const AN = 'vneid-046095001234';
const MARITAL = '1.004873';

const signIn = async (citizen: string) => {
  const body = (await (await exchange(codeFrom(await consent(citizen)))).json()) as { access_token: string; id_token: string };
  return body;
};
const api = (token: string, method: string, path: string, json?: unknown, headers: Record<string, string> = {}) =>
  fetch(`${origin}/api${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(json === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
    ...(json === undefined ? {} : { body: JSON.stringify(json) }),
  });
const scope = { procedures: [MARITAL], data: ['identity', 'residence', 'contact'] };
const sms = async (to: string) => ((await (await fetch(`${origin}/api/__mock/sms?to=${to}`)).json()) as { messages: { text: string; kind: string; to: string }[] }).messages;
const codeIn = (text: string) => /Mã xác nhận: (\d{6})/.exec(text)?.[1] ?? '';

const tokenExchange = (consentToken: string, actorToken: string, over: Record<string, string> = {}) =>
  fetch(`${origin}/idp/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: TOKEN_EXCHANGE_GRANT,
      client_id: 'mot-cua-so',
      subject_token: consentToken,
      subject_token_type: CONSENT_TOKEN_TYPE,
      actor_token: actorToken,
      actor_token_type: ACCESS_TOKEN_TYPE,
      ...over,
    }),
  });

/** A volunteer signed in, a consent by SMS confirmed, and the delegated token. */
const helping = async (resident = HAI, volunteer = HUNG, consentScope = scope) => {
  const own = (await signIn(volunteer)).access_token;
  const started = Consent.parse(await (await api(own, 'POST', '/assisted/consents', { residentIdNumber: resident.idNumber, scope: consentScope, minutes: 60 })).json());
  const code = codeIn((await sms(resident.phone)).at(-1)?.text ?? '');
  const grant = ConsentGrant.parse(await (await api(own, 'POST', `/assisted/consents/${started.id}/confirm`, { code })).json());
  const delegated = DelegatedTokenResponse.parse(await (await tokenExchange(grant.consentToken, own)).json());
  return { own, grant, delegated: delegated.access_token, consentId: grant.consent.id };
};

const claimsOf = (jwt: string) => DelegatedClaims.parse(JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')));

describe('volunteers at the simulated VNeID', () => {
  it('carry their role, team and commune in the ID token and userinfo; residents do not', async () => {
    const { id_token, access_token } = await signIn(HUNG);
    const claims = JSON.parse(Buffer.from(id_token.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
    expect(claims).toMatchObject({ roles: [VOLUNTEER_ROLE], volunteer_team: 'Tổ công nghệ số cộng đồng phường Kim Long', volunteer_commune_code: '19774' });
    const info = (await (await fetch(`${origin}/idp/userinfo`, { headers: { Authorization: `Bearer ${access_token}` } })).json()) as Record<string, unknown>;
    expect(info.roles).toEqual([VOLUNTEER_ROLE]);
    const an = await signIn(AN);
    expect(JSON.parse(Buffer.from(an.id_token.split('.')[1]!, 'base64url').toString('utf8'))).not.toHaveProperty('roles');
  });
});

describe('consent by a one-time code', () => {
  it('sends the code only to the phone on record, stating volunteer, procedure, data and duration', async () => {
    const own = (await signIn(HUNG)).access_token;
    const response = await api(own, 'POST', '/assisted/consents', { residentIdNumber: HAI.idNumber, scope, minutes: 60 });
    expect(response.status).toBe(201);
    const started = Consent.parse(await response.json());
    expect(started).toMatchObject({ status: 'awaiting-code', resident: null, sentTo: '•••• ••• 456', triesLeft: CONSENT_CODE.tries, volunteer: { name: 'Trần Văn Hùng' } });
    const [message, ...others] = await sms(HAI.phone);
    expect(others).toEqual([]);
    expect(message!.text).toMatch(/Trần Văn Hùng/);
    expect(message!.text).toMatch(/tình trạng hôn nhân/);
    expect(message!.text).toMatch(/60 phút/);
    expect(await sms('0905111222')).toEqual([]);
  });

  it('refuses a non-volunteer, the volunteer themself, an unknown ID number, another number, and the volunteer’s own number (flagged)', async () => {
    const an = (await signIn(AN)).access_token;
    const notVolunteer = await api(an, 'POST', '/assisted/consents', { residentIdNumber: HAI.idNumber, scope, minutes: 60 });
    expect(notVolunteer.status).toBe(403);
    expect(notVolunteer.headers.get('Content-Type')).toMatch(/problem\+json/);
    expect(((await notVolunteer.json()) as { code: string }).code).toBe('not-a-volunteer');
    const own = (await signIn(HUNG)).access_token;
    const codeOf = async (r: Response) => ((await r.json()) as { code: string }).code;
    expect(await codeOf(await api(own, 'POST', '/assisted/consents', { residentIdNumber: '046088005555', scope, minutes: 60 }))).toBe('cannot-assist-self');
    expect(await codeOf(await api(own, 'POST', '/assisted/consents', { residentIdNumber: '001099000000', scope, minutes: 60 }))).toBe('resident-not-found');
    expect(await codeOf(await api(own, 'POST', '/assisted/consents', { residentIdNumber: HAI.idNumber, phone: '0912000111', scope, minutes: 60 }))).toBe('phone-not-on-record');
    expect(await codeOf(await api(own, 'POST', '/assisted/consents', { residentIdNumber: HAI.idNumber, phone: '0905 111 222', scope, minutes: 60 }))).toBe('volunteers-own-phone');
    expect(await codeOf(await api(own, 'POST', '/assisted/consents', { residentIdNumber: HAI.idNumber, scope, minutes: 45 }))).toBe('invalid-consent');
    expect(await sms('0905111222')).toEqual([]);
    const stats = VolunteerStats.parse(await (await api(own, 'GET', '/assisted/volunteer/stats')).json());
    expect(stats.flags.map((f) => f.kind)).toEqual(['code-to-volunteers-own-phone']);
  });

  it('counts wrong codes down, then the request is dead; an expired code is told apart', async () => {
    const own = (await signIn(HUNG)).access_token;
    const started = Consent.parse(await (await api(own, 'POST', '/assisted/consents', { residentIdNumber: HAI.idNumber, scope, minutes: 60 })).json());
    const right = codeIn((await sms(HAI.phone))[0]!.text);
    const wrong = right === '000000' ? '111111' : '000000';
    for (let left = CONSENT_CODE.tries - 1; left > 0; left--) {
      const r = await api(own, 'POST', `/assisted/consents/${started.id}/confirm`, { code: wrong });
      expect(r.status).toBe(422);
      expect(await r.json()).toMatchObject({ code: 'consent-code-wrong', triesLeft: left });
    }
    const last = await api(own, 'POST', `/assisted/consents/${started.id}/confirm`, { code: wrong });
    expect(last.status).toBe(410);
    expect(((await last.json()) as { code: string }).code).toBe('consent-code-tries-exceeded');
    expect((await api(own, 'POST', `/assisted/consents/${started.id}/confirm`, { code: right })).status).toBe(409);

    const again = Consent.parse(await (await api(own, 'POST', '/assisted/consents', { residentIdNumber: HAI.idNumber, scope, minutes: 60 })).json());
    const code = codeIn((await sms(HAI.phone)).at(-1)!.text);
    vi.useFakeTimers({ now: Date.now() + (CONSENT_CODE.ttlSeconds + 1) * 1000, toFake: ['Date'] });
    try {
      const expired = await api(own, 'POST', `/assisted/consents/${again.id}/confirm`, { code });
      expect(expired.status).toBe(410);
      expect(((await expired.json()) as { code: string }).code).toBe('consent-code-expired');
    } finally {
      vi.useRealTimers();
    }
  });

  it('limits codes per resident an hour (429 with Retry-After)', async () => {
    const own = (await signIn(HUNG)).access_token;
    for (let i = 0; i < CONSENT_CODE.perResidentPerHour; i++) expect((await api(own, 'POST', '/assisted/consents', { residentIdNumber: HAI.idNumber, scope, minutes: 60 })).status).toBe(201);
    const r = await api(own, 'POST', '/assisted/consents', { residentIdNumber: HAI.idNumber, scope, minutes: 60 });
    expect(r.status).toBe(429);
    expect(Number(r.headers.get('Retry-After'))).toBeGreaterThan(0);
  });
});

describe('the delegated token (RFC 8693)', () => {
  it('names the resident as subject and the volunteer as actor, and lives as long as the consent', async () => {
    const { grant, delegated } = await helping();
    expect(grant.consent).toMatchObject({ status: 'active', resident: { fullName: 'Phạm Văn Hải' } });
    const claims = claimsOf(delegated);
    expect(claims.name).toBe('Phạm Văn Hải');
    expect(claims.act).toMatchObject({ name: 'Trần Văn Hùng', team: 'Tổ công nghệ số cộng đồng phường Kim Long' });
    expect(claims.consent_id).toBe(grant.consent.id);
    expect(claims.exp * 1000).toBe(Math.floor(Date.parse(grant.consent.validUntil!) / 1000) * 1000);
    const me = (await (await api(delegated, 'GET', '/me')).json()) as { citizen: { fullName: string } };
    expect(me.citizen.fullName).toBe('Phạm Văn Hải');
  });

  it('is issued once per consent, only to the volunteer it was given to, never from a delegated token', async () => {
    const { own, grant, delegated } = await helping();
    expect((await (await tokenExchange(grant.consentToken, own)).json()) as { error: string }).toMatchObject({ error: 'invalid_grant' });
    const ha = (await signIn(HA)).access_token;
    expect(((await (await tokenExchange(grant.consentToken, ha)).json()) as { error: string }).error).toBe('invalid_grant');
    expect(((await (await tokenExchange('x'.repeat(40), delegated)).json()) as { error: string }).error).toBe('invalid_grant');
    expect(((await (await tokenExchange(grant.consentToken, own, { subject_token_type: ACCESS_TOKEN_TYPE })).json()) as { error: string }).error).toBe('invalid_request');
  });

  it('files the resident’s dossier with the volunteer as actor; receipt and statuses go to the resident’s phone', async () => {
    const { delegated, consentId } = await helping();
    const r = await api(delegated, 'POST', '/dossiers', { procedureId: MARITAL, values: validAnswers(MARITAL, HAI.id), documents: [] }, { 'Idempotency-Key': 'k-1' });
    expect(r.status).toBe(201);
    const dossier = Dossier.parse(await r.json());
    expect(dossier.applicantName).toBe('Phạm Văn Hải');
    expect(dossier.assistedBy).toMatchObject({ consentId, volunteer: { name: 'Trần Văn Hùng' } });
    // The same key again: the same dossier, one receipt.
    expect((await api(delegated, 'POST', '/dossiers', { procedureId: MARITAL, values: validAnswers(MARITAL, HAI.id), documents: [] }, { 'Idempotency-Key': 'k-1' })).status).toBe(200);
    const texts = await sms(HAI.phone);
    expect(texts.filter((t) => t.kind === 'receipt')).toHaveLength(1);
    expect(texts.find((t) => t.kind === 'receipt')!.text).toContain(`/track?code=${dossier.code}`);
    await fetch(`${origin}/api/__mock/dossiers/${dossier.code}/advance`, { method: 'POST', body: JSON.stringify({ to: 'in-progress' }) });
    expect((await sms(HAI.phone)).filter((t) => t.kind === 'status')).toHaveLength(1);
    expect(await sms('0905111222')).toEqual([]);
    // The resident sees it as theirs; the volunteer's own list does not hold it.
    const hai = (await signIn(HAI.id)).access_token;
    expect(((await (await api(hai, 'GET', '/dossiers')).json()) as { dossiers: Dossier[] }).dossiers.map((d) => d.code)).toEqual([dossier.code]);
    const hung = (await signIn(HUNG)).access_token;
    expect(((await (await api(hung, 'GET', '/dossiers')).json()) as { dossiers: Dossier[] }).dossiers).toEqual([]);
    // The volunteer's figures: procedure, code and status only.
    const stats = VolunteerStats.parse(await (await api(hung, 'GET', '/assisted/volunteer/stats')).json());
    expect(stats.months[0]).toMatchObject({ residents: 1, dossiers: [{ code: dossier.code, procedureId: MARITAL, status: 'in-progress' }] });
    expect(JSON.stringify(stats)).not.toContain('Hải');
    const bytes = new Uint8Array(await (await api(hung, 'GET', '/assisted/volunteer/stats.csv')).arrayBuffer());
    // A byte-order mark first, so a spreadsheet opens the Vietnamese names as UTF-8.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    expect(csv).toContain(dossier.code);
    expect(csv.split('\r\n')[0]).toBe('month,procedure_id,procedure_name,dossier_code,status,submitted_at');
  });

  it('asks, where the procedure requires it, who the volunteer is to the resident and the resident’s written authorisation; a relative it names needs none', async () => {
    const LLTP = '3.000333';
    const { delegated } = await helping(HAI, HUNG, { procedures: [LLTP], data: ['identity', 'residence', 'contact'] });
    const values = validAnswers(LLTP, HAI.id);
    const file = (body: object, key: string) => api(delegated, 'POST', '/dossiers', { procedureId: LLTP, values, documents: [], ...body }, { 'Idempotency-Key': key });
    // No relationship: refused, naming the field.
    const none = await file({}, 'k-a');
    expect(none.status).toBe(422);
    expect(await none.json()).toMatchObject({ code: 'relationship-required', field: 'onBehalf.relationship' });
    // A volunteer (no family tie) without the authorisation paper: refused, naming the requirement.
    const noPaper = await file({ onBehalf: { relationship: 'none' } }, 'k-b');
    expect(noPaper.status).toBe(422);
    expect(await noPaper.json()).toMatchObject({ code: 'papers-refused', papers: [{ requirement: 'van-ban-uy-quyen', reason: 'missing', accepts: ['authorisation'] }] });
    // With the authorisation photographed and uploaded like any paper: accepted, the relationship on record.
    const up = await fetch(`${origin}/api/uploads`, {
      method: 'POST',
      body: documentPdf('Van ban uy quyen', ['Pham Van Hai']) as Uint8Array<ArrayBuffer>,
      headers: { Authorization: `Bearer ${delegated}`, 'Idempotency-Key': 'u-1', 'Content-Type': 'application/pdf', 'X-File-Name': 'uy-quyen.pdf' },
    });
    expect(up.status).toBe(201);
    const uploadId = ((await up.json()) as { id: string }).id;
    const filed = await file({ onBehalf: { relationship: 'none' }, documents: [{ requirement: 'van-ban-uy-quyen', source: 'upload', ref: uploadId }] }, 'k-c');
    expect(filed.status).toBe(201);
    const dossier = Dossier.parse(await filed.json());
    expect(dossier.assistedBy?.relationship).toBe('none');
    expect(dossier.documents.map((d) => d.requirement)).toEqual(['van-ban-uy-quyen']);
    // A child filing for a parent needs no written authorisation (the rule's exempt relatives).
    const child = await file({ onBehalf: { relationship: 'child' } }, 'k-d');
    expect(child.status).toBe(201);
    expect(Dossier.parse(await child.json()).assistedBy?.relationship).toBe('child');
  });

  it('refuses Phiếu số 2 asked for by someone else (422 `answer-not-on-behalf`, naming the field), a relative too, at the check and on submission', async () => {
    const LLTP = '3.000333';
    const { delegated } = await helping(HAI, HUNG, { procedures: [LLTP], data: ['identity', 'residence', 'contact'] });
    const values = validAnswers(LLTP, HAI.id, { certificateType: 'type2' });
    // Even a child, who needs no written authorisation for Phiếu số 1.
    const filed = await api(delegated, 'POST', '/dossiers', { procedureId: LLTP, values, documents: [], onBehalf: { relationship: 'child' } }, { 'Idempotency-Key': 'k-t2' });
    expect(filed.status).toBe(422);
    expect(filed.headers.get('Content-Type')).toContain('application/problem+json');
    expect(await filed.json()).toMatchObject({ code: 'answer-not-on-behalf', field: 'certificateType', answers: [{ field: 'certificateType', value: 'type2' }] });
    const checked = await api(delegated, 'POST', `/forms/${LLTP}/check`, { values });
    expect(checked.status).toBe(422);
    expect(await checked.json()).toMatchObject({ code: 'answer-not-on-behalf', field: 'certificateType' });
    // Nothing was numbered; Phiếu số 1 goes through as before.
    const hai = (await signIn(HAI.id)).access_token;
    expect(((await (await api(hai, 'GET', '/dossiers')).json()) as { dossiers: Dossier[] }).dossiers).toEqual([]);
    const type1 = await api(delegated, 'POST', '/dossiers', { procedureId: LLTP, values: validAnswers(LLTP, HAI.id), documents: [], onBehalf: { relationship: 'child' } }, { 'Idempotency-Key': 'k-t1' });
    expect(type1.status).toBe(201);
    // The resident asking for it themself: accepted.
    expect((await api(hai, 'POST', `/forms/${LLTP}/check`, { values })).status).toBe(200);
    expect((await api(hai, 'POST', '/dossiers', { procedureId: LLTP, values, documents: [] }, { 'Idempotency-Key': 'k-own-t2' })).status).toBe(201);
  });

  it('leaves filing for oneself and procedures without the rule as they were', async () => {
    // The resident filing the criminal-record certificate themself: no relationship, no authorisation.
    const hai = (await signIn(HAI.id)).access_token;
    const own = await api(hai, 'POST', '/dossiers', { procedureId: '3.000333', values: validAnswers('3.000333', HAI.id), documents: [] }, { 'Idempotency-Key': 'k-own' });
    expect(own.status).toBe(201);
    expect(Dossier.parse(await own.json()).assistedBy).toBeUndefined();
    // Assisted, a procedure whose rules need no authorisation: as before.
    const { delegated } = await helping(DUC);
    const marital = await api(delegated, 'POST', '/dossiers', { procedureId: MARITAL, values: validAnswers(MARITAL, DUC.id), documents: [] }, { 'Idempotency-Key': 'k-m' });
    expect(marital.status).toBe(201);
  });

  it('acts only within the consent: another procedure, the resident’s own acts and other resources are refused', async () => {
    const { delegated } = await helping();
    const other = await api(delegated, 'POST', '/dossiers', { procedureId: '1.001193', values: {}, documents: [] }, { 'Idempotency-Key': 'k-2' });
    expect(other.status).toBe(403);
    expect(((await other.json()) as { code: string }).code).toBe('outside-consent');
    for (const [method, path] of [['GET', '/me/corrections'], ['GET', '/me/assisted/audit'], ['GET', '/notifications'], ['GET', '/me/documents/doc-hai-sodo/file']] as const) {
      const r = await api(delegated, method, path);
      expect(r.status, path).toBe(403);
    }
    // Public data still answers.
    expect((await api(delegated, 'GET', '/catalogue')).status).toBe(200);
  });

  it('stops when the resident revokes the consent, and when it runs out; each stop is said apart', async () => {
    const first = await helping();
    const hai = (await signIn(HAI.id)).access_token;
    const listed = ConsentList.parse(await (await api(hai, 'GET', '/me/assisted/consents')).json());
    expect(listed.consents.map((c) => c.status)).toEqual(['active']);
    // The volunteer cannot revoke nor read the resident's trail with the delegated token.
    expect((await api(first.delegated, 'POST', `/me/assisted/consents/${first.consentId}/revoke`)).status).toBe(403);
    const revoked = Consent.parse(await (await api(hai, 'POST', `/me/assisted/consents/${first.consentId}/revoke`)).json());
    expect(revoked.status).toBe('revoked');
    const after = await api(first.delegated, 'GET', '/me');
    expect(after.status).toBe(403);
    expect(((await after.json()) as { code: string }).code).toBe('consent-revoked');

    const second = await helping(DUC);
    await fetch(`${origin}/api/__mock/assisted/consents/${second.consentId}/expire`, { method: 'POST' });
    const expired = await api(second.delegated, 'POST', '/dossiers', { procedureId: MARITAL, values: validAnswers(MARITAL, DUC.id), documents: [] }, { 'Idempotency-Key': 'k-3' });
    expect(expired.status).toBe(403);
    expect(((await expired.json()) as { code: string }).code).toBe('consent-expired');
  });

  it('records every action in the resident’s audit trail, actor the volunteer; the resident rates the help once', async () => {
    const { delegated, consentId } = await helping();
    await api(delegated, 'GET', '/me');
    await api(delegated, 'POST', '/dossiers', { procedureId: MARITAL, values: validAnswers(MARITAL, HAI.id), documents: [] }, { 'Idempotency-Key': 'k-4' });
    const hai = (await signIn(HAI.id)).access_token;
    const { entries } = AuditList.parse(await (await api(hai, 'GET', '/me/assisted/audit')).json());
    expect(entries.map((e) => e.action).reverse()).toEqual(['consent-requested', 'consent-given', 'read-data-store', 'submit-dossier']);
    expect(entries.every((e) => e.actor.name === 'Trần Văn Hùng' && e.consentId === consentId)).toBe(true);
    expect(entries[0]!.dossierCode).toMatch(/^\S+-\d{6}-\d{4}$/);
    const rated = await api(hai, 'POST', `/me/assisted/consents/${consentId}/rating`, { overall: 'very-satisfied' });
    expect(rated.status).toBe(201);
    expect(HelpRating.parse(await rated.json()).channel).toBe('assisted');
    expect((await api(hai, 'POST', `/me/assisted/consents/${consentId}/rating`, { overall: 'satisfied' })).status).toBe(409);
    // Listed back, so the resident's page knows which help is rated already; never to the volunteer.
    const listed = HelpRatingList.parse(await (await api(hai, 'GET', '/me/assisted/ratings')).json());
    expect(listed.ratings.map((r) => [r.consentId, r.overall])).toEqual([[consentId, 'very-satisfied']]);
    expect((await api(delegated, 'GET', '/me/assisted/ratings')).status).toBe(403);
  });

  it('flags a volunteer who helps many residents in an hour', async () => {
    const hung = (await signIn(HUNG)).access_token;
    const { confirm } = { confirm: async (idNumber: string, phone: string) => {
      const started = Consent.parse(await (await api(hung, 'POST', '/assisted/consents', { residentIdNumber: idNumber, scope, minutes: 30 })).json());
      await api(hung, 'POST', `/assisted/consents/${started.id}/confirm`, { code: codeIn((await sms(phone)).at(-1)!.text) });
    } };
    const residents = [
      ['046095001234', '0912345678'],
      ['092301004567', '0987654321'],
      ['060048000123', '0378123456'],
      ['075190002468', '0903112233'],
      ['046203009876', '0365432198'],
      ['092185003333', '0939221100'],
    ] as const;
    for (const [idNumber, phone] of residents) await confirm(idNumber, phone);
    const stats = VolunteerStats.parse(await (await api(hung, 'GET', '/assisted/volunteer/stats')).json());
    expect(stats.flags.map((f) => f.kind)).toEqual(['many-residents-an-hour']);
    expect(stats.months[0]!.residents).toBe(6);
  });
});

describe('consent by the resident signing in on the volunteer’s phone', () => {
  it('takes a fresh ID token of the resident, refuses a stale one', async () => {
    const own = (await signIn(HUNG)).access_token;
    const resident = await signIn(DUC.id);
    const r = await api(own, 'POST', '/assisted/consents/signed-in', { residentIdToken: resident.id_token, scope, minutes: 30 });
    expect(r.status).toBe(201);
    const grant = ConsentGrant.parse(await r.json());
    expect(grant.consent).toMatchObject({ method: 'resident-sign-in', status: 'active', resident: { fullName: 'Võ Minh Đức' } });
    vi.useFakeTimers({ now: Date.now() + 6 * 60 * 1000, toFake: ['Date'] });
    try {
      const stale = await api(own, 'POST', '/assisted/consents/signed-in', { residentIdToken: resident.id_token, scope, minutes: 30 });
      expect(stale.status).toBe(422);
    } finally {
      vi.useRealTimers();
    }
    expect((await api(own, 'POST', '/assisted/consents/signed-in', { residentIdToken: 'not.a.jwt', scope, minutes: 30 })).status).toBe(422);
  });
});

describe('a rating of help sent again from the outbox', () => {
  it('counts once: the same Idempotency-Key gets the same rating back, another key is 409 already-rated', async () => {
    const { consentId } = await helping();
    const resident = (await signIn(HAI.id)).access_token;
    const rate = (key: string) => api(resident, 'POST', `/me/assisted/consents/${consentId}/rating`, { overall: 'satisfied' }, { 'Idempotency-Key': key });
    const first = HelpRating.parse(await (await rate('key-1')).json());
    const again = await rate('key-1');
    expect(again.status).toBe(201);
    expect(HelpRating.parse(await again.json())).toEqual(first);
    const other = await rate('key-2');
    expect(other.status).toBe(409);
    expect(await other.json()).toMatchObject({ code: 'already-rated' });
  });
});
