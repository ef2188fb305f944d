import { lazy, Suspense, useSyncExternalStore } from 'react';
import { takeSignedOut } from '../../auth/signed-out.ts';

// Shown once, after a sign-out: not worth a byte of the first bundle.
const SignedOutNotice = lazy(() => import('./SignedOutNotice.tsx'));

const subscribe = () => () => undefined;
/** Read once per page load (the mark is taken: a later page does not say it again). */
let signedOut: boolean | undefined;
const snapshot = () => (signedOut ??= takeSignedOut());

/**
 * Where the first page after signing out says it is done. Read on the client only (a
 * pre-rendered page hydrates with "no", then shows it); the live region is always there.
 */
export const SignedOutSlot = () => {
  const shown = useSyncExternalStore(subscribe, snapshot, () => false);
  return (
    <div role="status" className="signed-out-region">
      {shown ? (
        <Suspense fallback={null}>
          <SignedOutNotice />
        </Suspense>
      ) : null}
    </div>
  );
};
