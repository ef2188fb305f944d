import { useSyncExternalStore } from 'react';

/**
 * Whether a post (a problem report) waits on this device to be sent: a flag in localStorage, so
 * the shell can tell at start-up, without opening IndexedDB, that it should load the outbox
 * agent for a visitor who is not signed in. Set when a post is queued, cleared once none waits.
 */
const KEY = 'mcs.posts-waiting';
const listeners = new Set<() => void>();

const read = (): boolean => {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
};

export const setPostsWaiting = (waiting: boolean): void => {
  try {
    if (waiting) localStorage.setItem(KEY, '1');
    else localStorage.removeItem(KEY);
  } catch {
    // Storage blocked: the agent still runs for a signed-in citizen, and the form sends online.
  }
  listeners.forEach((l) => l());
};

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export const usePostsWaiting = (): boolean => useSyncExternalStore(subscribe, read, () => false);
