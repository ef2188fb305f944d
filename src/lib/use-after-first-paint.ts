import { useEffect, useState } from 'react';

/**
 * True once the browser has painted and gone idle. Secondary work (the service worker, lists
 * that need the catalogue) waits for it, so it does not compete with the first paint on a slow
 * phone.
 */
export const useAfterFirstPaint = (): boolean => {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (typeof window.requestIdleCallback === 'function') {
      const handle = window.requestIdleCallback(() => setReady(true), { timeout: 2000 });
      return () => window.cancelIdleCallback(handle);
    }
    const handle = window.setTimeout(() => setReady(true), 200);
    return () => window.clearTimeout(handle);
  }, []);
  return ready;
};
