import { lazy, Suspense } from 'react';
import { useAfterFirstPaint } from '../lib/use-after-first-paint.ts';

// Registration and the offer load after the first paint: neither is needed to show the page.
const UpdateOffer = lazy(() => import('./UpdateOffer.tsx').then((m) => ({ default: m.UpdateOffer })));

/** Registration waits for the first paint: the worker's precache download must not slow it. */
export const UpdatePrompt = () => {
  const ready = useAfterFirstPaint();
  const placeholder = <div role="status" className="update-region" />;
  return ready ? (
    <Suspense fallback={placeholder}>
      <UpdateOffer />
    </Suspense>
  ) : (
    placeholder
  );
};
