import type { core } from 'zod/mini';
import { Enrolment, KIOSK_TRIES, NowServing, Ticket, UnlockResult } from '../../src/api/kiosk/schema.ts';
import type { Problem } from '../../src/api/problem/schema.ts';
import { CheckFailed, expect, once, type Check } from './conformance-runner.ts';

/**
 * Conformance checks of hall kiosks (src/api/kiosk, docs/domain/kiosks.md): enrolment with a
 * centre's code (wrong and expired told apart, a few tries then 429 with Retry-After), the staff
 * PIN (wrong, then locked), the queue; and the identity provider's device flow (RFC 8628) the
 * kiosk signs people in with: authorization_pending, slow_down, expired_token.
 *
 * A real backend has codes of its own: CONFORMANCE_KIOSK_CODE, CONFORMANCE_KIOSK_EXPIRED_CODE
 * and CONFORMANCE_KIOSK_PIN name them (default: the simulated backend's demo centre).
 */
export interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

export interface CallOptions {
  token?: string | undefined;
  json?: unknown;
}

export interface KioskTools<C, A extends Answer> {
  call: (ctx: C, method: string, path: string, options?: CallOptions) => Promise<A>;
  /** The identity provider's base URL (its /device_authorization and /token). */
  idp: (ctx: C) => string;
  parsed: <T>(schema: core.$ZodType<T>, answer: A, expected?: number | readonly number[]) => T;
  refused: (answer: A, expected: number | readonly number[]) => Problem;
  tooMany: (answer: A) => Problem;
  retryAfterSeconds: (answer: A) => number;
}

const CODE = process.env.CONFORMANCE_KIOSK_CODE ?? 'BENTHANH-2026';
const EXPIRED_CODE = process.env.CONFORMANCE_KIOSK_EXPIRED_CODE ?? 'BENTHANH-2025';
const PIN = process.env.CONFORMANCE_KIOSK_PIN ?? '246810';
/** A code no centre hands out (right shape, never issued). */
const WRONG_CODE = 'NOWHERE-0000';
const wrongPin = (pin: string) => (pin === '000000' ? '111111' : '000000');
const CLIENT_ID = process.env.CONFORMANCE_DEVICE_CLIENT_ID ?? 'mot-cua-so';
const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
const LOCK_SECONDS = KIOSK_TRIES.lockMinutes * 60;

const triesLeftOf = (problem: Problem): unknown => (problem as Record<string, unknown>).triesLeft;

