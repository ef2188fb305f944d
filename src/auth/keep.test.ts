import { afterEach, describe, expect, it } from 'vitest';
import { codeFrom, consent, exchange, origin } from '../../mocks/oidc-test-client.ts';
import { subjectFor } from '../../mocks/idp.ts';
import { forget, keepStatus, lockIfAway, renew, resume } from './keep.ts';
import { deleteKeepDb, loadKeptSession, storeKeptSession, storeLockCredential } from './refresh-store.ts';
import { KEPT_FLAG, readSession, setMemorySession } from './session.ts';

const SUB = subjectFor('vneid-046095001234');

/** Renewal and sign-out of a kept session against the simulated VNeID (msw in Node). */
const signInKept = async () => {
  const tokens = (await (await exchange(codeFrom(await consent('vneid-046095001234', { scope: 'openid profile offline_access' })))).json()) as {
    refresh_token: string;
  };
  await storeKeptSession({ refreshToken: tokens.refresh_token, sub: SUB, name: 'Nguyễn Văn An' });
  localStorage.setItem(KEPT_FLAG, '1');
  localStorage.setItem('mcs.lastSeen', String(Date.now()));
  return tokens.refresh_token;
};

const refreshAtProvider = async (token: string) =>
  (await fetch(`${origin}/idp/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: token, client_id: 'mot-cua-so' }) })).json() as Promise<{ error?: string; error_description?: string }>;

afterEach(async () => {
  setMemorySession(null);
  await deleteKeepDb();
  localStorage.clear();
});

describe('the kept session', () => {
  it('renews silently on open: a rotated token kept, the access token in memory only', async () => {
    const first = await signInKept();
    expect(readSession()).toBeNull();
    expect((await resume()).status).toBe('resumed');
    const session = readSession();
    expect(session?.sub).toBe(SUB);
    expect(session?.accessToken).toMatch(/^[\w-]{20,}$/);
    expect(session?.expiresAt).toBeGreaterThan(Date.now() / 1000);
    expect(JSON.stringify({ ...localStorage, ...sessionStorage })).not.toContain(session?.accessToken);
    const kept = await loadKeptSession();
    expect(kept?.refreshToken).not.toBe(first);
    // The spent token is now a reuse: the provider ends the family.
    expect(await refreshAtProvider(first)).toMatchObject({ error: 'invalid_grant', error_description: 'Refresh token reused' });
  });

  it('refuses a renewal whose ID token names someone else', async () => {
    const first = await signInKept();
    await storeKeptSession({ refreshToken: first, sub: 'someone-else', name: '' });
    expect(await renew()).toMatchObject({ status: 'ended', reason: 'revoked' });
    expect(readSession()).toBeNull();
  });

  it('after the lock period without a platform authenticator, asks for VNeID again', async () => {
    await signInKept();
    localStorage.setItem('mcs.lastSeen', String(Date.now() - 6 * 60 * 1000));
    expect(await resume()).toMatchObject({ status: 'ended', reason: 'lock' });
    expect(readSession()).toBeNull();
  });

  it('shown again after the lock period (a tab hidden, not closed), asks as on reopening; sooner, it does not', async () => {
    await signInKept();
    expect((await resume()).status).toBe('resumed');
    const open = readSession();
    localStorage.setItem('mcs.lastSeen', String(Date.now() - 4 * 60 * 1000));
    expect((await lockIfAway()).status).toBe('resumed');
    await storeLockCredential(new Uint8Array([1, 2, 3]).buffer);
    localStorage.setItem('mcs.lastSeen', String(Date.now() - 5 * 60 * 1000 - 1));
    expect(await lockIfAway()).toMatchObject({ status: 'locked', name: 'Nguyễn Văn An' });
    // Behind the lock nothing is renewed silently, and the page keeps its citizen (no draft lost).
    expect(readSession()).toBe(open);
  });

  it('shown again after the lock period without a platform authenticator: VNeID again', async () => {
    await signInKept();
    expect((await resume()).status).toBe('resumed');
    localStorage.setItem('mcs.lastSeen', String(Date.now() - 6 * 60 * 1000));
    expect(await lockIfAway()).toMatchObject({ status: 'ended', reason: 'lock', sub: SUB });
  });

  it('says when renewal is impossible (revoked at the provider), and forgets the token', async () => {
    await signInKept();
    await fetch(`${origin}/api/__mock/revoke-refresh-tokens`, { method: 'POST' });
    expect(await renew()).toMatchObject({ status: 'ended', reason: 'revoked', sub: SUB });
    expect(await loadKeptSession()).toBeUndefined();
    // Reopening later still knows why, and whose outbox waits.
    expect(await resume()).toMatchObject({ status: 'ended', reason: 'revoked', sub: SUB });
  });

  it('sign-out revokes the refresh token at the provider (RFC 7009) and deletes it with its key', async () => {
    await signInKept();
    const token = (await loadKeptSession())?.refreshToken ?? '';
    await forget();
    expect(await refreshAtProvider(token)).toMatchObject({ error: 'invalid_grant', error_description: 'Refresh token revoked' });
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain('mcs-keep');
    expect(localStorage.getItem(KEPT_FLAG)).toBeNull();
    expect(keepStatus().status).toBe('none');
  });
});
