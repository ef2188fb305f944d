import { beforeEach, describe, expect, it } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { delay, http } from 'msw';
import { server } from '../../../mocks/node.ts';
import { problem } from '../../../mocks/handlers/problem.ts';
import { assistedState } from '../../../mocks/assisted.ts';
import { issueAccessToken, issueDelegatedToken } from '../../../mocks/idp.ts';
import { OIDC_STORAGE_PREFIX } from '../../auth/config.ts';
import { setActingSession } from '../../auth/session.ts';
import { postTransport } from '../../components/feedback/post-transport.ts';
import { drainPosts } from '../../offline/outbox.ts';
import { endConsentDurably, sendConsentEndsBeforeSignOut } from '../../offline/consent-end.ts';
import { PERSONAL_DB, listPosts, saveDraft, saveSnapshot } from '../../offline/personal-db.ts';
import { consentBySms, VOLUNTEER } from '../../test/assisted.ts';
import { personalPageTests, setOnline } from '../../test/page-setup.ts';
import { CITIZEN } from '../../test/session.ts';
import { endHelp } from './end-help.ts';

/**
 * End (or 10 minutes idle) with nothing of the resident's waiting ends their consent at the
 * backend (docs/domain/assisted.md) — durably: without a signal the end waits on the phone,
 * holding the consent id and nothing else of the resident, and goes once the signal returns,
 * with the volunteer's own token.
 */
personalPageTests();

const RESIDENT_NAME = 'Nguyễn Văn An';
let delegated = '';
let volunteerToken = '';
const queryClient = new QueryClient();

beforeEach(() => {
  volunteerToken = issueAccessToken(VOLUNTEER);
  sessionStorage.setItem(
    `${OIDC_STORAGE_PREFIX}user:test`,
    JSON.stringify({ access_token: volunteerToken, id_token: '', expires_at: Math.floor(Date.now() / 1000) + 3600, profile: { sub: VOLUNTEER, name: 'Trần Văn Hùng' } }),
  );
  return () => {
    setActingSession(null);
    server.events.removeAllListeners();
  };
});

/** Hùng helps An under a confirmed consent; An's draft and a page of theirs are on the phone. */
const helpingAn = async (): Promise<string> => {
  const consentId = consentBySms();
  delegated = `delegated-${crypto.randomUUID()}`;
  const expiresAt = Math.floor(Date.now() / 1000) + 3600;
  issueDelegatedToken(delegated, CITIZEN, { actorId: VOLUNTEER, consentId }, expiresAt * 1000);
  setActingSession({ sub: CITIZEN, name: RESIDENT_NAME, accessToken: delegated, idToken: '', expiresAt, consentId, actorSub: VOLUNTEER });
  await saveDraft({ owner: CITIZEN, procedureId: '1.004873', procedureName: 'x', definitionVersion: 1, values: { fullName: RESIDENT_NAME, phone: '0912345678' }, provenance: {}, prefilledCount: 0, updatedAt: new Date().toISOString() });
  await saveSnapshot(CITIZEN, 'me', { fullName: RESIDENT_NAME, idNumber: '046095001234' });
  return consentId;
};

const statusOf = (consentId: string) => assistedState().consents.find((c) => c.id === consentId)?.status;
const endsLogged = (consentId: string) => assistedState().audit.filter((a) => a.action === 'consent-ended' && a.consentId === consentId).length;

/** Everything the phone's personal database holds, as written. */
const rawDb = () =>
  new Promise<Record<string, unknown[]>>((resolve, reject) => {
    const open = indexedDB.open(PERSONAL_DB);
    open.onerror = () => reject(open.error ?? new Error('open failed'));
    open.onsuccess = () => {
      const db = open.result;
      const stores = [...db.objectStoreNames];
      const out: Record<string, unknown[]> = {};
      const tx = db.transaction(stores);
      for (const store of stores) {
        const all = tx.objectStore(store).getAll();
        all.onsuccess = () => (out[store] = all.result);
      }
      tx.oncomplete = () => {
        db.close();
        resolve(out);
      };
    };
  });

/** Counts the requests that end a consent, and says with which token each went. */
const watchEnds = () => {
  const tokens: (string | null)[] = [];
  server.events.on('request:start', ({ request }) => {
    if (/\/api\/assisted\/consents\/[^/]+\/end$/.test(new URL(request.url).pathname)) tokens.push(request.headers.get('Authorization'));
  });
  return tokens;
};

