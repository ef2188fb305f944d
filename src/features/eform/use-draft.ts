import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormDefinition } from '../../api/forms/schema.ts';
import type { Procedure } from '../../api/procedures/schema.ts';
import { dataStoreQueryOptions } from '../../api/me/queries.ts';
import { readDraft, saveDraft, type Draft } from '../../offline/personal-db.ts';
import { prefill } from './prefill.ts';

export type DraftState =
  | { status: 'loading' }
  /** `dropped`: a draft was on the device but unreadable (an older version's), so it was started afresh. */
  | { status: 'ready'; draft: Draft; dropped: boolean }
  | { status: 'error'; error: unknown; retry: () => void };

/**
 * The citizen's draft for this procedure: from the device if there is one (works offline and
 * after the session expired), otherwise pre-filled from the data store and saved at once.
 * Read once per visit: the form owns the values from then on, so no background refetch.
 */
export const useDraft = (owner: string, procedure: Procedure, definition: FormDefinition): DraftState => {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ['draft', owner, procedure.id, definition.version],
    queryFn: async (): Promise<{ draft: Draft; dropped: boolean }> => {
      const { draft: existing, dropped } = await readDraft(owner, procedure.id);
      if (existing) return { draft: existing, dropped };
      const store = await queryClient.fetchQuery(dataStoreQueryOptions(owner));
      const filled = prefill(definition, store);
      const draft: Draft = {
        owner,
        procedureId: procedure.id,
        procedureName: procedure.name,
        definitionVersion: definition.version,
        values: filled.values,
        provenance: filled.provenance,
        prefilledCount: filled.count,
        updatedAt: new Date().toISOString(),
      };
      await saveDraft(draft);
      return { draft, dropped };
    },
    gcTime: 0,
    staleTime: Infinity,
    retry: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    networkMode: 'always',
  });
  if (query.isPending) return { status: 'loading' };
  if (query.isError) return { status: 'error', error: query.error, retry: () => void query.refetch() };
  return { status: 'ready', ...query.data };
};
