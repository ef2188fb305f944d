import { useEffect, useState } from 'react';
import { useRouteError } from 'react-router';
import { useTranslation } from 'react-i18next';
import { laterNamespace } from '../../i18n/i18n.ts';
import { errorKind, shouldReloadForMissingCode } from './error-message.ts';

/**
 * Last resort when the shell itself fails: a plain page that can always reload. A page whose
 * code did not arrive while online is loaded again by itself, once (`shouldReloadForMissingCode`).
 */
export const RootErrorBoundary = () => {
  const error = useRouteError();
  // The server's answers (errors.server…) are in their own namespace: wait for it if need be.
  const { t } = useTranslation(['common', laterNamespace]);
  const [reloading] = useState(() => shouldReloadForMissingCode(error));
  useEffect(() => {
    if (reloading) window.location.reload();
  }, [reloading]);
  const kind = errorKind(error);
  if (reloading) {
    return (
      <main id="main" className="main root-error">
        <p className="loading" role="status">
          {t('loading')}
        </p>
      </main>
    );
  }
  return (
    <main id="main" className="main root-error">
      <div className="error-panel" role="alert">
        <h1>{t(`errors.${kind}.title`)}</h1>
        <p>{t(`errors.${kind}.body`)}</p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {t('errors.reload')}
        </button>
      </div>
    </main>
  );
};