export const kioskChecks = <C, A extends Answer>(t: KioskTools<C, A>): Check<C>[] => {
  const enrol = async (ctx: C) => t.parsed(Enrolment, await t.call(ctx, 'POST', '/kiosk/enrolments', { json: { code: CODE } }), 201);
  let enrolled: (() => Promise<Enrolment>) | undefined;
  const kiosk = (ctx: C) => (enrolled ??= once('a kiosk is enrolled', () => enrol(ctx)))();

  /** RFC 8628 §3.1: a device code to poll with. */
  const deviceCode = async (ctx: C) => {
    const answer = await fetch(`${t.idp(ctx)}/device_authorization`, { method: 'POST', body: new URLSearchParams({ client_id: CLIENT_ID, scope: 'openid profile' }) });
    const body = (await answer.json().catch(() => ({}))) as { device_code?: string; user_code?: string; interval?: number; expires_in?: number };
    expect(answer.ok && body.device_code && body.user_code, `POST ${t.idp(ctx)}/device_authorization answered ${answer.status} without a device_code and user_code`);
    return body as { device_code: string; interval?: number };
  };
  /** RFC 8628 §3.4–3.5: one poll, its status and error. */
  const poll = async (ctx: C, code: string) => {
    const answer = await fetch(`${t.idp(ctx)}/token`, { method: 'POST', body: new URLSearchParams({ grant_type: DEVICE_GRANT, device_code: code, client_id: CLIENT_ID }) });
    const body = (await answer.json().catch(() => ({}))) as { error?: string; interval?: number; access_token?: string; refresh_token?: string };
    return { status: answer.status, ...body };
  };

  return [
    {
      name: 'POST /kiosk/enrolments with a centre’s code enrols the device (Enrolment with its own token)',
      run: async (ctx) => {
        const enrolment = await kiosk(ctx);
        expect(enrolment.idleSeconds >= enrolment.countdownSeconds, `the idle limit ${enrolment.idleSeconds} s is shorter than the countdown ${enrolment.countdownSeconds} s`);
      },
    },
    {
      name: 'POST /kiosk/enrolments with a code no centre has is 422 problem+json `enrolment-code-invalid` with triesLeft',
      run: async (ctx) => {
        const problem = t.refused(await t.call(ctx, 'POST', '/kiosk/enrolments', { json: { code: WRONG_CODE } }), 422);
        expect(problem.code === 'enrolment-code-invalid', `a wrong code answered code "${problem.code}", expected enrolment-code-invalid`);
        expect(typeof triesLeftOf(problem) === 'number', 'a wrong code did not say how many tries are left (triesLeft)');
      },
    },
    {
      name: 'POST /kiosk/enrolments with an expired code is 410 problem+json `enrolment-code-expired` (told apart from a wrong one)',
      run: async (ctx) => {
        const problem = t.refused(await t.call(ctx, 'POST', '/kiosk/enrolments', { json: { code: EXPIRED_CODE } }), 410);
        expect(problem.code === 'enrolment-code-expired', `an expired code answered code "${problem.code}", expected enrolment-code-expired`);
      },
    },
    {
      name: 'The kiosk endpoints refuse a request without a kiosk’s token (401 problem+json)',
      run: async (ctx) => {
        t.refused(await t.call(ctx, 'GET', '/kiosk/now-serving'), 401);
        t.refused(await t.call(ctx, 'POST', '/kiosk/tickets', { json: { fieldId: 'civil-status' } }), 401);
        t.refused(await t.call(ctx, 'POST', '/kiosk/unlock', { token: 'not-a-kiosk-token-at-all', json: { pin: PIN } }), 401);
      },
    },
    {
      name: 'GET /kiosk/now-serving and POST /kiosk/tickets parse; a second ticket of a group is one further on',
      run: async (ctx) => {
        const { kioskToken, counterGroups } = await kiosk(ctx);
        t.parsed(NowServing, await t.call(ctx, 'GET', '/kiosk/now-serving', { token: kioskToken }));
        const fieldId = counterGroups[0]?.fieldIds[0];
        expect(fieldId, 'the enrolment lists no counter group with a field');
        const first = t.parsed(Ticket, await t.call(ctx, 'POST', '/kiosk/tickets', { token: kioskToken, json: { fieldId } }), 201);
        const second = t.parsed(Ticket, await t.call(ctx, 'POST', '/kiosk/tickets', { token: kioskToken, json: { fieldId } }), 201);
        expect(second.ahead === first.ahead + 1 && second.number !== first.number, `two tickets in a row: ${first.number} (${first.ahead} ahead), then ${second.number} (${second.ahead} ahead)`);
      },
    },
    {
      name: 'POST /kiosk/unlock with a wrong PIN is 403 `pin-wrong` with triesLeft; the right PIN unlocks and retires the token',
      run: async (ctx) => {
        const { kioskToken } = await enrol(ctx);
        const problem = t.refused(await t.call(ctx, 'POST', '/kiosk/unlock', { token: kioskToken, json: { pin: wrongPin(PIN) } }), 403);
        expect(problem.code === 'pin-wrong', `a wrong PIN answered code "${problem.code}", expected pin-wrong`);
        expect(triesLeftOf(problem) === KIOSK_TRIES.pins - 1, `after one wrong PIN triesLeft is ${String(triesLeftOf(problem))}, expected ${KIOSK_TRIES.pins - 1}`);
        t.parsed(UnlockResult, await t.call(ctx, 'POST', '/kiosk/unlock', { token: kioskToken, json: { pin: PIN } }));
        t.refused(await t.call(ctx, 'GET', '/kiosk/now-serving', { token: kioskToken }), 401);
      },
    },
    {
      name: `POST /kiosk/unlock: ${KIOSK_TRIES.pins} wrong PINs lock the kiosk, then even the right PIN is 429 \`pin-tries-exceeded\` with Retry-After ≤ ${LOCK_SECONDS} s`,
      run: async (ctx) => {
        const { kioskToken } = await enrol(ctx);
        for (let i = 1; i <= KIOSK_TRIES.pins; i++) t.refused(await t.call(ctx, 'POST', '/kiosk/unlock', { token: kioskToken, json: { pin: wrongPin(PIN) } }), 403);
        const locked = await t.call(ctx, 'POST', '/kiosk/unlock', { token: kioskToken, json: { pin: PIN } });
        const problem = t.tooMany(locked);
        expect(problem.code === 'pin-tries-exceeded', `a locked kiosk answered code "${problem.code}", expected pin-tries-exceeded`);
        const wait = t.retryAfterSeconds(locked);
        expect(wait > 0 && wait <= LOCK_SECONDS, `Retry-After ${wait} s, expected 1 to ${LOCK_SECONDS}`);
      },
    },
    {
      name: 'Device flow (RFC 8628) at the identity provider: the first poll is authorization_pending, an early one slow_down with a longer interval',
      run: async (ctx) => {
        const { device_code, interval = 5 } = await deviceCode(ctx);
        const first = await poll(ctx, device_code);
        expect(first.status === 400 && first.error === 'authorization_pending', `the first poll answered ${first.status} ${first.error ?? ''}, expected 400 authorization_pending`);
        const early = await poll(ctx, device_code);
        expect(early.status === 400 && early.error === 'slow_down', `a poll within the interval answered ${early.status} ${early.error ?? ''}, expected 400 slow_down`);
        expect(early.interval === undefined || early.interval > interval, `slow_down gave interval ${String(early.interval)}, not longer than ${interval}`);
      },
    },
    {
      name: 'Device flow: a device code past its expiry is expired_token (simulated IdP: made to expire through its test control)',
      run: async (ctx) => {
        const { device_code } = await deviceCode(ctx);
        const expire = await t.call(ctx, 'POST', '/__mock/idp/expire-device-codes');
        if (expire.status === 404) throw new CheckFailed('this backend has no test control to expire device codes: check expired_token by hand after expires_in');
        expect(expire.status === 204, `POST /__mock/idp/expire-device-codes answered ${expire.status}`);
        const late = await poll(ctx, device_code);
        expect(late.status === 400 && late.error === 'expired_token', `a poll after expiry answered ${late.status} ${late.error ?? ''}, expected 400 expired_token`);
        expect(!late.access_token && !late.refresh_token, 'an expired device code was given a token');
      },
    },
  ];
};

