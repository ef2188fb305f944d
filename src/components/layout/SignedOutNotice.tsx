import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** "You are signed out; nothing of yours is left on this phone", at the top of the page. */
const SignedOutNotice = () => {
  const { t } = useTranslation();
  const [dismissed, setDismissed] = useState(false);
  useEffect(() => window.scrollTo(0, 0), []);
  return dismissed ? null : (
    <section className="notice signed-out" aria-labelledby="signed-out-title">
      <h2 id="signed-out-title">{t('signedOut.title')}</h2>
      <p>{t('signedOut.body')}</p>
      <button type="button" className="button button--secondary" onClick={() => setDismissed(true)}>
        {t('signedOut.dismiss')}
      </button>
    </section>
  );
};

export default SignedOutNotice;
