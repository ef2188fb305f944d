import { describe, expect, it } from 'vitest';
import { beginPersonalSession, deleteDraft, dropDraftsNotOwnedBy, listDrafts, loadDraft, saveDraft, type Draft } from './personal-db.ts';
import { wipePersonalData } from '../auth/wipe.ts';

const draft = (owner: string, procedureId: string, updatedAt: string): Draft => ({
  owner,
  procedureId,
  procedureName: `Thủ tục ${procedureId}`,
  definitionVersion: 1,
  values: { fullName: 'Nguyễn Văn An' },
  provenance: {},
  prefilledCount: 1,
  updatedAt,
});

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
