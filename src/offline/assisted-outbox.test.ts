import { afterEach, describe, expect, it, vi } from 'vitest';
import { drainOutbox, enqueue, listAssistedWaiting, rebindAssisted, type OutboxTransport } from './outbox.ts';
import { PERSONAL_DB, beginPersonalSession, dropDraftsNotOwnedBy, dropEverythingOf, saveDraft, listDrafts, type OutboxItem } from './personal-db.ts';
import { setActingSession } from '../auth/session.ts';
import { ApiError } from '../api/errors.ts';
import { wipePersonalData } from '../auth/wipe.ts';
import { forgetKeptSession, keepAfterSignIn } from '../auth/keep.ts';

/**
 * A resident's dossier queued by a volunteer (docs/domain/assisted.md): sealed at rest, sent with
 * the resident's delegated token whoever is signed in, gone once sent, kept when the consent ended.
 */
const RESIDENT = { sub: 'resident-hai', name: 'Phạm Văn Hải', token: 'delegated-token-of-hai' };

const act = (expiresAt = Math.floor(Date.now() / 1000) + 3600) =>
  setActingSession({ sub: RESIDENT.sub, name: RESIDENT.name, accessToken: RESIDENT.token, idToken: '', expiresAt, consentId: 'UQ-1', actorSub: 'volunteer-hung' });

const queueForResident = () =>
  enqueue({
    id: 'item-1',
    owner: RESIDENT.sub,
    type: 'dossier',
    procedureId: '1.004873',
    procedureName: 'Cấp Giấy xác nhận tình trạng hôn nhân',
    values: { fullName: RESIDENT.name, phone: '0378123456' },
    attachments: [{ kind: 'file', requirement: null, key: 'f-1', name: 'giay.jpg', mime: 'image/jpeg', data: new Uint8Array([0xff, 0xd8, 0xff, 9]).buffer, size: 4 }],
  });

const rawOutbox = () =>
  new Promise<unknown[]>((resolve, reject) => {
    const open = indexedDB.open(PERSONAL_DB);
    open.onerror = () => reject(open.error ?? new Error('open failed'));
    open.onsuccess = () => {
      const all = open.result.transaction('outbox').objectStore('outbox').getAll();
      all.onsuccess = () => {
        open.result.close();
        resolve(all.result);
      };
    };
  });

const transport = () => {
  const sent: { values: unknown; token: string | undefined }[] = [];
  let uploadToken: string | undefined;
  const t: OutboxTransport = {
    upload: vi.fn(async (_b, _n, _k, onProgress, token) => {
      uploadToken = token;
      onProgress(1);
      return { id: 'u-1' };
    }),
    submitDossier: vi.fn(async (item: OutboxItem) => {
      const { assistedSecret } = await import('./outbox.ts');
      sent.push({ values: item.values, token: assistedSecret(item.id)?.token });
      return { code: '000.00.12.H46-261202-0001' };
    }),
    submitSupplement: vi.fn(),
    submitRating: vi.fn(),
    endConsent: vi.fn(async () => undefined),
  };
  return { t, sent, uploadToken: () => uploadToken };
};

afterEach(async () => {
  setActingSession(null);
  await wipePersonalData();
  beginPersonalSession();
});

