import { useRouteError } from 'react-router';
import { useTranslation } from 'react-i18next';
import { laterNamespace } from '../../i18n/i18n.ts';
import { errorKind } from './error-message.ts';

/** Last resort when the shell itself fails: a plain page that can always reload. */
export const RootErrorBoundary = () => {
  const error = useRouteError();
  // The server's answers (errors.server…) are in their own namespace: wait for it if need be.
  const { t } = useTranslation(['common', laterNamespace]);
  const kind = errorKind(error);
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
