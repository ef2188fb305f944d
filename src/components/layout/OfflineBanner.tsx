import { useTranslation } from 'react-i18next';
import { useOnline } from '../../lib/use-online.ts';
import { Icon } from '../ui/Icon.tsx';

/** Honest connection status; the live region is always present so the change is announced. */
export const OfflineBanner = () => {
  const { t } = useTranslation();
  const online = useOnline();
  return (
    <div role="status" className="offline-banner-region">
      {online ? null : (
        <p className="offline-banner">
          <Icon name="offline" size={20} />
          <span>{t('offline.banner')}</span>
        </p>
      )}
    </div>
  );
};
