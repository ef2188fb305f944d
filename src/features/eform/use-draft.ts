import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { FormDefinition } from '../../api/forms/schema.ts';
import { communesQueryOptions, provincesQueryOptions } from '../../api/admin-units/queries.ts';
import type { Procedure } from '../../api/procedures/schema.ts';
import { dataStoreQueryOptions } from '../../api/me/queries.ts';
import { readDraft, saveDraft, type Draft } from '../../offline/personal-db.ts';
import { registerWipe } from '../../auth/wipe.ts';
import { readSession } from '../../auth/session.ts';
import { prefill } from './prefill.ts';
import { allFields, isGroup } from './definition.ts';

/**
 * Address fields the citizen can edit list provinces, and the communes of a province already
 * chosen: fetch them as soon as the draft is known, before the form is drawn, rather than from
 * the first render of each field. Locked addresses are shown as text and need no list. Never
 * awaited: offline, a list not yet seen must not hold the form back.
 */
const warmAddressLists = (queryClient: QueryClient, definition: FormDefinition, draft: Pick<Draft, 'values' | 'provenance'>) => {
  const editable = allFields(definition).filter(
    (f) => (f.type === 'address' && !draft.provenance[f.id]?.locked) || (isGroup(f) && f.fields.some((sub) => sub.type === 'address')),
  );
  if (editable.length === 0) return;
  void queryClient.prefetchQuery(provincesQueryOptions());
  for (const field of editable) {
    const code = isGroup(field) ? undefined : (draft.values[field.id] as { provinceCode?: unknown } | undefined)?.provinceCode;
    if (typeof code === 'string' && code) void queryClient.prefetchQuery(communesQueryOptions(code));
  }
};

/** The read of a draft started while the route's definition is fetched (see `readDraftEarly`). */
let early: { owner: string; procedureId: string; read: Promise<{ draft: Draft | undefined; dropped: boolean }> } | undefined;

/**
 * Starts reading the citizen's draft from the device before the page renders (the route's
 * loader calls it alongside the definition fetch), so the page's own read finds it done. Not
 * handed to the first render as initial data on purpose: the router renders that inside a
 * transition, which draws a long form in slices, far slower on a busy phone than the ordinary
 * update a finished query makes.
 */
export const readDraftEarly = (owner: string, procedureId: string): Promise<unknown> => {
  early = undefined;
  if (!owner) return Promise.resolve();
  const read = readDraft(owner, procedureId);
  early = { owner, procedureId, read };
  // Failing here is not the route's business: the page reports its own read.
  return read.catch(() => undefined);
};

// Signing out leaves no citizen's answers in memory either.
registerWipe('early-draft', () => {
  early = undefined;
});

/** The early read, once: later visits read the device again (the draft changes as the citizen types). */
const takeEarlyRead = (owner: string, procedureId: string): Promise<{ draft: Draft | undefined; dropped: boolean }> | undefined => {
  const found = early?.owner === owner && early.procedureId === procedureId ? early.read : undefined;
  early = undefined;
  return found;
};

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
      const { draft: existing, dropped } = await (takeEarlyRead(owner, procedure.id) ?? readDraft(owner, procedure.id));
      if (existing) {
        warmAddressLists(queryClient, definition, existing);
        return { draft: existing, dropped };
      }
      const person = readSession()?.sub;
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
      warmAddressLists(queryClient, definition, draft);
      // The person changed while their data store was fetched (a volunteer ended the help, a
      // sign-out): their draft must not be written after their data was wiped.
      if (readSession()?.sub !== person) throw new Error('The person this form was for is no longer signed in');
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
