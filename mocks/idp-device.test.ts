import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEVICE_CODE_TTL_SECONDS, DEVICE_GRANT_TYPE } from './idp.ts';
import { origin } from './oidc-test-client.ts';

/**
 * RFC 8628 at the simulated VNeID, as a kiosk and a phone use it: pending, slow_down, expired,
 * denied, approved once (the second person scanning the same code gets nothing), no refresh token.
 */
interface DeviceAuthorization {
  device_code: string;
  user_code: string;
  verification_uri: string;
  verification_uri_complete: string;
  expires_in: number;
  interval: number;
}

const start = async (scope = 'openid profile') =>
  (await (await fetch(`${origin}/idp/device_authorization`, { method: 'POST', body: new URLSearchParams({ client_id: 'mot-cua-so', scope }) })).json()) as DeviceAuthorization;

const poll = (deviceCode: string, clientId = 'mot-cua-so') =>
  fetch(`${origin}/idp/token`, { method: 'POST', body: new URLSearchParams({ grant_type: DEVICE_GRANT_TYPE, device_code: deviceCode, client_id: clientId }) });

const approve = (userCode: string, citizen = 'vneid-046095001234', decision = 'allow') =>
  fetch(`${origin}/idp/device`, { method: 'POST', body: new URLSearchParams({ user_code: userCode, citizen, decision, ui_locales: 'en' }) });

const errorOf = async (response: Response) => ((await response.json()) as { error: string; interval?: number }).error;

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

describe('device authorization grant', () => {
  it('is announced in the discovery document', async () => {
    const config = (await (await fetch(`${origin}/idp/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(config.device_authorization_endpoint).toBe(`${origin}/idp/device_authorization`);
    expect(config.grant_types_supported).toContain(DEVICE_GRANT_TYPE);
  });

  it('gives a user code of 8 letters and a verification URI that carries it', async () => {
    const auth = await start();
    expect(auth.user_code).toMatch(/^[B-DF-HJ-NP-TV-XZ]{4}-[B-DF-HJ-NP-TV-XZ]{4}$/);
    expect(auth.verification_uri_complete).toBe(`${origin}/idp/device?user_code=${auth.user_code}`);
    expect(auth.expires_in).toBe(DEVICE_CODE_TTL_SECONDS);
    expect(auth.interval).toBe(5);
  });

  it('gives the interval MOCK_DEVICE_POLL_SECONDS sets (the end-to-end tests), 5 s when it is not a whole number of seconds', async () => {
    vi.stubEnv('MOCK_DEVICE_POLL_SECONDS', '1');
    vi.useFakeTimers({ toFake: ['Date'] });
    const quick = await start();
    expect(quick.interval).toBe(1);
    expect(await errorOf(await poll(quick.device_code))).toBe('authorization_pending');
    // Still measured: a poll within the second is too fast.
    expect(await errorOf(await poll(quick.device_code))).toBe('slow_down');
    vi.advanceTimersByTime(6_000);
    expect(await errorOf(await poll(quick.device_code))).toBe('authorization_pending');
    for (const value of ['0', '0.5', 'soon']) {
      vi.stubEnv('MOCK_DEVICE_POLL_SECONDS', value);
      expect((await start()).interval).toBe(5);
    }
  });

  it('never grants offline_access to a device', async () => {
    const response = await fetch(`${origin}/idp/device_authorization`, { method: 'POST', body: new URLSearchParams({ client_id: 'mot-cua-so', scope: 'openid profile offline_access' }) });
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toBe('invalid_scope');
  });

  it('answers authorization_pending, then slow_down when polled too fast, then the tokens once — without a refresh token', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const auth = await start();
    expect(await errorOf(await poll(auth.device_code))).toBe('authorization_pending');
    const fast = await poll(auth.device_code);
    expect(fast.status).toBe(400);
    const body = (await fast.json()) as { error: string; interval: number };
    expect(body).toMatchObject({ error: 'slow_down', interval: 10 });
    expect((await approve(auth.user_code)).status).toBe(200);
    vi.advanceTimersByTime(10_000);
    const tokens = await poll(auth.device_code);
    expect(tokens.status).toBe(200);
    const granted = (await tokens.json()) as Record<string, unknown>;
    expect(granted.access_token).toEqual(expect.any(String));
    expect(granted.id_token).toEqual(expect.any(String));
    expect(granted).not.toHaveProperty('refresh_token');
    // The data store answers for the person who approved.
    const me = await fetch(`${origin}/api/me`, { headers: { Authorization: `Bearer ${String(granted.access_token)}` } });
    expect(me.status).toBe(200);
    // Spent: polling again yields nothing.
    vi.advanceTimersByTime(10_000);
    expect(await errorOf(await poll(auth.device_code))).toBe('invalid_grant');
  });

  it('lets only the first approval count: a second person scanning the same QR is refused', async () => {
    const auth = await start();
    expect((await approve(auth.user_code, 'vneid-046095001234')).status).toBe(200);
    const second = await approve(auth.user_code, 'vneid-092301004567');
    expect(second.status).toBe(409);
    expect(await second.text()).toMatch(/already been used/);
    const page = await fetch(auth.verification_uri_complete.replace('user_code=', 'ui_locales=en&user_code='));
    expect(page.status).toBe(410);
  });

  it('answers access_denied when the person declines', async () => {
    const auth = await start();
    expect((await approve(auth.user_code, '', 'deny')).status).toBe(200);
    expect(await errorOf(await poll(auth.device_code))).toBe('access_denied');
  });

  it('answers expired_token after the code lived its 10 minutes, and the phone is told it expired', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const auth = await start();
    vi.advanceTimersByTime(DEVICE_CODE_TTL_SECONDS * 1000 + 1);
    expect(await errorOf(await poll(auth.device_code))).toBe('expired_token');
    const late = await approve(auth.user_code);
    expect(late.status).toBe(409);
    expect(await late.text()).toMatch(/expired/);
  });

  it('shows the phone a clear page for a code that is not ours, and refuses another client polling', async () => {
    const unknown = await fetch(`${origin}/idp/device?ui_locales=en&user_code=ZZZZ-ZZZZ`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toMatch(/no such code/);
    const auth = await start();
    expect((await poll(auth.device_code, 'someone-else')).status).toBe(401);
  });
});
