import { createHmac, generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CLIENT_ID, signJwt, subjectFor } from './idp.ts';
import { codeFrom, consent, exchange, origin } from './oidc-test-client.ts';

/**
 * The simulated VNeID holds itself to what a real OpenID provider does: ID tokens signed with a
 * key whose public half it publishes, pairwise subjects, and a logout that believes only its own
 * unexpired ID tokens and returns only to an exactly registered URI.
 */
const AN = 'vneid-046095001234';
const LAN = 'vneid-092301004567';

const signIn = async (citizen = AN) => (await (await exchange(codeFrom(await consent(citizen)))).json()) as { access_token: string; id_token: string };
const part = (jwt: string, index: number) => JSON.parse(Buffer.from(jwt.split('.')[index] ?? '', 'base64url').toString()) as Record<string, unknown>;
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const me = (token: string) => fetch(`${origin}/api/me`, { headers: { Authorization: `Bearer ${token}` } });
const logout = (params: Record<string, string>) => fetch(`${origin}/idp/logout?${new URLSearchParams(params).toString()}`, { redirect: 'manual' });

describe('ID tokens', () => {
  it('are RS256, verifiable with the key published at the discovery document’s jwks_uri', async () => {
    const config = (await (await fetch(`${origin}/idp/.well-known/openid-configuration`)).json()) as { jwks_uri: string; id_token_signing_alg_values_supported: string[]; subject_types_supported: string[] };
    expect(config.id_token_signing_alg_values_supported).toEqual(['RS256']);
    expect(config.subject_types_supported).toEqual(['pairwise']);
    const { keys } = (await (await fetch(config.jwks_uri)).json()) as { keys: (JsonWebKey & { kid: string })[] };
    expect(keys).toHaveLength(1);
    expect(keys[0]).not.toHaveProperty('d'); // the public half only

    const { id_token } = await signIn();
    const header = part(id_token, 0);
    expect(header).toMatchObject({ alg: 'RS256', kid: keys[0]?.kid });
    const jwk = keys.find((k) => k.kid === header.kid);
    const key = await crypto.subtle.importKey('jwk', jwk ?? {}, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['verify']);
    const [h = '', p = '', s = ''] = id_token.split('.');
    const check = (payload: string) => crypto.subtle.verify('RSASSA-PKCS1-v1_5', key, Buffer.from(s, 'base64url'), new TextEncoder().encode(`${h}.${payload}`));
    expect(await check(p)).toBe(true);
    expect(await check(b64({ ...part(id_token, 1), sub: 'someone-else' }))).toBe(false);
  });

  it('name the citizen by a pairwise subject: not the ID number, stable, different per citizen and per client', async () => {
    const first = part((await signIn()).id_token, 1).sub as string;
    const again = part((await signIn()).id_token, 1).sub as string;
    const lan = part((await signIn(LAN)).id_token, 1).sub as string;
    expect(first).toBe(again);
    expect(first).not.toContain('046095001234');
    expect(first).not.toBe(AN);
    expect(lan).not.toBe(first);
    expect(subjectFor(AN, 'another-client')).not.toBe(first);
    // userinfo agrees with the ID token (oidc-client-ts checks), and the data store still answers.
    const { access_token } = await signIn();
    const userinfo = (await (await fetch(`${origin}/idp/userinfo`, { headers: { Authorization: `Bearer ${access_token}` } })).json()) as { sub: string };
    expect(userinfo.sub).toBe(first);
    expect(((await (await me(access_token)).json()) as { citizen: { fullName: string } }).citizen.fullName).toBe('Nguyễn Văn An');
  });
});

describe('logout', () => {
  const claims = (over: Record<string, unknown> = {}) => {
    const now = Math.floor(Date.now() / 1000);
    return { iss: `${origin}/idp`, aud: CLIENT_ID, iat: now, exp: now + 3600, sub: subjectFor(AN), ...over };
  };

  it('ends the session for a genuine hint and returns to the registered URI', async () => {
    const { access_token, id_token } = await signIn();
    const response = await logout({ id_token_hint: id_token, post_logout_redirect_uri: `${origin}/`, client_id: CLIENT_ID, state: 's1' });
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe(`${origin}/?state=s1`);
    expect((await me(access_token)).status).toBe(401);
  });

  it.each([
    ['signed with the old shared secret in the source', () => {
      const unsigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims())}`;
      return `${unsigned}.${createHmac('sha256', 'mot-cua-so-simulated-vneid').update(unsigned).digest('base64url')}`;
    }],
    ['signed by another RSA key', () => {
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const real = signJwt(claims());
      const unsigned = `${real.split('.')[0] ?? ''}.${b64(claims())}`;
      return `${unsigned}.${sign('sha256', Buffer.from(unsigned), privateKey).toString('base64url')}`;
    }],
    ['unsigned (alg none)', () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`],
    ['expired', () => signJwt(claims({ exp: Math.floor(Date.now() / 1000) - 1 }))],
    ['issued to another client', () => signJwt(claims({ aud: 'another-client' }))],
    ['issued by another issuer', () => signJwt(claims({ iss: 'https://evil.example/idp' }))],
  ])('refuses a hint %s and ends no session', async (_label, forge) => {
    const { access_token } = await signIn();
    const response = await logout({ id_token_hint: forge(), post_logout_redirect_uri: `${origin}/`, client_id: CLIENT_ID });
    expect(response.status).toBe(400);
    expect(response.headers.get('Location')).toBeNull();
    expect((await me(access_token)).status).toBe(200);
  });

  it.each(['https://evil.example/', `${origin}/evil`, `${origin}/?next=https://evil.example`, `${origin}`, `${origin}//evil.example/`])(
    'refuses the unregistered post-logout URI %s',
    async (target) => {
      const { access_token, id_token } = await signIn();
      const response = await logout({ id_token_hint: id_token, post_logout_redirect_uri: target, client_id: CLIENT_ID });
      expect(response.status).toBe(400);
      expect(response.headers.get('Location')).toBeNull();
      expect((await me(access_token)).status).toBe(200);
    },
  );
});
