import { describe, expect, it } from 'vitest';
import { Enrolment, KIOSK_TRIES, NowServing, Ticket } from '../src/api/kiosk/schema.ts';
import { Problem } from '../src/api/problem/schema.ts';
import { CLIENT_ADDRESS_HEADER } from './handlers/client.ts';
import { DEMO_CENTRE } from './kiosk.ts';
import { origin } from './oidc-test-client.ts';

/** Kiosk enrolment, the staff PIN and the queue, as a hall's device uses them. */
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${origin}/api${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', [CLIENT_ADDRESS_HEADER]: '10.0.0.1', ...headers }, body: JSON.stringify(body) });

const enrol = async (code: string = DEMO_CENTRE.code, client = '10.0.0.1') => post('/kiosk/enrolments', { code }, { [CLIENT_ADDRESS_HEADER]: client });

const enrolled = async () => Enrolment.parse(await (await enrol()).json());

const problemOf = async (response: Response) => {
  expect(response.headers.get('Content-Type')).toMatch(/application\/problem\+json/);
  return Problem.parse(await response.json()) as Problem & { triesLeft?: number; retryAfter?: number };
};

describe('kiosk enrolment', () => {
  it("returns the kiosk's id, its centre, the centre's agencies and the idle timeout", async () => {
    const response = await enrol(' benthanh-2026 ');
    expect(response.status).toBe(201);
    const body = Enrolment.parse(await response.json());
    expect(body.centre.name).toMatch(/Bến Thành/);
    expect(body.agencies.map((a) => a.id)).toContain('commune-pc');
    expect(body.idleSeconds).toBe(90);
    expect(body.countdownSeconds).toBeGreaterThanOrEqual(30);
    expect(body.kioskId).toMatch(/^KIOSK-/);
  });

  it('refuses a wrong code and an expired code differently, counting the tries left', async () => {
    const wrong = await enrol('NOPE-1234');
    expect(wrong.status).toBe(422);
    const wrongBody = await problemOf(wrong);
    expect(wrongBody.code).toBe('enrolment-code-invalid');
    expect(wrongBody.triesLeft).toBe(KIOSK_TRIES.enrolCodes - 1);
    const expired = await enrol(DEMO_CENTRE.expiredCode);
    expect(expired.status).toBe(410);
    expect((await problemOf(expired)).code).toBe('enrolment-code-expired');
  });

  it('pauses a client after too many wrong codes, even for the right one, with Retry-After', async () => {
    for (let i = 0; i < KIOSK_TRIES.enrolCodes; i++) expect((await enrol(`WRONG-${i}`)).status).toBe(422);
    const paused = await enrol();
    expect(paused.status).toBe(429);
    expect(Number(paused.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect((await problemOf(paused)).code).toBe('enrolment-tries-exceeded');
    // Another client is not paused by someone else's guesses.
    expect((await enrol(DEMO_CENTRE.code, '10.0.0.2')).status).toBe(201);
  });
});

describe('leaving kiosk mode', () => {
  it('needs the staff PIN; the token is retired once it is given', async () => {
    const { kioskToken } = await enrolled();
    const auth = { Authorization: `Bearer ${kioskToken}` };
    const wrong = await post('/kiosk/unlock', { pin: '0000' }, auth);
    expect(wrong.status).toBe(403);
    expect(await problemOf(wrong)).toMatchObject({ code: 'pin-wrong', triesLeft: KIOSK_TRIES.pins - 1 });
    expect((await post('/kiosk/unlock', { pin: DEMO_CENTRE.pin }, auth)).status).toBe(200);
    expect((await post('/kiosk/unlock', { pin: DEMO_CENTRE.pin }, auth)).status).toBe(401);
  });

  it('locks the kiosk after too many wrong PINs: then even the right PIN waits', async () => {
    const { kioskToken } = await enrolled();
    const auth = { Authorization: `Bearer ${kioskToken}` };
    for (let i = 0; i < KIOSK_TRIES.pins; i++) expect((await post('/kiosk/unlock', { pin: '1111' }, auth)).status).toBe(403);
    const locked = await post('/kiosk/unlock', { pin: DEMO_CENTRE.pin }, auth);
    expect(locked.status).toBe(429);
    expect((await problemOf(locked)).code).toBe('pin-tries-exceeded');
    expect(Number(locked.headers.get('Retry-After'))).toBeGreaterThan(0);
  });

  it('refuses a PIN that is not 4–8 digits, and any device that is not an enrolled kiosk', async () => {
    const { kioskToken } = await enrolled();
    expect((await post('/kiosk/unlock', { pin: 'abcd' }, { Authorization: `Bearer ${kioskToken}` })).status).toBe(422);
    expect((await problemOf(await post('/kiosk/unlock', { pin: DEMO_CENTRE.pin }, { Authorization: 'Bearer not-a-kiosk-token-at-all' }))).code).toBe('kiosk-unknown');
  });
});

describe('queue numbers', () => {
  it('issues numbers in order with people ahead and a wait, and the hall screen follows the counters', async () => {
    const { kioskToken } = await enrolled();
    const auth = { Authorization: `Bearer ${kioskToken}` };
    const first = Ticket.parse(await (await post('/kiosk/tickets', { fieldId: 'civil-status' }, auth)).json());
    const second = Ticket.parse(await (await post('/kiosk/tickets', { fieldId: 'judicial-records' }, auth)).json());
    expect(first.number).toBe('A008');
    expect(second.number).toBe('A009');
    expect(second.ahead).toBe(first.ahead + 1);
    expect(second.estimatedWaitMinutes).toBeGreaterThanOrEqual(first.estimatedWaitMinutes);
    const serving = async () =>
      NowServing.parse(await (await fetch(`${origin}/api/kiosk/now-serving`, { headers: auth })).json()).groups.find((g) => g.counterGroupId === 'civil')?.serving;
    expect(await serving()).toBe('A004');
    expect((await post('/__mock/kiosk/hcm-ben-thanh/civil/call-next', {})).status).toBe(204);
    expect(await serving()).toBe('A005');
  });

  it("refuses a field no counter of the centre receives, and a device that is not a kiosk", async () => {
    const { kioskToken } = await enrolled();
    expect((await problemOf(await post('/kiosk/tickets', { fieldId: 'passport' }, { Authorization: `Bearer ${kioskToken}` }))).code).toBe('field-not-served');
    expect((await post('/kiosk/tickets', { fieldId: 'civil-status' })).status).toBe(401);
    expect((await fetch(`${origin}/api/kiosk/now-serving`)).status).toBe(401);
  });
});
