import { useEffect, useState } from 'react';
import { safeParse, type core } from 'zod/mini';
import { loadSnapshot, saveSnapshot } from './personal-db.ts';
import { isApiError } from '../api/errors.ts';

export interface Snapshot<T> {
  data: T;
  fetchedAt: string;
}

interface QueryState<T> {
  data: T | undefined;
  isError: boolean;
  error: unknown;
  fetchStatus: 'fetching' | 'paused' | 'idle';
}

/** Errors where the last known state is worth showing (not "no such dossier"). */
export const fallsBack = (error: unknown): boolean =>
  !isApiError(error) || (error.kind !== 'not-found' && error.kind !== 'client' && error.kind !== 'malformed' && error.kind !== 'invalid-input');

/**
 * The last known state of a personal page, kept on the device (IndexedDB, wiped on sign-out):
 * saved after every successful fetch, read back when the network fails. `undefined` while it
 * is not needed or being looked up, `null` when the device has none.
 */
export const useSnapshot = <T,>(owner: string, key: string, schema: core.$ZodType<T>, query: QueryState<T>): Snapshot<T> | null | undefined => {
  const [snapshot, setSnapshot] = useState<{ key: string; value: Snapshot<T> | null } | undefined>(undefined);
  const { data, isError, error, fetchStatus } = query;
  useEffect(() => {
    if (owner && data !== undefined) void saveSnapshot(owner, key, data).catch(() => undefined);
  }, [owner, key, data]);
  // A query paused for want of a network never errors: that is the offline case too.
  const wanted = data === undefined && ((isError && fallsBack(error)) || fetchStatus === 'paused');
  useEffect(() => {
    if (!wanted || !owner) return;
    let live = true;
    void loadSnapshot(owner, key)
      .then((stored) => {
        const parsed = stored ? safeParse(schema, stored.data) : undefined;
        if (live) setSnapshot({ key, value: stored && parsed?.success ? { data: parsed.data, fetchedAt: stored.fetchedAt } : null });
      })
      .catch(() => live && setSnapshot({ key, value: null }));
    return () => {
      live = false;
    };
  }, [wanted, owner, key, schema]);
  if (!wanted) return undefined;
  return snapshot?.key === key ? snapshot.value : undefined;
};
