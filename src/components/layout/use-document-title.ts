import { useEffect, useLayoutEffect } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Keeps <title> translated; pages set their own through `usePageTitle`. A layout effect: it runs
 * before every page's (passive) effect, so on first load the page's title wins over the app's.
 */
export const useDocumentTitle = () => {
  const { t, i18n } = useTranslation();
  useLayoutEffect(() => {
    document.title = t('app.title');
  }, [t, i18n.language]);
};

export const usePageTitle = (title: string | undefined) => {
  const { t } = useTranslation();
  useEffect(() => {
    if (title) document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
};
