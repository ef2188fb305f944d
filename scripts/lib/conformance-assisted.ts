import type { core } from 'zod/mini';
import {
  ACCESS_TOKEN_TYPE,
  AuditList,
  HelpRatingList,
  CONSENT_CODE,
  CONSENT_TOKEN_TYPE,
  Consent,
  ConsentGrant,
  ConsentList,
  DelegatedTokenResponse,
  STATS_CSV_COLUMNS,
  TOKEN_EXCHANGE_GRANT,
  VolunteerStats,
} from '../../src/api/assisted/schema.ts';
import { DataStoreView } from '../../src/api/me/schema.ts';
import type { Problem } from '../../src/api/problem/schema.ts';
import { Dossier, Upload } from '../../src/api/dossiers/schema.ts';
import { Procedure } from '../../src/api/procedures/schema.ts';
import { PapersRefused } from '../../src/api/procedures/papers.ts';
import { AnswersNotOnBehalf } from '../../src/api/procedures/on-behalf.ts';
import { expect, once, type Check } from './conformance-runner.ts';

/**
 * Conformance checks of assisted mode (src/api/assisted, docs/domain/assisted.md): only a volunteer
 * asks for a consent; the code goes to the resident's phone on record, a few tries; the RFC 8693
 * exchange at the identity provider gives a delegated token that acts for the resident only within
 * the consent and stops when it ends; the resident's consents and audit trail; the volunteer's
 * figures and their CSV.
 *
 * A real backend names its own people: CONFORMANCE_VOLUNTEER_TOKEN (a volunteer's bearer token),
 * CONFORMANCE_RESIDENT_ID_NUMBER (a resident with a phone on record) and CONFORMANCE_SMS_OUTBOX (a
 * URL of the test SMS gateway answering `{ messages: [{ to, text }] }` for `?to=<phone>`) with
 * CONFORMANCE_RESIDENT_PHONE; without the outbox, the checks that need the code are skipped as
 * passed with a note. Defaults: the simulated backend's volunteer Trần Văn Hùng and resident Phạm Văn Hải.
 */
interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

interface CallOptions {
  token?: string | undefined;
  json?: unknown;
  body?: string | Uint8Array<ArrayBuffer>;
  headers?: Record<string, string>;
}

export interface AssistedTools<C, A extends Answer> {
  call: (ctx: C, method: string, path: string, options?: CallOptions) => Promise<A>;
  /** The identity provider's base URL (its /token). */
  idp: (ctx: C) => string;
  /** The API's base URL (for the simulated SMS outbox). */
  baseUrl: (ctx: C) => string;
  token: (ctx: C) => Promise<string>;
  volunteerToken: (ctx: C) => Promise<string>;
  parsed: <T>(schema: core.$ZodType<T>, answer: A, expected?: number | readonly number[]) => T;
  refused: (answer: A, expected: number | readonly number[]) => Problem;
  /** Answers the procedure's form takes for the person `token` acts for. */
  answersFor: (ctx: C, procedureId: string, token: string) => Promise<Record<string, unknown>>;
  /** A small valid PDF (a photographed paper, as uploaded). */
  pdf: () => Uint8Array<ArrayBuffer>;
}

const RESIDENT = process.env.CONFORMANCE_RESIDENT_ID_NUMBER ?? '060048000123';
const RESIDENT_PHONE = process.env.CONFORMANCE_RESIDENT_PHONE ?? '0378123456';
const PROCEDURE = process.env.CONFORMANCE_ASSISTED_PROCEDURE ?? '1.004873';
const CLIENT_ID = process.env.CONFORMANCE_DEVICE_CLIENT_ID ?? 'mot-cua-so';
/** A procedure whose filing for someone else needs their written authorisation (its `onBehalf` rule). */
const AUTHORISED_PROCEDURE = process.env.CONFORMANCE_AUTHORISATION_PROCEDURE ?? '3.000333';
const scope = { procedures: [PROCEDURE, AUTHORISED_PROCEDURE], data: ['identity', 'residence', 'contact'] };

