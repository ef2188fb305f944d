import { validAnswers } from './answers.ts';
import { describe, expect, it, vi } from 'vitest';
import { FormDefinition } from '../src/api/forms/schema.ts';
import { z } from 'zod/mini';
import { Correction, DataStore } from '../src/api/me/schema.ts';
import { authorizeParams, codeFrom, consent, exchange, origin } from './oidc-test-client.ts';
import { subjectFor } from './idp.ts';
import { demoCitizens } from './fixtures/citizens.ts';

/** The simulated VNeID end to end through msw/node, as oidc-client-ts drives it in the browser. */
const signIn = async (citizen = 'vneid-046095001234') => {
  const tokens = (await (await exchange(codeFrom(await consent(citizen)))).json()) as { access_token: string; id_token: string };
  return tokens;
};

const claimsOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>;
const auth = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });

describe('simulated identity provider', () => {
  it('publishes its endpoints', async () => {
    const config = (await (await fetch(`${origin}/idp/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(config).toMatchObject({ issuer: `${origin}/idp`, token_endpoint: `${origin}/idp/token`, end_session_endpoint: `${origin}/idp/logout`, code_challenge_methods_supported: ['S256'] });
  });

  it('shows every demo citizen on the authorize page, in the requested language', async () => {
    const vi = await fetch(`${origin}/idp/authorize?${authorizeParams().toString()}`);
    expect(vi.status).toBe(200);
    const html = await vi.text();
    expect(html).toContain('<html lang="vi">');
    expect(html.match(/type="radio"/g)).toHaveLength(demoCitizens.length);
    expect(html).toContain('Nguyễn Văn An');
    expect(html).not.toMatch(/<script|style=/);
    const en = await (await fetch(`${origin}/idp/authorize?${authorizeParams({ ui_locales: 'en-GB' }).toString()}`)).text();
    expect(en).toContain('Choose a demo citizen');
  });

  it('escapes what it echoes back into the page', async () => {
    const html = await (await fetch(`${origin}/idp/authorize?${authorizeParams({ state: '"><script>alert(1)</script>' }).toString()}`)).text();
    expect(html).not.toContain('<script>');
    expect(html).toContain('&quot;&gt;&lt;script&gt;');
  });

  it('refuses an unregistered redirect URI on its own page instead of redirecting', async () => {
    const response = await fetch(`${origin}/idp/authorize?${authorizeParams({ redirect_uri: 'https://evil.example/cb' }).toString()}`, { redirect: 'manual' });
    expect(response.status).toBe(400);
    expect(response.headers.get('Location')).toBeNull();
  });

  it('accepts assisted mode’s callback for a resident’s sign-in on a volunteer’s phone, and no other path', async () => {
    expect((await fetch(`${origin}/idp/authorize?${authorizeParams({ redirect_uri: `${origin}/assist/signed-in` }).toString()}`, { redirect: 'manual' })).status).toBe(200);
    expect((await fetch(`${origin}/idp/authorize?${authorizeParams({ redirect_uri: `${origin}/assist/other` }).toString()}`, { redirect: 'manual' })).status).toBe(400);
  });

  it('accepts the callback of an app on another origin only when that origin is configured (scripts/mock-backend.ts)', async () => {
    const params = authorizeParams({ redirect_uri: 'http://localhost:4173/auth/callback' }).toString();
    vi.stubEnv('MOCK_ALLOWED_ORIGINS', '');
    expect((await fetch(`${origin}/idp/authorize?${params}`, { redirect: 'manual' })).status).toBe(400);
    vi.stubEnv('MOCK_ALLOWED_ORIGINS', 'http://localhost:4173');
    expect((await fetch(`${origin}/idp/authorize?${params}`, { redirect: 'manual' })).status).toBe(200);
    vi.unstubAllEnvs();
  });

  it('sends a request without PKCE back with an error', async () => {
    const response = await fetch(`${origin}/idp/authorize?${authorizeParams({ code_challenge_method: 'plain' }).toString()}`, { redirect: 'manual' });
    const location = new URL(response.headers.get('Location') ?? '');
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('state')).toBe('st-1');
  });

  it('returns access_denied when the citizen declines, and asks again when none is chosen', async () => {
    const declined = await consent('', {}, 'deny');
    expect(new URL(declined.headers.get('Location') ?? '').searchParams.get('error')).toBe('access_denied');
    const none = await consent('');
    expect(none.status).toBe(400);
    expect(await none.text()).toContain('role="alert"');
  });

  it('issues tokens for the right verifier only, and each code once', async () => {
    const response = await consent('vneid-092301004567');
    expect(new URL(response.headers.get('Location') ?? '').searchParams.get('state')).toBe('st-1');
    const wrong = await exchange(codeFrom(response), 'x'.repeat(43));
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: 'invalid_grant' });

    const code = codeFrom(await consent('vneid-092301004567'));
    const ok = await exchange(code);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('Cache-Control')).toBe('no-store');
    const tokens = (await ok.json()) as { access_token: string; id_token: string; expires_in: number };
    expect(claimsOf(tokens.id_token)).toMatchObject({ sub: subjectFor('vneid-092301004567'), name: 'Lê Thị Lan', nonce: 'n-1', aud: 'mot-cua-so', iss: `${origin}/idp` });
    expect(tokens.expires_in).toBeGreaterThan(0);
    expect((await exchange(code)).status).toBe(400);
  });

  it('serves the citizen’s own data store, never cached, and nothing once the session has ended', async () => {
    const { access_token } = await signIn();
    const response = await fetch(`${origin}/api/me`, auth(access_token));
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    const store = DataStore.parse(await response.json());
    expect(store.citizen.fullName).toBe('Nguyễn Văn An');
    expect(store.sources.citizen.id).toBe('population-db');

    expect((await fetch(`${origin}/api/me`)).status).toBe(401);
    await fetch(`${origin}/api/__mock/expire-sessions`, { method: 'POST' });
    const expired = await fetch(`${origin}/api/me`, auth(access_token));
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({ code: 'session-expired' });
  });

  it('ends the session at logout and returns to the app', async () => {
    const { access_token, id_token } = await signIn();
    const params = new URLSearchParams({ id_token_hint: id_token, post_logout_redirect_uri: `${origin}/`, client_id: 'mot-cua-so' });
    const response = await fetch(`${origin}/idp/logout?${params.toString()}`, { redirect: 'manual' });
    expect(response.headers.get('Location')).toBe(`${origin}/`);
    expect((await fetch(`${origin}/api/me`, auth(access_token))).status).toBe(401);
  });

  it('files correction requests and refuses empty ones', async () => {
    const { access_token } = await signIn();
    const post = (body: unknown) =>
      fetch(`${origin}/api/me/corrections`, { method: 'POST', headers: { Authorization: `Bearer ${access_token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const ok = await post({ path: 'citizen.fullName', currentValue: 'Nguyễn Văn An', proposedValue: 'Nguyễn Văn Ân' });
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({ status: 'received' });
    expect((await post({ path: 'citizen.fullName', currentValue: 'A', proposedValue: 'A' })).status).toBe(422);
    expect((await post({ nonsense: true })).status).toBe(422);
    // Listed back with what was asked and when (the form and /me show it pending); refused filings are not.
    const receipt = (await (await post({ path: 'citizen.ethnicity', currentValue: 'Kinh', proposedValue: 'Tày', note: 'Theo giấy khai sinh' })).json()) as { id: string };
    const listed = await fetch(`${origin}/api/me/corrections`, auth(access_token));
    expect(listed.headers.get('Cache-Control')).toMatch(/no-store/);
    const list = z.array(Correction).parse(await listed.json());
    expect(list.at(-1)).toMatchObject({ id: receipt.id, path: 'citizen.ethnicity', currentValue: 'Kinh', proposedValue: 'Tày', note: 'Theo giấy khai sinh', status: 'received' });
    expect(list.filter((c) => c.currentValue === 'A')).toEqual([]);
    expect((await fetch(`${origin}/api/me/corrections`)).status).toBe(401);
  });

  it('serves a held document as a PDF, only to its owner', async () => {
    const { access_token } = await signIn();
    const file = await fetch(`${origin}/api/me/documents/doc-an-kh/file`, auth(access_token));
    expect(file.headers.get('Content-Type')).toBe('application/pdf');
    expect(new TextDecoder().decode((await file.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
    expect((await fetch(`${origin}/api/me/documents/doc-lan-bang/file`, auth(access_token))).status).toBe(404);
  });

  it('rejects an application whose locked values were tampered with', async () => {
    const { access_token } = await signIn();
    const definition = FormDefinition.parse(await (await fetch(`${origin}/api/forms/1.001193`)).json());
    const lockedName = definition.sections.flatMap((s) => s.fields).find((f) => f.prefill?.path === 'citizen.fullName' && f.prefill.lock === 'locked');
    expect(lockedName).toBeDefined();
    const check = (values: Record<string, unknown>) =>
      fetch(`${origin}/api/forms/1.001193/check`, { method: 'POST', headers: { Authorization: `Bearer ${access_token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ values }) });
    const answers = validAnswers('1.001193', 'vneid-046095001234');
    expect((await check({ ...answers, [lockedName?.id ?? '']: 'Nguyễn Văn An' })).status).toBe(200);
    const tampered = await check({ ...answers, [lockedName?.id ?? '']: 'Someone Else' });
    expect(tampered.status).toBe(422);
    expect(await tampered.json()).toMatchObject({ code: 'locked-value-changed', fields: [lockedName?.id] });
  });
});
