import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../layout/use-document-title.ts';

export const NotFoundPage = () => {
  const { t } = useTranslation();
  usePageTitle(t('errors.not-found.title'));
  return (
    <div className="error-panel">
      <h1>{t('errors.not-found.title')}</h1>
      <p>{t('errors.not-found.body')}</p>
      <div className="actions">
        <Link to="/services" className="button">
          {t('errors.searchServices')}
        </Link>
        <Link to="/" className="button button--secondary">
          {t('errors.home')}
        </Link>
      </div>
    </div>
  );
};