describe('a resident’s queued dossier', () => {
  it('is sealed at rest: nothing of the resident in clear, not even the token', async () => {
    act();
    await queueForResident();
    const [stored] = (await rawOutbox()) as OutboxItem[];
    expect(stored?.values).toEqual({});
    expect(stored?.attachments).toEqual([]);
    expect(stored?.assisted?.sealed?.data.byteLength).toBeGreaterThan(0);
    const text = JSON.stringify(stored);
    for (const secret of [RESIDENT.name, '0378123456', RESIDENT.token]) expect(text).not.toContain(secret);
  });

  it('is sent after the help ended, once, with its answers, papers and the resident’s token, then deleted', async () => {
    act();
    await queueForResident();
    setActingSession(null);
    const backend = transport();
    await drainOutbox('volunteer-hung', backend.t);
    expect(backend.sent).toEqual([{ values: { fullName: RESIDENT.name, phone: '0378123456' }, token: RESIDENT.token }]);
    expect(backend.uploadToken()).toBe(RESIDENT.token);
    expect(await rawOutbox()).toEqual([]);
    await drainOutbox('volunteer-hung', backend.t);
    expect(backend.sent).toHaveLength(1);
  });

  it('ends the consent at the backend once the last dossier the ended help left waiting is sent, not before', async () => {
    act();
    await queueForResident();
    await enqueue({ id: 'item-2', owner: RESIDENT.sub, type: 'dossier', procedureId: '1.004873', procedureName: 'x', values: { fullName: RESIDENT.name }, attachments: [] });
    setActingSession(null);
    const backend = transport();
    // The second one is refused for now (the connection drops): the consent is still needed.
    let calls = 0;
    backend.t.submitDossier = vi.fn(async (item: OutboxItem) => {
      calls += 1;
      if (calls === 2) throw new ApiError('network', 'dropped');
      backend.sent.push({ values: item.values, token: undefined });
      return { code: `000.00.12.H46-261202-000${calls}` };
    });
    await drainOutbox('volunteer-hung', backend.t);
    expect(backend.sent).toHaveLength(1);
    expect(backend.t.endConsent).not.toHaveBeenCalled();
    await drainOutbox('volunteer-hung', backend.t);
    expect(backend.sent).toHaveLength(2);
    expect(backend.t.endConsent).toHaveBeenCalledExactlyOnceWith('UQ-1', expect.any(Number));
  });

  it('leaves the consent running while its help is still open on the phone, and a failed end loses nothing', async () => {
    act();
    await queueForResident();
    const backend = transport();
    await drainOutbox('volunteer-hung', backend.t);
    expect(backend.sent).toHaveLength(1);
    expect(backend.t.endConsent).not.toHaveBeenCalled();

    await enqueue({ id: 'item-3', owner: RESIDENT.sub, type: 'dossier', procedureId: '1.004873', procedureName: 'x', values: {}, attachments: [] });
    setActingSession(null);
    backend.t.endConsent = vi.fn(async () => {
      throw new ApiError('network', 'dropped');
    });
    await drainOutbox('volunteer-hung', backend.t);
    expect(backend.t.endConsent).toHaveBeenCalledExactlyOnceWith('UQ-1', expect.any(Number));
    expect(backend.sent).toHaveLength(2);
    expect(await listAssistedWaiting()).toEqual([]);
    expect((await rawOutbox()).map((i) => (i as OutboxItem).id)).toEqual(['item-1']);
  });

  it('is kept, not sent, when the consent ended first; a new consent sends it', async () => {
    act(Math.floor(Date.now() / 1000) - 1);
    await queueForResident();
    setActingSession(null);
    const backend = transport();
    await drainOutbox('volunteer-hung', backend.t);
    expect(backend.sent).toEqual([]);
    const [waiting] = await listAssistedWaiting();
    expect(waiting).toMatchObject({ state: 'failed', lastError: { code: 'consent-expired' }, residentName: RESIDENT.name });
    expect(await rebindAssisted(RESIDENT.sub, { token: 'new-token', residentName: RESIDENT.name, consentId: 'UQ-2', expiresAt: Math.floor(Date.now() / 1000) + 600 })).toBe(1);
    await drainOutbox('volunteer-hung', backend.t);
    expect(backend.sent.map((s) => s.token)).toEqual(['new-token']);
  });

  it.each(['consent-revoked', 'consent-ended'])('is kept when the backend refuses it as %s; a new consent sends it', async (code) => {
    act();
    await queueForResident();
    setActingSession(null);
    const backend = transport();
    const submit = backend.t.submitDossier;
    backend.t.submitDossier = vi.fn(async () => {
      throw new ApiError('client', 'HTTP 403: /dossiers', { status: 403, code });
    });
    await drainOutbox('volunteer-hung', backend.t);
    expect(await listAssistedWaiting()).toMatchObject([{ id: 'item-1', state: 'failed', lastError: { code }, residentName: RESIDENT.name }]);
    expect(backend.t.endConsent).not.toHaveBeenCalled();
    backend.t.submitDossier = submit;
    expect(await rebindAssisted(RESIDENT.sub, { token: 'new-token', residentName: RESIDENT.name, consentId: 'UQ-2', expiresAt: Math.floor(Date.now() / 1000) + 600 })).toBe(1);
    await drainOutbox('volunteer-hung', backend.t);
    expect(backend.sent).toEqual([{ values: { fullName: RESIDENT.name, phone: '0378123456' }, token: 'new-token' }]);
  });

  it('outlives the end of the help and a later sign-in, while the resident’s drafts do not', async () => {
    act();
    await queueForResident();
    await saveDraft({ owner: RESIDENT.sub, procedureId: '1.004873', procedureName: 'x', definitionVersion: 1, values: { fullName: RESIDENT.name }, provenance: {}, prefilledCount: 0, updatedAt: new Date().toISOString() });
    await saveDraft({ owner: 'volunteer-hung', procedureId: '1.004873', procedureName: 'x', definitionVersion: 1, values: {}, provenance: {}, prefilledCount: 0, updatedAt: new Date().toISOString() });
    setActingSession(null);
    await dropEverythingOf(RESIDENT.sub);
    await dropDraftsNotOwnedBy('volunteer-hung');
    expect(await listDrafts(RESIDENT.sub)).toEqual([]);
    expect(await listDrafts('volunteer-hung')).toHaveLength(1);
    expect(await rawOutbox()).toHaveLength(1);
  });

  it('still opens and is sent after the volunteer signs in again, keeping the session or not; their sign-out wipes it', async () => {
    act();
    await queueForResident();
    setActingSession(null);
    // The volunteer's own sign-ins: one on a shared phone (nothing kept), then one kept.
    await forgetKeptSession();
    await keepAfterSignIn({ refresh_token: 'refresh-of-hung', access_token: 'access-of-hung', profile: { sub: 'volunteer-hung', name: 'Trần Văn Hùng' } });
    await forgetKeptSession();
    expect(await listAssistedWaiting()).toMatchObject([{ id: 'item-1', residentName: RESIDENT.name, values: { fullName: RESIDENT.name } }]);
    const backend = transport();
    await drainOutbox('volunteer-hung', backend.t);
    expect(backend.sent).toEqual([{ values: { fullName: RESIDENT.name, phone: '0378123456' }, token: RESIDENT.token }]);

    // A sign-out is a wipe: an unsent one goes with the key that sealed it.
    act();
    await enqueue({ id: 'item-2', owner: RESIDENT.sub, type: 'dossier', procedureId: '1.004873', procedureName: 'x', values: { fullName: RESIDENT.name }, attachments: [] });
    setActingSession(null);
    await wipePersonalData();
    const left = (await indexedDB.databases()).map((d) => d.name);
    expect(left).not.toContain(PERSONAL_DB);
    expect(left).not.toContain('mcs-keep');
  });
});
