import { useEffect, useRef } from 'react';
import { Link, useParams, useRevalidator, useRouteError, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors.ts';
import { ErrorPanel } from '../../components/errors/ErrorPanel.tsx';

/**
 * The statistics pages' error boundary: a period in the URL that is not one, or an agency code
 * that does not exist, is said in words next to what caused it (the address), with the way back;
 * anything else (offline, server) is the app's usual panel.
 */
export const StatsError = () => {
  const error = useRouteError();
  const revalidator = useRevalidator();
  const { t } = useTranslation('stats');
  const [params] = useSearchParams();
  const { code = '' } = useParams();
  const ref = useRef<HTMLDivElement>(null);
  const which = isApiError(error) ? (error.code === 'invalid-period' ? 'invalidPeriod' : error.code === 'agency-not-found' ? 'agencyNotFound' : null) : null;
  useEffect(() => {
    if (which) ref.current?.focus();
  }, [which]);
  if (!which) return <ErrorPanel error={error} onRetry={() => void revalidator.revalidate()} />;
  return (
    <div className="error-panel" role="alert" tabIndex={-1} ref={ref}>
      <h1>{t(`errors.${which}.title`)}</h1>
      <p>{t(`errors.${which}.body`, { period: params.get('period') ?? '', code })}</p>
      <div className="actions">
        <Link to="/stats" className="button">
          {t('errors.toStats')}
        </Link>
      </div>
    </div>
  );
};
