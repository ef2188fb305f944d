import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/ui/Icon.tsx';
import { formatDateTime } from './format.ts';

/** Says how old what is shown is, and why it is not fresher. */
export const StaleNotice = ({ at, online, onRetry }: { at: string | number; online: boolean; onRetry?: () => void }) => {
  const { t, i18n } = useTranslation('dossiers');
  const time = formatDateTime(new Date(at).toISOString(), i18n.language);
  return (
    <div className="stale-notice">
      <p>
        <Icon name="offline" size={20} />
        <span>{online ? t('snapshot.unreachable', { time }) : t('snapshot.offline', { time })}</span>
      </p>
      {online && onRetry ? (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('snapshot.refresh')}
        </button>
      ) : null}
    </div>
  );
};
