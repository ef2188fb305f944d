import { DATA_SCOPES, DataScope, RESIDENCE_FIELDS, type DataStore, type DataStoreView } from '../src/api/me/schema.ts';

/**
 * GET /me within a consent's data scope (docs/domain/assisted.md): a volunteer's delegated token
 * reads only the parts of the resident's data store the resident agreed to; a part outside it is
 * left out (named in `scope` by what is in), never sent empty. The citizen's own token reads all.
 */
const RESIDENCE = new Set<string>(RESIDENCE_FIELDS);

export const withinScope = (store: DataStore, scope: readonly DataScope[]): DataStoreView => {
  const has = (part: DataScope) => scope.includes(part);
  const citizen = Object.fromEntries(Object.entries(store.citizen).filter(([key]) => (RESIDENCE.has(key) ? has('residence') : has('identity')))) as DataStoreView['citizen'];
  return {
    citizen,
    ...(has('contact') ? { contact: store.contact } : {}),
    ...(has('household') ? { household: store.household } : {}),
    ...(has('documents') ? { documents: store.documents } : {}),
    sources: {
      ...(has('identity') || has('residence') ? { citizen: store.sources.citizen } : {}),
      ...(has('contact') ? { contact: store.sources.contact } : {}),
      ...(has('household') ? { household: store.sources.household } : {}),
      ...(has('documents') ? { documents: store.sources.documents } : {}),
    },
    scope: DATA_SCOPES.filter(has),
  };
};

/**
 * `?parts=identity,contact`: a reader asking for some parts only. Undefined when the query names
 * none; the names it does not know, to refuse the request with.
 */
export const requestedParts = (url: URL): { parts: DataScope[] | undefined; unknown: string[] } => {
  const raw = url.searchParams.get('parts');
  if (raw === null) return { parts: undefined, unknown: [] };
  const names = raw.split(',').map((p) => p.trim()).filter(Boolean);
  const parts = names.filter((n): n is DataScope => DataScope.safeParse(n).success);
  return { parts: DATA_SCOPES.filter((p) => parts.includes(p)), unknown: names.filter((n) => !DataScope.safeParse(n).success) };
};
