import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../components/layout/use-document-title.ts';

/** No such dossier for this citizen: say so, and offer the list and the public look-up. */
export const DossierNotFound = () => {
  const { t } = useTranslation('dossiers');
  usePageTitle(t('detail.notFound.title'));
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="error-panel" role="alert" tabIndex={-1} ref={ref}>
      <h1>{t('detail.notFound.title')}</h1>
      <p>{t('detail.notFound.body')}</p>
      <div className="actions">
        <Link to="/dossiers" className="button">
          {t('list.title')}
        </Link>
        <Link to="/track" className="button button--secondary">
          {t('list.trackLink')}
        </Link>
      </div>
    </div>
  );
};

