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
  it('has a draft read early (by the route, meanwhile) on its first render, and only once', async () => {
    await saveDraft(draft);
    await readDraftEarly('sub-early', 'p-1');
    const first = renderHook(() => useDraft('sub-early', procedure, definition), { wrapper });
    expect(first.result.current).toMatchObject({ status: 'ready', draft: { values: { agency: 'UBND phường Kim Long' } } });
    first.unmount();

    // A later visit reads the device again: the draft may have changed since.
    await saveDraft({ ...draft, values: { agency: 'UBND xã Đất Mũi' } });
    const second = renderHook(() => useDraft('sub-early', procedure, definition), { wrapper });
    expect(second.result.current.status).toBe('loading');
    await waitFor(() => expect(second.result.current).toMatchObject({ status: 'ready', draft: { values: { agency: 'UBND xã Đất Mũi' } } }));
  });

  it('never hands one citizen the draft read early for another', async () => {
    await saveDraft(draft);
    await readDraftEarly('sub-early', 'p-1');
    const other = renderHook(() => useDraft('sub-other', procedure, definition), { wrapper });
    expect(other.result.current.status).toBe('loading');
  });
});
