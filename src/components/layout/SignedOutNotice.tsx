import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { takeSignedOut } from '../../auth/signed-out.ts';

const subscribe = () => () => undefined;
/** Read once per page load (the mark is taken: a later page does not say it again). */
let signedOut: boolean | undefined;
const snapshot = () => (signedOut ??= takeSignedOut());

/**
 * The first page after signing out says it is done, and what that means on this phone. Read on
 * the client only (a pre-rendered page hydrates with "no", then shows it).
 */
export const SignedOutNotice = () => {
  const { t } = useTranslation();
  const shown = useSyncExternalStore(subscribe, snapshot, () => false);
  const [dismissed, setDismissed] = useState(false);
  useEffect(() => {
    if (shown) window.scrollTo(0, 0);
  }, [shown]);
  return (
    <div role="status" className="signed-out-region">
      {shown && !dismissed ? (
        <section className="notice signed-out" aria-labelledby="signed-out-title">
          <h2 id="signed-out-title">{t('signedOut.title')}</h2>
          <p>{t('signedOut.body')}</p>
          <button type="button" className="button button--secondary" onClick={() => setDismissed(true)}>
            {t('signedOut.dismiss')}
          </button>
        </section>
      ) : null}
    </div>
  );
};
