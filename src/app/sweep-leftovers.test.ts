import { describe, expect, it } from 'vitest';
import { listDrafts, saveDraft } from '../offline/personal-db.ts';
import { CITIZEN, signIn } from '../test/session.ts';
import { sweepLeftovers } from './OutboxAgent.tsx';

/** Lan (mocks/fixtures/citizens.ts): here, a resident a volunteer was helping when the page reloaded. */
const RESIDENT = 'vneid-092301004567';

const draftOf = (owner: string) =>
  saveDraft({ owner, procedureId: '1.004873', procedureName: 'Cấp Giấy xác nhận tình trạng hôn nhân', definitionVersion: 1, values: { purpose: 'x' }, provenance: {}, prefilledCount: 0, updatedAt: new Date().toISOString(), attachments: [] });

describe('a help ended by a reload instead of End', () => {
  it("drops the resident's draft at the next page load and keeps the signed-in person's own, once", async () => {
    signIn(CITIZEN);
    await draftOf(CITIZEN);
    await draftOf(RESIDENT);
    await sweepLeftovers();
    expect(await listDrafts(RESIDENT)).toEqual([]);
    expect(await listDrafts(CITIZEN)).toHaveLength(1);
    // Once per page load: a help started after it is ended by its own End, not by this.
    await draftOf(RESIDENT);
    await sweepLeftovers();
    expect(await listDrafts(RESIDENT)).toHaveLength(1);
  });
});
