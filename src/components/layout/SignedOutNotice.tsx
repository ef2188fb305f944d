import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { takeSignedOut } from '../../auth/signed-out.ts';

/**
 * The first page after signing out says it is done, and what that means on this phone. Read
 * after the page is taken over (a pre-rendered page has no tab storage to read at build time).
 */
export const SignedOutNotice = () => {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!takeSignedOut()) return;
    setShown(true);
    window.scrollTo(0, 0);
  }, []);
  return (
    <div role="status" className="signed-out-region">
      {shown ? (
        <section className="notice signed-out" aria-labelledby="signed-out-title">
          <h2 id="signed-out-title">{t('signedOut.title')}</h2>
          <p>{t('signedOut.body')}</p>
          <button type="button" className="button button--secondary" onClick={() => setShown(false)}>
            {t('signedOut.dismiss')}
          </button>
        </section>
      ) : null}
    </div>
  );
};
