import { useEffect, useSyncExternalStore, type ReactNode } from 'react';
import { QueryClientContext, type DehydratedState, type QueryClient } from '@tanstack/react-query';
import type * as QueryClientModule from './query-client.ts';

/**
 * React Query is not part of the first render (docs/architecture/decisions.md, 3b): the home
 * page and the app's shell do not use it, so its code (≈ 9 KB gzip) and the app's client
 * (query-client.ts) arrive with the first thing that does. Who may use it, and why it is there:
 * - every lazy route: routes.tsx makes each route's code wait for the client;
 * - whatever renders after the first paint (`useAfterFirstPaint`, which main.tsx makes wait for
 *   `loadQueryClient`): popular services, the outbox agent, the footer…;
 * - a pre-rendered page with cached queries: main.tsx loads the client and hydrates them first.
 * Anything else that wants it loads it with `loadQueryClient` before rendering. Importing a value
 * from `@tanstack/react-query` in the first render's code puts it back in the first bundle
 * (`npm run budget` shows it); using a hook there fails ("No QueryClient set").
 */
type QueryModule = typeof QueryClientModule;

let client: QueryClient | undefined;
let loading: Promise<QueryModule> | undefined;
const listeners = new Set<() => void>();

/** Hands the app's client to the provider (once loaded; prerender and tests call it directly). */
export const provideQueryClient = (next: QueryClient): void => {
  if (client === next) return;
  client = next;
  for (const listener of listeners) listener();
};

/** The app's query client module, loaded once (again after a failed attempt). */
export const loadQueryClient = (): Promise<QueryModule> =>
  (loading ??= import('./query-client.ts').then(
    (module) => {
      provideQueryClient(module.queryClient);
      return module;
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  ));

/** The app's client if it is already here (nothing is loaded for it). */
export const loadedQueryClient = (): QueryClient | undefined => client;

/** `load`, and the client with it: for code that renders React Query's hooks as soon as it is here. */
export const withQueryClient =
  <T,>(load: () => Promise<T>) =>
  (): Promise<T> =>
    Promise.all([load(), loadQueryClient()]).then(([module]) => module);

/** A pre-rendered page's query cache, before hydration: the same data, nothing fetched again. */
export const hydratePageQueries = async (state: DehydratedState): Promise<void> => {
  if (state.queries.length === 0 && state.mutations.length === 0) return;
  (await loadQueryClient()).hydratePage(state);
};

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const current = () => client;

/**
 * `QueryClientProvider` without the library's code: the same context, the client once it is
 * here, and `mount()` (refetch on reconnect) while it is provided.
 */
export const QueryProvider = ({ children }: { children: ReactNode }) => {
  const value = useSyncExternalStore(subscribe, current, current);
  useEffect(() => {
    if (!value) return;
    value.mount();
    return () => value.unmount();
  }, [value]);
  return <QueryClientContext.Provider value={value}>{children}</QueryClientContext.Provider>;
};
