import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Keeps <title> translated; pages set their own through `usePageTitle`. */
export const useDocumentTitle = () => {
  const { t, i18n } = useTranslation();
  useEffect(() => {
    document.title = t('app.title');
  }, [t, i18n.language]);
};

export const usePageTitle = (title: string | undefined) => {
  const { t } = useTranslation();
  useEffect(() => {
    if (title) document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
};
