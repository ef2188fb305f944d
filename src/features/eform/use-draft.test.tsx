import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { renderHook, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { FormDefinition } from '../../api/forms/schema.ts';
import type { Procedure } from '../../api/procedures/schema.ts';
import { saveDraft, type Draft } from '../../offline/personal-db.ts';
import { readDraftEarly, useDraft } from './use-draft.ts';

const definition = FormDefinition.parse({
  procedureId: 'p-1',
  version: 1,
  title: { vi: 'Tờ khai thử' },
  sections: [{ id: 's', title: { vi: 'Phần' }, fields: [{ id: 'agency', type: 'text', label: { vi: 'Cơ quan' }, required: true }] }],
});
const procedure = { id: 'p-1', name: 'Thủ tục thử' } as Procedure;
const draft: Draft = {
  owner: 'sub-early',
  procedureId: 'p-1',
  procedureName: 'Thủ tục thử',
  definitionVersion: 1,
  values: { agency: 'UBND phường Kim Long' },
  provenance: {},
  prefilledCount: 0,
  updatedAt: '2026-11-20T03:00:00.000Z',
};

const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={new QueryClient()}>{children}</QueryClientProvider>;

describe('useDraft', () => {
  it('takes the read the route started early, once', async () => {
    await saveDraft(draft);
    await readDraftEarly('sub-early', 'p-1');
    // Written after the early read: the page still shows what the route read for it…
    await saveDraft({ ...draft, values: { agency: 'UBND xã Đất Mũi' } });
    const first = renderHook(() => useDraft('sub-early', procedure, definition), { wrapper });
    await waitFor(() => expect(first.result.current).toMatchObject({ status: 'ready', draft: { values: { agency: 'UBND phường Kim Long' } } }));
    first.unmount();

    // …and a later visit reads the device again.
    const second = renderHook(() => useDraft('sub-early', procedure, definition), { wrapper });
    await waitFor(() => expect(second.result.current).toMatchObject({ status: 'ready', draft: { values: { agency: 'UBND xã Đất Mũi' } } }));
  });

  it('never hands one citizen the draft read early for another', async () => {
    await saveDraft(draft);
    await saveDraft({ ...draft, owner: 'sub-other', values: { agency: 'UBND phường Hương Thủy' } });
    await readDraftEarly('sub-early', 'p-1');
    const other = renderHook(() => useDraft('sub-other', procedure, definition), { wrapper });
    await waitFor(() => expect(other.result.current).toMatchObject({ status: 'ready', draft: { owner: 'sub-other', values: { agency: 'UBND phường Hương Thủy' } } }));
  });
});
