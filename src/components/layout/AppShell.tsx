import { lazy, Suspense } from 'react';
import { Outlet, ScrollRestoration } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Header } from './Header.tsx';
import { BottomNav } from './BottomNav.tsx';
import { OfflineBanner } from './OfflineBanner.tsx';
import { NavigationProgress } from './NavigationProgress.tsx';
import { UpdatePrompt } from '../../pwa/UpdatePrompt.tsx';
import { useDocumentTitle } from './use-document-title.ts';
import { useFocusOnNavigate } from './use-focus-on-navigate.ts';
import { useSession } from '../../auth/session.ts';
import { useAfterFirstPaint } from '../../lib/use-after-first-paint.ts';
import { Takeover } from './Takeover.tsx';
import { languageToOffer } from '../../i18n/i18n.ts';

// Sends queued submissions; loaded only for a signed-in citizen, after the first paint.
const OutboxAgent = lazy(() => import('../../offline/OutboxAgent.tsx'));
// Offered only to a visitor whose browser prefers another language than the page's.
const LanguageOffer = lazy(() => import('./LanguageOffer.tsx'));

export const AppShell = () => {
  const { t, i18n } = useTranslation();
  useDocumentTitle();
  useFocusOnNavigate();
  const session = useSession();
  const painted = useAfterFirstPaint();
  const offerLanguage = painted ? languageToOffer(i18n.resolvedLanguage) : null;
  return (
    <div className="app">
      <Takeover>
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
      {session && painted ? (
        <Suspense fallback={null}>
          <OutboxAgent owner={session.sub} />
        </Suspense>
      ) : null}
      {offerLanguage && painted ? (
        <Suspense fallback={null}>
          <LanguageOffer to={offerLanguage} />
        </Suspense>
      ) : null}
      </Takeover>
    </div>
  );
};
