import { useNavigation } from 'react-router';
import { useTranslation } from 'react-i18next';

/** A thin bar while a route's code or data loads, so a slow link never looks frozen. */
export const NavigationProgress = () => {
  const { t } = useTranslation();
  const navigation = useNavigation();
  if (navigation.state === 'idle') return null;
  return <div className="nav-progress" role="progressbar" aria-label={t('loading')} />;
};
