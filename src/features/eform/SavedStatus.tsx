import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { intlLocale } from '../../lib/format.ts';
import { subscribeWrites, writeState } from '../../offline/storage-health.ts';

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

/**
 * "Saved on this device at 10:42": the citizen can see nothing is lost. When the last write
 * failed (storage full, private mode, a broken database), it says so instead, and what to do.
 */
export const SavedStatus = ({ savedAt }: { savedAt: string }) => {
  const { t, i18n } = useTranslation('eform');
  const write = useSyncExternalStore(subscribeWrites, () => writeState('draft'));
  if (write && !write.ok) {
    return (
      <div className="saved-status saved-status--failed" role="alert">
        <p>
          <strong>{t('notSaved.title')}</strong> {t(`notSaved.${write.failure}`)}
        </p>
      </div>
    );
  }
  const time = timeFormat(i18n.language).format(new Date(savedAt));
  return (
    <p className="saved-status">
      <span aria-hidden="true">✓ </span>
      {t('savedAt', { time })}
    </p>
  );
};
