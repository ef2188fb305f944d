import { useTranslation } from 'react-i18next';
import { intlLocale } from '../../lib/format.ts';

/** "Saved on this device at 10:42": the citizen can see nothing is lost. */
export const SavedStatus = ({ savedAt }: { savedAt: string }) => {
  const { t, i18n } = useTranslation('eform');
  const time = new Intl.DateTimeFormat(intlLocale(i18n.language), { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Ho_Chi_Minh' }).format(
    new Date(savedAt),
  );
  return (
    <p className="saved-status">
      <span aria-hidden="true">✓ </span>
      {t('savedAt', { time })}
    </p>
  );
};
