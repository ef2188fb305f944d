import { useTranslation } from 'react-i18next';
import { intlLocale } from '../../lib/format.ts';

// Building an Intl formatter costs more than formatting: one per language.
const formatters = new Map<string, Intl.DateTimeFormat>();
const timeFormat = (lng: string): Intl.DateTimeFormat => {
  let format = formatters.get(lng);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(lng), { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Ho_Chi_Minh' });
    formatters.set(lng, format);
  }
  return format;
};

/** "Saved on this device at 10:42": the citizen can see nothing is lost. */
export const SavedStatus = ({ savedAt }: { savedAt: string }) => {
  const { t, i18n } = useTranslation('eform');
  const time = timeFormat(i18n.language).format(new Date(savedAt));
  return (
    <p className="saved-status">
      <span aria-hidden="true">✓ </span>
      {t('savedAt', { time })}
    </p>
  );
};
