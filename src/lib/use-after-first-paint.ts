import { startTransition, useEffect, useState } from 'react';

let needed: () => Promise<unknown> = () => Promise.resolve();

/**
 * Code that everything rendered after the first paint may rely on, loaded then (the app names
 * it once: React Query's client, src/app/query-provider.tsx). A failed load does not hold the
 * page back: what needed it fails in its own error boundary.
 */
export const afterFirstPaintNeeds = (load: () => Promise<unknown>): void => {
  needed = load;
};

/**
 * True once the browser has painted and gone idle (and what `afterFirstPaintNeeds` named is
 * here). Secondary work (the service worker, lists that need the catalogue) waits for it, so it
 * does not compete with the first paint on a slow phone.
 */
export const useAfterFirstPaint = (): boolean => {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    const go = () =>
      void needed()
        .catch(() => undefined)
        .then(() => {
          // A transition: what appears now (footer, prompts, lists) renders in slices of a few
          // milliseconds, not as one task that a tap would wait behind on a slow phone.
          if (live) startTransition(() => setReady(true));
        });
    if (typeof window.requestIdleCallback === 'function') {
      const handle = window.requestIdleCallback(go, { timeout: 2000 });
      return () => {
        live = false;
        window.cancelIdleCallback(handle);
      };
    }
    const handle = window.setTimeout(go, 200);
    return () => {
      live = false;
      window.clearTimeout(handle);
    };
  }, []);
  return ready;
};