export const assistedChecks = <C, A extends Answer>(t: AssistedTools<C, A>): Check<C>[] => {
  const outbox = (ctx: C) => process.env.CONFORMANCE_SMS_OUTBOX ?? (process.env.CONFORMANCE_VOLUNTEER_TOKEN ? undefined : `${t.baseUrl(ctx)}/__mock/sms`);
  const codeSentTo = async (ctx: C, phone: string): Promise<string | undefined> => {
    const url = outbox(ctx);
    if (!url) return undefined;
    const body = (await (await fetch(`${url}?to=${encodeURIComponent(phone)}`)).json()) as { messages?: { text?: string }[] };
    const text = body.messages?.at(-1)?.text ?? '';
    const code = new RegExp(`\\b(\\d{${CONSENT_CODE.digits}})\\b`).exec(text)?.[1];
    expect(code, `the SMS outbox at ${url} holds no ${CONSENT_CODE.digits}-digit code for ${phone}`);
    return code;
  };
  const start = async (ctx: C) => t.parsed(Consent, await t.call(ctx, 'POST', '/assisted/consents', { token: await t.volunteerToken(ctx), json: { residentIdNumber: RESIDENT, scope, minutes: 30 } }), 201);
  const exchange = async (ctx: C, consentToken: string, actorToken: string) => {
    const answer = await fetch(`${t.idp(ctx)}/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: TOKEN_EXCHANGE_GRANT, client_id: CLIENT_ID, subject_token: consentToken, subject_token_type: CONSENT_TOKEN_TYPE, actor_token: actorToken, actor_token_type: ACCESS_TOKEN_TYPE }),
    });
    return { status: answer.status, body: (await answer.json().catch(() => ({}))) as Record<string, unknown> };
  };
  let delegation: (() => Promise<{ consent: Consent; token: string } | undefined>) | undefined;
  const delegated = (ctx: C) =>
    (delegation ??= once('a consent confirmed by code and exchanged for a delegated token', async () => {
      const started = await start(ctx);
      const code = await codeSentTo(ctx, RESIDENT_PHONE);
      if (!code) return undefined;
      const grant = t.parsed(ConsentGrant, await t.call(ctx, 'POST', `/assisted/consents/${started.id}/confirm`, { token: await t.volunteerToken(ctx), json: { code } }), 200);
      const exchanged = await exchange(ctx, grant.consentToken, await t.volunteerToken(ctx));
      expect(exchanged.status === 200, `the token exchange answered ${exchanged.status} ${JSON.stringify(exchanged.body)}`);
      const token = DelegatedTokenResponse.safeParse(exchanged.body);
      expect(token.success, `the token exchange's answer is not an RFC 8693 access token: ${JSON.stringify(exchanged.body)}`);
      return { consent: grant.consent, token: token.data.access_token };
    }))();
  const codeOf = (problem: Problem, expected: string, what: string) => expect(problem.code === expected, `${what} answered code "${problem.code}", expected ${expected}`);

  return [
    {
      name: 'POST /assisted/consents by a citizen who is no volunteer is 403 problem+json `not-a-volunteer`',
      run: async (ctx) => codeOf(t.refused(await t.call(ctx, 'POST', '/assisted/consents', { token: await t.token(ctx), json: { residentIdNumber: RESIDENT, scope, minutes: 30 } }), 403), 'not-a-volunteer', 'a non-volunteer'),
    },
    {
      name: 'POST /assisted/consents for an ID number nobody has is 404 `resident-not-found`; a duration not offered is 422',
      run: async (ctx) => {
        const token = await t.volunteerToken(ctx);
        codeOf(t.refused(await t.call(ctx, 'POST', '/assisted/consents', { token, json: { residentIdNumber: '001099000000', scope, minutes: 30 } }), 404), 'resident-not-found', 'an unknown resident');
        t.refused(await t.call(ctx, 'POST', '/assisted/consents', { token, json: { residentIdNumber: RESIDENT, scope, minutes: 45 } }), 422);
      },
    },
    {
      name: 'POST /assisted/consents sends the code and awaits it (masked number, expiry, tries); a wrong code counts down',
      run: async (ctx) => {
        const started = await start(ctx);
        expect(started.status === 'awaiting-code' && started.resident === null, `a new consent request is ${started.status} and names ${JSON.stringify(started.resident)}: it must await the code and name nobody yet`);
        expect(started.triesLeft === CONSENT_CODE.tries, `a new request has ${started.triesLeft} tries, expected ${CONSENT_CODE.tries}`);
        expect(started.sentTo !== null && !started.sentTo.includes(RESIDENT_PHONE), 'the number the code went to is not masked');
        const right = await codeSentTo(ctx, RESIDENT_PHONE);
        const wrong = right === '000000' ? '111111' : '000000';
        const problem = t.refused(await t.call(ctx, 'POST', `/assisted/consents/${started.id}/confirm`, { token: await t.volunteerToken(ctx), json: { code: wrong } }), 422);
        codeOf(problem, 'consent-code-wrong', 'a wrong code');
        expect((problem as Record<string, unknown>).triesLeft === CONSENT_CODE.tries - 1, 'a wrong code did not count the tries down (triesLeft)');
      },
    },
    {
      name: 'the token exchange (RFC 8693) refuses an unknown consent token (invalid_grant)',
      run: async (ctx) => {
        const answer = await exchange(ctx, 'not-a-consent-token-of-this-provider', await t.volunteerToken(ctx));
        expect(answer.status === 400 && answer.body.error === 'invalid_grant', `an unknown consent token answered ${answer.status} ${JSON.stringify(answer.body)}`);
      },
    },
    {
      name: 'a delegated token reads the resident’s data store, is refused outside the consent (403 `outside-consent`) and by the resident’s own endpoints',
      run: async (ctx) => {
        const d = await delegated(ctx);
        if (!d) return;
        const me = await t.call(ctx, 'GET', '/me', { token: d.token });
        expect(me.status === 200, `GET /me with the delegated token answered ${me.status}`);
        codeOf(t.refused(await t.call(ctx, 'GET', '/me/assisted/audit', { token: d.token }), 403), 'delegated-token-not-allowed', 'the resident’s audit trail read with a delegated token');
        const other = await t.call(ctx, 'POST', '/dossiers', { token: d.token, json: { procedureId: '1.001193', values: {}, documents: [] }, headers: { 'Idempotency-Key': `conf-${Date.now()}` } });
        codeOf(t.refused(other, 403), 'outside-consent', 'a dossier of another procedure');
      },
    },
    {
      name: 'GET /me with a delegated token holds only the parts of the data store the consent lists (named in `scope`); asking for another part is 403 `outside-consent`',
      run: async (ctx) => {
        const d = await delegated(ctx);
        if (!d) return;
        const view = t.parsed(DataStoreView, await t.call(ctx, 'GET', '/me', { token: d.token }), 200);
        const listed = [...d.consent.scope.data].sort();
        expect(JSON.stringify([...(view.scope ?? [])].sort()) === JSON.stringify(listed), `GET /me names the parts ${JSON.stringify(view.scope)}, the consent lists ${JSON.stringify(listed)}`);
        for (const part of ['household', 'documents'] as const) {
          if (listed.includes(part)) continue;
          expect(view[part] === undefined && view.sources[part] === undefined, `GET /me with the delegated token carries the ${part}, which the consent does not list`);
          const refused = t.refused(await t.call(ctx, 'GET', `/me?parts=${part}`, { token: d.token }), 403);
          codeOf(refused, 'outside-consent', `GET /me?parts=${part} outside the consent`);
        }
        if (listed.includes('identity')) expect(typeof view.citizen.fullName === 'string', 'GET /me lacks the identity the consent lists');
      },
    },
    {
      name: 'a delegated token filing a procedure with an `onBehalf` rule: no relationship is 422 `relationship-required` (`field`), no authorisation 422 `papers-refused` naming its requirement; with both, 201 and the relationship on the dossier',
      run: async (ctx) => {
        const d = await delegated(ctx);
        if (!d) return;
        const procedure = t.parsed(Procedure, await t.call(ctx, 'GET', `/procedures/${encodeURIComponent(AUTHORISED_PROCEDURE)}`), 200);
        const rule = procedure.onBehalf;
        expect(rule, `GET /procedures/${AUTHORISED_PROCEDURE} has no onBehalf rule`);
        if (!rule) return;
        const values = await t.answersFor(ctx, AUTHORISED_PROCEDURE, d.token);
        const file = (body: object) =>
          t.call(ctx, 'POST', '/dossiers', { token: d.token, json: { procedureId: AUTHORISED_PROCEDURE, values, documents: [], ...body }, headers: { 'Idempotency-Key': crypto.randomUUID() } });
        const none = t.refused(await file({}), 422);
        codeOf(none, 'relationship-required', 'a dossier for someone else without the relationship');
        expect(none.field === 'onBehalf.relationship', `relationship-required names ${String(none.field)}, expected onBehalf.relationship`);
        const noPaper = t.refused(await file({ onBehalf: { relationship: 'none' } }), 422);
        codeOf(noPaper, 'papers-refused', 'a dossier for someone else without their written authorisation');
        const papers = PapersRefused.safeParse(noPaper);
        expect(papers.success && papers.data.papers.some((p) => p.requirement === rule.authorisation && p.reason === 'missing'), `papers-refused does not name ${rule.authorisation} as missing`);
        const upload = t.parsed(Upload, await t.call(ctx, 'POST', '/uploads', { token: d.token, body: t.pdf(), headers: { 'Content-Type': 'application/pdf', 'Idempotency-Key': crypto.randomUUID() } }), 201);
        const dossier = t.parsed(Dossier, await file({ onBehalf: { relationship: 'none' }, documents: [{ requirement: rule.authorisation, source: 'upload', ref: upload.id }] }), 201);
        expect(dossier.assistedBy?.relationship === 'none', `the dossier records the relationship as ${String(dossier.assistedBy?.relationship)}`);
      },
    },
    {
      name: 'a delegated token asking for an answer only the person may give (the procedure’s `notOnBehalf`: Phiếu số 2) is 422 `answer-not-on-behalf` naming the field, at POST /forms/{id}/check and POST /dossiers, whoever the filer is to them',
      run: async (ctx) => {
        const d = await delegated(ctx);
        if (!d) return;
        const procedure = t.parsed(Procedure, await t.call(ctx, 'GET', `/procedures/${encodeURIComponent(AUTHORISED_PROCEDURE)}`), 200);
        const rule = procedure.notOnBehalf?.[0];
        const value = rule?.values[0];
        expect(rule && value, `GET /procedures/${AUTHORISED_PROCEDURE} has no notOnBehalf rule`);
        if (!rule || !value) return;
        const values = { ...(await t.answersFor(ctx, AUTHORISED_PROCEDURE, d.token)), [rule.field]: value };
        const named = (problem: Problem, where: string) => {
          codeOf(problem, 'answer-not-on-behalf', where);
          const body = AnswersNotOnBehalf.safeParse(problem);
          expect(body.success && body.data.field === rule.field && body.data.answers.some((a) => a.field === rule.field && a.value === value), `${where}: answer-not-on-behalf does not name ${rule.field} = ${value}: ${JSON.stringify(problem)}`);
        };
        named(t.refused(await t.call(ctx, 'POST', `/forms/${encodeURIComponent(AUTHORISED_PROCEDURE)}/check`, { token: d.token, json: { values } }), 422), 'the form checked');
        // A relative the authorisation rule exempts is refused all the same: nobody asks for it on the person's behalf.
        const exempt = procedure.onBehalf?.exemptRelationships[0] ?? 'none';
        const filed = await t.call(ctx, 'POST', '/dossiers', { token: d.token, json: { procedureId: AUTHORISED_PROCEDURE, values, documents: [], onBehalf: { relationship: exempt } }, headers: { 'Idempotency-Key': crypto.randomUUID() } });
        named(t.refused(filed, 422), 'the dossier filed');
      },
    },
    {
      name: 'POST /assisted/consents/{id}/end stops the delegated token (403 `consent-ended`)',
      run: async (ctx) => {
        const d = await delegated(ctx);
        if (!d) return;
        const ended = t.parsed(Consent, await t.call(ctx, 'POST', `/assisted/consents/${d.consent.id}/end`, { token: await t.volunteerToken(ctx) }), 200);
        expect(ended.status === 'ended', `an ended consent is ${ended.status}`);
        codeOf(t.refused(await t.call(ctx, 'GET', '/me', { token: d.token }), [401, 403]), 'consent-ended', 'the delegated token after the end');
      },
    },
    {
      name: 'GET /me/assisted/consents, /me/assisted/audit and /me/assisted/ratings parse; revoking someone else’s consent is 404',
      run: async (ctx) => {
        const token = await t.token(ctx);
        t.parsed(ConsentList, await t.call(ctx, 'GET', '/me/assisted/consents', { token }), 200);
        t.parsed(AuditList, await t.call(ctx, 'GET', '/me/assisted/audit', { token }), 200);
        t.parsed(HelpRatingList, await t.call(ctx, 'GET', '/me/assisted/ratings', { token }), 200);
        t.refused(await t.call(ctx, 'POST', '/me/assisted/consents/UQ-NOT-YOURS/revoke', { token }), 404);
      },
    },
    {
      name: 'GET /assisted/volunteer/stats parses (nothing personal); its CSV has the header row; a non-volunteer is refused 403',
      run: async (ctx) => {
        const stats = t.parsed(VolunteerStats, await t.call(ctx, 'GET', '/assisted/volunteer/stats', { token: await t.volunteerToken(ctx) }), 200);
        expect(!/\d{12}/.test(JSON.stringify(stats)), 'the volunteer’s figures carry a 12-digit number (an ID number?)');
        const csv = await t.call(ctx, 'GET', '/assisted/volunteer/stats.csv', { token: await t.volunteerToken(ctx) });
        expect(csv.status === 200 && /^text\/csv/.test(csv.headers.get('Content-Type') ?? ''), `the CSV answered ${csv.status} ${csv.headers.get('Content-Type')}`);
        expect(csv.text.replace(/^\uFEFF/, '').split(/\r?\n/)[0] === STATS_CSV_COLUMNS.join(','), `the CSV's first row is not ${STATS_CSV_COLUMNS.join(',')}`);
        t.refused(await t.call(ctx, 'GET', '/assisted/volunteer/stats', { token: await t.token(ctx) }), 403);
      },
    },
  ];
};