describe('ending a help with nothing of the resident waiting', () => {
  it('without a signal: the end waits with the consent id only, and is sent once, with the volunteer’s own token, when the signal returns', async () => {
    const consentId = await helpingAn();
    const ends = watchEnds();
    setOnline(false);
    await endHelp(queryClient);

    expect(statusOf(consentId)).toBe('active');
    const db = await rawDb();
    expect(db.drafts).toEqual([]);
    expect(db.snapshots).toEqual([]);
    expect(db.outbox).toEqual([]);
    // The consent id, and when the consent runs out (a sign-out says until when it runs if unsent).
    expect(db.posts).toMatchObject([{ owner: VOLUNTEER, kind: 'consent-end', state: 'queued', body: { consentId, expiresAt: expect.any(Number) as number } }]);
    expect(Object.keys((db.posts?.[0] as { body: object }).body).sort()).toEqual(['consentId', 'expiresAt']);
    const text = JSON.stringify(db);
    for (const secret of [CITIZEN, RESIDENT_NAME, '0912345678', '046095001234', delegated]) expect(text).not.toContain(secret);

    setOnline(true);
    await drainPosts([VOLUNTEER], postTransport);
    expect(statusOf(consentId)).toBe('ended');
    expect(ends).toEqual([`Bearer ${volunteerToken}`]);
    expect(await listPosts([VOLUNTEER])).toMatchObject([{ kind: 'consent-end', state: 'sent', body: {} }]);

    await drainPosts([VOLUNTEER], postTransport);
    expect(ends).toHaveLength(1);
    expect(endsLogged(consentId)).toBe(1);
  });

  it('online: ends it at once, and nothing waits', async () => {
    const consentId = await helpingAn();
    await endHelp(queryClient);
    expect(statusOf(consentId)).toBe('ended');
    expect(await listPosts([VOLUNTEER])).toEqual([]);
  });

  it('a dropped connection or a server error queues the end; it stays queued while that lasts', async () => {
    const consentId = await helpingAn();
    server.use(http.post('*/api/assisted/consents/:id/end', () => problem(503, 'unavailable', 'Down for maintenance')));
    await endHelp(queryClient);
    expect(await listPosts([VOLUNTEER])).toMatchObject([{ kind: 'consent-end', state: 'queued', body: { consentId } }]);
    await drainPosts([VOLUNTEER], postTransport);
    expect(await listPosts([VOLUNTEER])).toMatchObject([{ kind: 'consent-end', state: 'queued', attempts: 1 }]);
    expect(statusOf(consentId)).toBe('active');
  });

  it.each([
    [404, 'consent-not-found'],
    [409, 'consent-not-active'],
    [410, 'consent-gone'],
    [403, 'consent-revoked'],
  ])('counts a %i %s answer (ended, revoked or expired already) as done', async (status, code) => {
    await helpingAn();
    setOnline(false);
    await endHelp(queryClient);
    server.use(http.post('*/api/assisted/consents/:id/end', () => problem(status, code, 'Not running any more')));
    setOnline(true);
    await drainPosts([VOLUNTEER], postTransport);
    expect(await listPosts([VOLUNTEER])).toMatchObject([{ kind: 'consent-end', state: 'sent', body: {} }]);
  });

  it('is queued once however often the end is asked for', async () => {
    const consentId = await helpingAn();
    const acting = { sub: CITIZEN, name: RESIDENT_NAME, accessToken: delegated, idToken: '', expiresAt: Math.floor(Date.now() / 1000) + 3600, consentId, actorSub: VOLUNTEER };
    setOnline(false);
    await endHelp(queryClient);
    setActingSession(acting);
    await endHelp(queryClient);
    expect(await listPosts([VOLUNTEER])).toHaveLength(1);
  });
});

describe('before a sign-out wipes the phone', () => {
  it('sends the waiting end, and nothing is left to warn about', async () => {
    const consentId = await helpingAn();
    setOnline(false);
    await endHelp(queryClient);
    setOnline(true);
    expect(await sendConsentEndsBeforeSignOut(VOLUNTEER)).toEqual([]);
    expect(statusOf(consentId)).toBe('ended');
    expect(await listPosts([VOLUNTEER])).toMatchObject([{ kind: 'consent-end', state: 'sent', body: {} }]);
  });

  it('waits a bounded time for a backend that does not answer, and says the end still waits', async () => {
    const consentId = await helpingAn();
    setOnline(false);
    await endHelp(queryClient);
    setOnline(true);
    server.use(http.post('*/api/assisted/consents/:id/end', () => delay('infinite')));
    const started = Date.now();
    expect(await sendConsentEndsBeforeSignOut(VOLUNTEER, 200)).toMatchObject([{ consentId, expiresAt: expect.any(Number) as number }]);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('does not warn about a consent that ran out by itself', async () => {
    const consentId = consentBySms();
    setOnline(false);
    expect(await endConsentDurably(consentId, Math.floor(Date.now() / 1000) - 1)).toBe('queued');
    expect(await sendConsentEndsBeforeSignOut(VOLUNTEER)).toEqual([]);
  });
});
