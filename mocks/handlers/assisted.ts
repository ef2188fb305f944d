import { http, HttpResponse } from 'msw';
import { ConfirmConsent, RateHelp, SignedInConsent, StartConsent, type AuditAction } from '../../src/api/assisted/schema.ts';
import {
  assistedState,
  audit,
  auditOfResident,
  consentForDelegation,
  consentOfVolunteer,
  consentsOfResident,
  confirmConsent,
  endConsent,
  expireConsentNow,
  helpRatingsOfResident,
  rateHelp,
  revokeConsent,
  signedInConsent,
  startConsent,
  statsCsv,
  volunteerStats,
  type Refusal,
  type Result,
} from '../assisted.ts';
import { citizenForToken, delegationOfToken } from '../idp.ts';
import { sentSms } from '../sms.ts';
import { readJson } from './body.ts';
import { problem } from './problem.ts';

/**
 * Assisted mode's endpoints (src/api/assisted/schema.ts, docs/domain/assisted.md): the volunteer's
 * consent requests, the resident's consents and audit trail, the volunteer's own figures; and the
 * gate every request with a delegated token passes first.
 */
const personal = { 'Cache-Control': 'no-store', Pragma: 'no-cache', Vary: 'Authorization' };

const bearer = (request: Request): string | undefined => /^Bearer\s+(\S+)$/i.exec(request.headers.get('Authorization') ?? '')?.[1];

const refused = (r: Refusal) => {
  const response = problem(r.status, r.code, r.title, { ...r.extra, ...(r.retryAfter === undefined ? {} : { retryAfter: r.retryAfter }) });
  response.headers.set('Cache-Control', 'no-store');
  if (r.retryAfter !== undefined) response.headers.set('Retry-After', String(r.retryAfter));
  if (r.status === 401) response.headers.set('WWW-Authenticate', 'Bearer error="invalid_token"');
  return response;
};

const answer = <T,>(result: Result<T>, status = 200) => (result.ok ? HttpResponse.json(result.value as object, { status, headers: personal }) : refused(result));

const SESSION_EXPIRED: Refusal = { ok: false, status: 401, code: 'session-expired', title: 'Sign in again' };
const DELEGATED: Refusal = { ok: false, status: 403, code: 'delegated-token-not-allowed', title: 'Only the person themself may do this, not someone acting for them' };

/**
 * The person behind their OWN token: a delegated token is refused here (a volunteer cannot start
 * consents with one, and nobody but the resident reads or revokes the resident's consents).
 */
const ownCitizen = (request: Request): { citizenId: string } | Refusal => {
  const token = bearer(request);
  if (token && delegationOfToken(token)) return DELEGATED;
  const citizenId = token ? citizenForToken(token) : undefined;
  return citizenId ? { citizenId } : SESSION_EXPIRED;
};

/** A live delegated token's volunteer and consent, for the dossier endpoints. */
export const delegationOf = (request: Request): { actorId: string; consentId: string } | undefined => {
  const token = bearer(request);
  const found = token ? delegationOfToken(token) : undefined;
  return found && found.expiresAt > Date.now() ? { actorId: found.actorId, consentId: found.consentId } : undefined;
};

/** Public data: any token, or none. */
const PUBLIC = /^\/(catalogue|procedures\/[^/]+(\/offices)?|forms\/[^/]+|admin-units\/.*|stats(\/.*)?|ratings\/criteria|track|openapi\.json)$/;

/** What a delegated token may do, and what each is recorded as; anything else is refused. */
const RULES: { method: string; path: RegExp; action: AuditAction | null }[] = [
  { method: 'GET', path: /^\/me$/, action: 'read-data-store' },
  { method: 'GET', path: /^\/me\/documents\/[^/]+\/file$/, action: 'read-document' },
  { method: 'POST', path: /^\/uploads$/, action: 'upload' },
  { method: 'GET', path: /^\/uploads\/[^/]+\/file$/, action: null },
  { method: 'POST', path: /^\/forms\/[^/]+\/check$/, action: 'check-form' },
  // Recorded by the dossier handler, with the code the dossier got.
  { method: 'POST', path: /^\/dossiers$/, action: null },
  { method: 'GET', path: /^\/dossiers(\/[^/]+)?$/, action: 'read-dossiers' },
];

