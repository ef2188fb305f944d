import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { completeSignIn } from '../../auth/actions.ts';

/** A new person on this device: a fresh personal session, and nobody else's drafts or queue. */
const prepareDevice = async (sub: string): Promise<void> => {
  const { beginPersonalSession, dropDraftsNotOwnedBy } = await import('../../offline/personal-db.ts');
  beginPersonalSession();
  await dropDraftsNotOwnedBy(sub);
};

/** Back from the identity provider: exchange the code, then return where the citizen was. */
export const AuthCallbackPage = () => {
  const { t } = useTranslation('auth');
  const navigate = useNavigate();
  // The provider sent the citizen back with an error (declined, bad request): nothing to exchange.
  const [failed, setFailed] = useState(() => new URLSearchParams(window.location.search).has('error'));
  const started = useRef(false);
  useEffect(() => {
    // The code is single-use: React's development double effect must not spend it twice.
    if (started.current || failed) return;
    started.current = true;
    completeSignIn(prepareDevice).then(
      (returnTo) => void navigate(returnTo, { replace: true }),
      () => setFailed(true),
    );
  }, [navigate, failed]);
  return failed ? (
    <div className="error-panel" role="alert">
      <h1>{t('callback.failedTitle')}</h1>
      <p>{t('callback.failedBody')}</p>
      <div className="actions">
        <Link to="/signin" className="button">
          {t('callback.again')}
        </Link>
        <Link to="/" className="button button--secondary">
          {t('callback.home')}
        </Link>
      </div>
    </div>
  ) : (
    <p className="loading" role="status">
      {t('callback.working')}
    </p>
  );
};
