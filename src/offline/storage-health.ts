/**
 * Storage that does not lie: every write of a draft or a queued dossier goes through
 * `trackWrite`, so the place that shows "saved" can show "not saved on this phone" instead when
 * the write failed (QuotaExceededError, private mode, a broken IndexedDB). The first successful
 * write asks the browser to keep the app's storage (navigator.storage.persist), so drafts and
 * the outbox are not evicted under storage pressure; settings says whether it was granted.
 */
export type WriteArea = 'draft' | 'outbox';
export type WriteFailure = 'quota' | 'unavailable';
export type WriteState = { ok: true; at: number } | { ok: false; at: number; failure: WriteFailure };

const states = new Map<WriteArea, WriteState>();
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

export const writeState = (area: WriteArea): WriteState | undefined => states.get(area);
export const subscribeWrites = (listener: () => void): (() => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export const failureOf = (error: unknown): WriteFailure => {
  const name = error instanceof Error || (typeof DOMException !== 'undefined' && error instanceof DOMException) ? error.name : '';
  return name === 'QuotaExceededError' || /quota/i.test(String((error as { message?: unknown } | null)?.message ?? '')) ? 'quota' : 'unavailable';
};

let persistAsked: Promise<boolean> | undefined;
/** Asked once per page, on the first draft or queued dossier actually written. */
export const askPersistence = (): Promise<boolean> => {
  persistAsked ??= (async () => {
    try {
      if (!navigator.storage?.persist) return false;
      if (await navigator.storage.persisted()) return true;
      return await navigator.storage.persist();
    } catch {
      return false;
    }
  })();
  return persistAsked;
};

/** Reports how a write went, then passes its result (or its error) on. */
export const trackWrite = async <T>(area: WriteArea, write: Promise<T>): Promise<T> => {
  try {
    const result = await write;
    states.set(area, { ok: true, at: Date.now() });
    emit();
    void askPersistence();
    return result;
  } catch (error) {
    states.set(area, { ok: false, at: Date.now(), failure: failureOf(error) });
    emit();
    throw error;
  }
};