/**
 * Spends this client's enrolment tries (a real backend pauses it for its lock time): run near
 * the end, after every check that enrols.
 */
export const kioskEnrolmentLimitCheck = <C, A extends Answer>(t: KioskTools<C, A>): Check<C> => ({
  name: `POST /kiosk/enrolments: ${KIOSK_TRIES.enrolCodes} wrong codes from one client, then 429 \`enrolment-tries-exceeded\` with Retry-After ≤ ${LOCK_SECONDS} s, even for the right code (spends this client's tries)`,
  run: async (ctx) => {
    for (let i = 0; i <= KIOSK_TRIES.enrolCodes; i++) {
      const answer = await t.call(ctx, 'POST', '/kiosk/enrolments', { json: { code: WRONG_CODE } });
      if (answer.status === 429) {
        t.tooMany(answer);
        const right = await t.call(ctx, 'POST', '/kiosk/enrolments', { json: { code: CODE } });
        const problem = t.tooMany(right);
        expect(problem.code === 'enrolment-tries-exceeded', `a paused client answered code "${problem.code}", expected enrolment-tries-exceeded`);
        const wait = t.retryAfterSeconds(right);
        expect(wait > 0 && wait <= LOCK_SECONDS, `Retry-After ${wait} s, expected 1 to ${LOCK_SECONDS}`);
        return;
      }
      t.refused(answer, 422);
    }
    throw new CheckFailed(`${KIOSK_TRIES.enrolCodes + 1} wrong enrolment codes in a row were all answered: no limit`);
  },
});
