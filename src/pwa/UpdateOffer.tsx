import { useTranslation } from 'react-i18next';
import { useRegisterSW } from 'virtual:pwa-register/react';
import { linkManifest } from './manifest-link.ts';

/**
 * Registers the service worker and offers a new version when one is waiting. It never
 * reloads by itself: the citizen may be half-way through a form.
 */
export const UpdateOffer = () => {
  const { t } = useTranslation();
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    immediate: true,
    onRegisteredSW: () => void navigator.serviceWorker.ready.then(() => linkManifest()),
  });
  return (
    <div role="status" className="update-region">
      {needRefresh ? (
        <div className="update-prompt">
          <p>{t('update.available')}</p>
          <div className="actions">
            <button type="button" className="button" onClick={() => void updateServiceWorker(true)}>
              {t('update.reload')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setNeedRefresh(false)}>
              {t('update.later')}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
};
