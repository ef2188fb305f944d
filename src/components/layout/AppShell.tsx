import { Outlet, ScrollRestoration } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Header } from './Header.tsx';
import { BottomNav } from './BottomNav.tsx';
import { OfflineBanner } from './OfflineBanner.tsx';
import { NavigationProgress } from './NavigationProgress.tsx';
import { UpdatePrompt } from '../../pwa/UpdatePrompt.tsx';
import { useDocumentTitle } from './use-document-title.ts';

export const AppShell = () => {
  const { t } = useTranslation();
  useDocumentTitle();
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <NavigationProgress />
      <Header />
      <OfflineBanner />
      <main id="main" className="main" tabIndex={-1}>
        <Outlet />
      </main>
      <UpdatePrompt />
      <BottomNav />
      <ScrollRestoration />
    </div>
  );
};
