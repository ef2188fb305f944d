import { lazy, Suspense } from 'react';
import { Outlet, ScrollRestoration } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Header } from '../components/layout/Header.tsx';
import { BottomNav } from '../components/layout/BottomNav.tsx';
import { OfflineBanner } from '../components/layout/OfflineBanner.tsx';
import { NavigationProgress } from '../components/layout/NavigationProgress.tsx';
import { UpdatePrompt } from '../pwa/UpdatePrompt.tsx';
import { useDocumentTitle } from '../components/layout/use-document-title.ts';
import { useFocusOnNavigate } from '../components/layout/use-focus-on-navigate.ts';
import { hasKeptSession, useSession } from '../auth/session.ts';
import { useAfterFirstPaint } from '../lib/use-after-first-paint.ts';

// Sends queued submissions; loaded only for a signed-in citizen, after the first paint.
const OutboxAgent = lazy(() => import('./OutboxAgent.tsx'));
// A session kept on this phone: resume, app lock, "sign in to send"; loaded only where one is or was.
const KeptSession = lazy(() => import('../features/auth/KeptSession.tsx'));

export const AppShell = () => {
  const { t } = useTranslation();
  useDocumentTitle();
  useFocusOnNavigate();
  const session = useSession();
  const painted = useAfterFirstPaint();
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <NavigationProgress />
      <Header />
      <OfflineBanner />
      {painted && (session || hasKeptSession()) ? (
        <Suspense fallback={null}>
          <KeptSession />
        </Suspense>
      ) : null}
      <main id="main" className="main" tabIndex={-1}>
        <Outlet />
      </main>
      <UpdatePrompt />
      <BottomNav />
      <ScrollRestoration />
      {session && painted ? (
        <Suspense fallback={null}>
          <OutboxAgent owner={session.sub} />
        </Suspense>
      ) : null}
    </div>
  );
};
