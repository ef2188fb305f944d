import { afterEach, describe, expect, it, vi } from 'vitest';
import { REFRESH_ABSOLUTE_SECONDS, REFRESH_IDLE_SECONDS } from './idp.ts';
import { codeFrom, consent, exchange, origin } from './oidc-test-client.ts';

/**
 * Refresh tokens at the simulated VNeID: only with offline_access, rotated on every use, a
 * reused one ends the whole session family, idle and absolute lifetimes, RFC 7009 revocation.
 */
const AN = 'vneid-046095001234';

interface Tokens {
  access_token: string;
  refresh_token?: string;
  id_token: string;
}

const signIn = async (scope = 'openid profile offline_access') =>
  (await (await exchange(codeFrom(await consent(AN, { scope })))).json()) as Tokens;

const refresh = (token: string, clientId = 'mot-cua-so') =>
  fetch(`${origin}/idp/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: token, client_id: clientId }) });

const me = (token: string) => fetch(`${origin}/api/me`, { headers: { Authorization: `Bearer ${token}` } });
const revoke = (token: string) => fetch(`${origin}/idp/revoke`, { method: 'POST', body: new URLSearchParams({ token, client_id: 'mot-cua-so' }) });

afterEach(() => {
  vi.useRealTimers();
});

describe('refresh tokens', () => {
  it('are issued only when offline_access was asked for', async () => {
    expect((await signIn('openid profile')).refresh_token).toBeUndefined();
    expect((await signIn()).refresh_token).toMatch(/^[\w-]{40,}$/);
    const config = (await (await fetch(`${origin}/idp/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(config).toMatchObject({ revocation_endpoint: `${origin}/idp/revoke`, grant_types_supported: expect.arrayContaining(['authorization_code', 'refresh_token']) });
  });

  it('rotate: each use returns a new refresh token and a working access token', async () => {
    const first = await signIn();
    const response = await refresh(first.refresh_token ?? '');
    expect(response.status).toBe(200);
    const second = (await response.json()) as Tokens;
    expect(second.refresh_token).toBeDefined();
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect((await me(second.access_token)).status).toBe(200);
    // The new one works in turn.
    expect((await refresh(second.refresh_token ?? '')).status).toBe(200);
  });

  it('a reused refresh token ends the whole family, the thief’s and the citizen’s tokens alike', async () => {
    const first = await signIn();
    const second = (await (await refresh(first.refresh_token ?? '')).json()) as Tokens;
    // A copy of the first token is presented again.
    const reuse = await refresh(first.refresh_token ?? '');
    expect(reuse.status).toBe(400);
    expect(await reuse.json()).toMatchObject({ error: 'invalid_grant', error_description: 'Refresh token reused' });
    // The legitimate latest token is dead too, and so is its access token.
    expect(await (await refresh(second.refresh_token ?? '')).json()).toMatchObject({ error: 'invalid_grant', error_description: 'Refresh token revoked' });
    expect((await me(second.access_token)).status).toBe(401);
    // Another sign-in is another family, untouched.
    const other = await signIn();
    expect((await refresh(other.refresh_token ?? '')).status).toBe(200);
  });

  it('die after 30 idle days, and the family after 90 days however active', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = Date.now();
    const idle = await signIn();
    vi.setSystemTime(start + REFRESH_IDLE_SECONDS * 1000 - 1000);
    let latest = (await (await refresh(idle.refresh_token ?? '')).json()) as Tokens;
    expect(latest.refresh_token).toBeDefined();
    vi.setSystemTime(start + 2 * REFRESH_IDLE_SECONDS * 1000);
    expect(await (await refresh(latest.refresh_token ?? '')).json()).toMatchObject({ error: 'invalid_grant', error_description: 'Refresh token expired' });

    vi.setSystemTime(start);
    latest = await signIn();
    for (let day = 20; day < 90; day += 20) {
      vi.setSystemTime(start + day * 86_400_000);
      latest = (await (await refresh(latest.refresh_token ?? '')).json()) as Tokens;
      expect(latest.refresh_token).toBeDefined();
    }
    vi.setSystemTime(start + REFRESH_ABSOLUTE_SECONDS * 1000 + 1000);
    expect(await (await refresh(latest.refresh_token ?? '')).json()).toMatchObject({ error: 'invalid_grant', error_description: 'Refresh token expired' });
  });

  it('are refused to another client', async () => {
    const first = await signIn();
    expect((await refresh(first.refresh_token ?? '', 'someone-else')).status).toBe(401);
  });

  it('revocation (RFC 7009) ends the family and its access tokens; unknown tokens are no error', async () => {
    const first = await signIn();
    expect((await revoke(first.refresh_token ?? '')).status).toBe(200);
    expect(await (await refresh(first.refresh_token ?? '')).json()).toMatchObject({ error: 'invalid_grant' });
    expect((await me(first.access_token)).status).toBe(401);
    expect((await revoke('not-a-token')).status).toBe(200);
  });

  it('the test control ends every kept session', async () => {
    const first = await signIn();
    expect((await fetch(`${origin}/api/__mock/revoke-refresh-tokens`, { method: 'POST' })).status).toBe(204);
    expect(await (await refresh(first.refresh_token ?? '')).json()).toMatchObject({ error: 'invalid_grant', error_description: 'Refresh token revoked' });
  });
});
