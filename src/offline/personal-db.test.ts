import { beforeEach, describe, expect, it, vi } from 'vitest';
import { openDB } from 'idb';
import {
  PERSONAL_DB,
  beginPersonalSession,
  closePersonalDb,
  deleteDraft,
  dropDraftsNotOwnedBy,
  getOutboxItem,
  listDrafts,
  listOutbox,
  loadDraft,
  loadSnapshot,
  onRecordDropped,
  personalDb,
  putOutboxItem,
  readDraft,
  saveDraft,
  saveSnapshot,
  type DroppedRecord,
} from './personal-db.ts';
import { wipePersonalData } from '../auth/wipe.ts';
import { draft as draftFactory, fileAttachment, outboxItem } from '../test/factories.ts';

const draft = (owner: string, procedureId: string, updatedAt: string) =>
  draftFactory({ owner, procedureId, procedureName: `Thủ tục ${procedureId}`, values: { fullName: 'Nguyễn Văn An' }, prefilledCount: 1, updatedAt });

describe('drafts on the device', () => {
  it('belong to one citizen only and list newest first', async () => {
    await saveDraft(draft('an', '1.001193', '2026-11-20T01:00:00Z'));
    await saveDraft(draft('an', '1.004222', '2026-11-21T01:00:00Z'));
    await saveDraft(draft('binh', '1.001193', '2026-11-22T01:00:00Z'));
    expect((await listDrafts('an')).map((d) => d.procedureId)).toEqual(['1.004222', '1.001193']);
    expect(await listDrafts('binh')).toHaveLength(1);
    expect(await loadDraft('binh', '1.004222')).toBeUndefined();
    await deleteDraft('an', '1.004222');
    expect((await listDrafts('an')).map((d) => d.procedureId)).toEqual(['1.001193']);
  });

  it('keep only the signed-in citizen’s drafts when someone else signs in', async () => {
    await saveDraft(draft('an', '1.001193', '2026-11-20T01:00:00Z'));
    await saveDraft(draft('binh', '1.001193', '2026-11-22T01:00:00Z'));
    await dropDraftsNotOwnedBy('binh');
    expect(await listDrafts('an')).toEqual([]);
    expect(await listDrafts('binh')).toHaveLength(1);
  });

  it('are gone after a wipe, along with web storage (display preferences stay)', async () => {
    await saveDraft(draft('an', '1.001193', '2026-11-20T01:00:00Z'));
    sessionStorage.setItem('mcs.oidc.user:x', '{"access_token":"t"}');
    localStorage.setItem('mcs.language', 'vi');
    localStorage.setItem('something-personal', 'x');
    await wipePersonalData();
    expect(sessionStorage.length).toBe(0);
    expect(localStorage.getItem('something-personal')).toBeNull();
    expect(localStorage.getItem('mcs.language')).toBe('vi');
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain('mcs-personal');
    // Something still running for the signed-out citizen (an upload finishing) cannot write again…
    await expect(saveDraft(draft('an', '1.004222', '2026-11-20T02:00:00Z'))).rejects.toThrow(/wiped/);
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain('mcs-personal');
    // …until the next person's session begins.
    beginPersonalSession();
    expect(await listDrafts('an')).toEqual([]);
  });
});

/** Writes a record as it is, whatever its shape: as an older version of the app might have. */
const putRaw = async (store: 'drafts' | 'outbox' | 'snapshots', record: unknown) => {
  const db = await openDB(PERSONAL_DB);
  await db.put(store, record);
  db.close();
};
const countRaw = async (store: 'drafts' | 'outbox' | 'snapshots') => (await personalDb()).count(store);