/** The person's own acts: never with a delegated token, whatever the consent. */
const OWN_ACTS = /^\/(me\/(assisted|corrections)(\/.*)?|assisted\/.*|dossiers\/[^/]+\/(withdraw|rating|payment)|questions\/mine|notifications(\/.*)?)$/;

const procedureOfRequest = async (request: Request, path: string): Promise<string | undefined> => {
  const form = /^\/forms\/([^/]+)\/check$/.exec(path);
  if (form) return decodeURIComponent(form[1]!);
  if (path !== '/dossiers') return undefined;
  try {
    const body = (await request.clone().json()) as { procedureId?: unknown };
    return typeof body.procedureId === 'string' ? body.procedureId : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Runs before the resource handlers: a request with a delegated token acts for the resident only
 * while the consent runs, only within it, and is recorded (actor = volunteer, subject = resident).
 * Requests without one fall through untouched.
 */
export const assistedGate = http.all('*/api/*', async ({ request }) => {
  const token = bearer(request);
  const delegation = token ? delegationOfToken(token) : undefined;
  if (!delegation) return undefined;
  const path = new URL(request.url).pathname.replace(/^.*?\/api(?=\/)/, '');
  if (path.startsWith('/__mock/')) return undefined;
  if (request.method === 'GET' && PUBLIC.test(path)) return undefined;
  const found = consentForDelegation(delegation.consentId);
  if ('ok' in found) return refused(found);
  const { record } = found;
  const rule = RULES.find((r) => r.method === request.method && r.path.test(path));
  if (!rule && OWN_ACTS.test(path)) {
    audit(record, 'refused');
    return refused(DELEGATED);
  }
  if (!rule) {
    audit(record, 'refused');
    return refused({ ok: false, status: 403, code: 'outside-consent', title: 'A volunteer may not do this for a resident' });
  }
  const procedureId = await procedureOfRequest(request, path);
  if (procedureId !== undefined && !record.scope.procedures.includes(procedureId)) {
    audit(record, 'refused', { procedureId });
    return refused({ ok: false, status: 403, code: 'outside-consent', title: 'The resident did not consent to filing this procedure', extra: { procedureId } });
  }
  if (rule.action === 'read-document' && !record.scope.data.includes('documents')) {
    audit(record, 'refused');
    return refused({ ok: false, status: 403, code: 'outside-consent', title: 'The resident did not consent to the use of their papers' });
  }
  if (rule.action) audit(record, rule.action, procedureId ? { procedureId } : {});
  return undefined;
});

const issuerOf = (request: Request) => `${new URL(request.url).origin}/idp`;

export const assistedHandlers = [
  // ---- The volunteer ----------------------------------------------------------------------
  http.post('*/api/assisted/consents', async ({ request }) => {
    const who = ownCitizen(request);
    if ('ok' in who) return refused(who);
    const parsed = StartConsent.safeParse(await readJson(request));
    if (!parsed.success) return problem(422, 'invalid-consent', 'Expected { residentIdNumber, phone?, scope: { procedures, data }, minutes }');
    return answer(startConsent(who.citizenId, parsed.data), 201);
  }),
  http.post('*/api/assisted/consents/signed-in', async ({ request }) => {
    const who = ownCitizen(request);
    if ('ok' in who) return refused(who);
    const parsed = SignedInConsent.safeParse(await readJson(request));
    if (!parsed.success) return problem(422, 'invalid-consent', 'Expected { residentIdToken, scope: { procedures, data }, minutes }');
    return answer(signedInConsent(who.citizenId, parsed.data, issuerOf(request)), 201);
  }),
  http.get('*/api/assisted/consents/:id', ({ request, params }) => {
    const who = ownCitizen(request);
    if ('ok' in who) return refused(who);
    return answer(consentOfVolunteer(who.citizenId, String(params.id)));
  }),
  http.post('*/api/assisted/consents/:id/confirm', async ({ request, params }) => {
    const who = ownCitizen(request);
    if ('ok' in who) return refused(who);
    const parsed = ConfirmConsent.safeParse(await readJson(request));
    if (!parsed.success) return problem(422, 'consent-code-wrong', 'The code is 6 digits');
    return answer(confirmConsent(who.citizenId, String(params.id), parsed.data.code));
  }),
  http.post('*/api/assisted/consents/:id/end', ({ request, params }) => {
    const who = ownCitizen(request);
    if ('ok' in who) return refused(who);
    return answer(endConsent(who.citizenId, String(params.id)));
  }),
  http.get('*/api/assisted/volunteer/stats', ({ request }) => {
    const who = ownCitizen(request);
    if ('ok' in who) return refused(who);
    return answer(volunteerStats(who.citizenId));
  }),
  http.get('*/api/assisted/volunteer/stats.csv', ({ request }) => {
    const who = ownCitizen(request);
    if ('ok' in who) return refused(who);
    const stats = volunteerStats(who.citizenId);
    if (!stats.ok) return refused(stats);
    return new HttpResponse(`\uFEFF${statsCsv(stats.value)}`, {
      headers: { ...personal, 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="ho-tro-nop-ho-so.csv"' },
    });
  }),

  // ---- The resident, signed in as themself --------------------------------------------------
  http.get('*/api/me/assisted/consents', ({ request }) => {
    const who = ownCitizen(request);
    if ('ok' in who) return refused(who);
    return HttpResponse.json({ consents: consentsOfResident(who.citizenId) }, { headers: personal });
  }),
  http.get('*/api/me/assisted/audit', ({ request }) => {
    const who = ownCitizen(request);
    if ('ok' in who) return refused(who);
    return HttpResponse.json({ entries: auditOfResident(who.citizenId) }, { headers: personal });
  }),
  http.get('*/api/me/assisted/ratings', ({ request }) => {
    const who = ownCitizen(request);
    if ('ok' in who) return refused(who);
    return HttpResponse.json({ ratings: helpRatingsOfResident(who.citizenId) }, { headers: personal });
  }),
  http.post('*/api/me/assisted/consents/:id/revoke', ({ request, params }) => {
    const who = ownCitizen(request);
    if ('ok' in who) return refused(who);
    return answer(revokeConsent(who.citizenId, String(params.id)));
  }),
  http.post('*/api/me/assisted/consents/:id/rating', async ({ request, params }) => {
    const who = ownCitizen(request);
    if ('ok' in who) return refused(who);
    const parsed = RateHelp.safeParse(await readJson(request, { maxBytes: 16 * 1024 }));
    if (!parsed.success) return problem(422, 'invalid-body', 'Expected { overall, comment? } (comment at most 500 characters)');
    const key = request.headers.get('Idempotency-Key')?.slice(0, 200) || undefined;
    return answer(rateHelp(who.citizenId, String(params.id), parsed.data, new Date(), key), 201);
  }),
];

/** Test controls: the SMS outbox, the whole assisted state, a consent running out now. */
export const assistedControlHandlers = [
  http.get('*/api/__mock/sms', ({ request }) => HttpResponse.json({ messages: sentSms(new URL(request.url).searchParams.get('to')) }, { headers: { 'Cache-Control': 'no-store' } })),
  http.get('*/api/__mock/assisted', () => HttpResponse.json(assistedState(), { headers: { 'Cache-Control': 'no-store' } })),
  http.post('*/api/__mock/assisted/consents/:id/expire', ({ params }) =>
    expireConsentNow(String(params.id)) ? new HttpResponse(null, { status: 204 }) : problem(404, 'consent-not-found', 'No such confirmed consent'),
  ),
];
