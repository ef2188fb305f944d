import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { FormDefinition } from '../../api/forms/schema.ts';
import { communesQueryOptions, provincesQueryOptions } from '../../api/admin-units/queries.ts';
import type { Procedure } from '../../api/procedures/schema.ts';
import { dataStoreQueryOptions } from '../../api/me/queries.ts';
import { loadDraft, saveDraft, type Draft } from '../../offline/personal-db.ts';
import { prefill } from './prefill.ts';
import { allFields, isGroup } from './definition.ts';

/**
 * Address fields list provinces, and the communes of a province already chosen: fetch them while
 * the draft is read, so the form is drawn once with its lists rather than drawn again as each
 * arrives. Never awaited: offline, a list not yet seen must not hold the form back.
 */
const warmAddressLists = (queryClient: QueryClient, definition: FormDefinition, values?: Draft['values']) => {
  const addresses = allFields(definition).filter((f) => f.type === 'address' || (isGroup(f) && f.fields.some((sub) => sub.type === 'address')));
  if (addresses.length === 0) return;
  if (!values) {
    void queryClient.prefetchQuery(provincesQueryOptions());
    return;
  }
  for (const field of addresses) {
    const code = isGroup(field) ? undefined : (values[field.id] as { provinceCode?: unknown } | undefined)?.provinceCode;
    if (typeof code === 'string' && code) void queryClient.prefetchQuery(communesQueryOptions(code));
  }
};

export type DraftState = { status: 'loading' } | { status: 'ready'; draft: Draft } | { status: 'error'; error: unknown; retry: () => void };

/**
 * The citizen's draft for this procedure: from the device if there is one (works offline and
 * after the session expired), otherwise pre-filled from the data store and saved at once.
 * Read once per visit: the form owns the values from then on, so no background refetch.
 */
export const useDraft = (owner: string, procedure: Procedure, definition: FormDefinition): DraftState => {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ['draft', owner, procedure.id, definition.version],
    queryFn: async (): Promise<Draft> => {
      warmAddressLists(queryClient, definition);
      const existing = await loadDraft(owner, procedure.id);
      if (existing) {
        warmAddressLists(queryClient, definition, existing.values);
        return existing;
      }
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
      warmAddressLists(queryClient, definition, draft.values);
      await saveDraft(draft);
      return draft;
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
  return { status: 'ready', draft: query.data };
};