describe('what an older version left on the device', () => {
  beforeEach(async () => {
    await wipePersonalData();
    beginPersonalSession();
    // Opened (and upgraded) by the app first, as on a phone that already had the database.
    await personalDb();
    await closePersonalDb();
  });

  it('a draft from before provenance and the pre-filled count were kept is brought up to date', async () => {
    await putRaw('drafts', {
      owner: 'an',
      procedureId: '1.001193',
      procedureName: 'Đăng ký khai sinh',
      definitionVersion: 1,
      values: { childFullName: 'Nguyễn Minh Châu' },
      updatedAt: '2026-11-20T01:00:00.000Z',
    });
    const { draft, dropped } = await readDraft('an', '1.001193');
    expect(dropped).toBe(false);
    expect(draft).toMatchObject({ values: { childFullName: 'Nguyễn Minh Châu' }, provenance: {}, prefilledCount: 0 });
  });

  it('provenance naming a source this version does not know is left out; the value stays', async () => {
    const stored = draftFactory({ values: { fullName: 'Nguyễn Văn An', idNumber: '046095001234' } });
    await putRaw('drafts', {
      ...stored,
      provenance: {
        fullName: { source: 'population-db', retrievedAt: '2026-11-20T01:00:00.000Z', locked: true, path: 'citizen.fullName' },
        idNumber: { source: 'old-registry', retrievedAt: '2026-11-20T01:00:00.000Z', locked: true, path: 'citizen.idNumber' },
      },
    });
    const loaded = await loadDraft('an', '1.001193');
    expect(Object.keys(loaded?.provenance ?? {})).toEqual(['fullName']);
    expect(loaded?.values).toEqual({ fullName: 'Nguyễn Văn An', idNumber: '046095001234' });
  });

  it('a draft that cannot be read is deleted and reported, never thrown', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const told: DroppedRecord[] = [];
    const stop = onRecordDropped((d) => told.push(d));
    await putRaw('drafts', { owner: 'an', procedureId: '1.001193', values: 'Nguyễn Minh Châu', updatedAt: 'hôm qua' });
    await saveDraft(draftFactory({ procedureId: '1.004222' }));

    await expect(readDraft('an', '1.001193')).resolves.toEqual({ draft: undefined, dropped: true });
    expect(told).toEqual([expect.objectContaining({ store: 'drafts', key: ['an', '1.001193'], issues: expect.stringContaining('values') })]);
    expect(warn).toHaveBeenCalledOnce();
    // Gone: the next read is a plain "no draft", and the list holds only what is readable.
    await expect(readDraft('an', '1.001193')).resolves.toEqual({ draft: undefined, dropped: false });
    expect((await listDrafts('an')).map((d) => d.procedureId)).toEqual(['1.004222']);
    stop();
  });

  it('a list with unreadable drafts lists the rest and deletes those', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await putRaw('drafts', { owner: 'an', procedureId: '1.000001', definitionVersion: 'v1' });
    await saveDraft(draftFactory({ procedureId: '1.004222' }));
    expect((await listDrafts('an')).map((d) => d.procedureId)).toEqual(['1.004222']);
    expect(await countRaw('drafts')).toBe(1);
  });

  it('an outbox item from an older version keeps its place in the queue; an unknown error kind reads as unknown', async () => {
    await putRaw('outbox', {
      id: 'k-old',
      owner: 'an',
      type: 'dossier',
      procedureId: '1.001193',
      procedureName: 'Đăng ký khai sinh',
      values: { childFullName: 'Nguyễn Minh Châu' },
      attachments: [{ kind: 'data-store', requirement: 1, documentId: 'doc-1', title: 'Giấy chứng sinh' }],
      state: 'queued',
      createdAt: '2026-11-20T01:00:00.000Z',
      lastError: { kind: 'gateway-busy' },
    });
    const [item] = await listOutbox('an');
    expect(item).toMatchObject({ id: 'k-old', state: 'queued', attempts: 0, progress: 0, lastError: undefined });
    expect(await getOutboxItem('k-old')).toEqual(item);
  });

  it('an outbox item that cannot be read is deleted and reported; a file attachment round-trips', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await putRaw('outbox', { id: 'k-bad', owner: 'an', state: 'queued' });
    await putOutboxItem(outboxItem({ id: 'k-good', attachments: [fileAttachment()] }));
    expect((await listOutbox('an')).map((i) => i.id)).toEqual(['k-good']);
    const [attachment] = (await getOutboxItem('k-good'))?.attachments ?? [];
    expect(attachment?.kind === 'file' ? [...new Uint8Array(attachment.data)] : attachment).toEqual([0xff, 0xd8, 0xff]);
    await putRaw('outbox', { id: 'k-bad', owner: 'an', state: 'queued' });
    await expect(getOutboxItem('k-bad')).resolves.toBeUndefined();
    expect(await countRaw('outbox')).toBe(1);
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it('a dossier snapshot without its time is dropped rather than shown as of an unknown moment', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await putRaw('snapshots', { owner: 'an', key: 'list', data: { dossiers: [] } });
    await expect(loadSnapshot('an', 'list')).resolves.toBeUndefined();
    expect(await countRaw('snapshots')).toBe(0);
    await saveSnapshot('an', 'list', { dossiers: [] });
    await expect(loadSnapshot('an', 'list')).resolves.toMatchObject({ owner: 'an', key: 'list', data: { dossiers: [] } });
  });
});
