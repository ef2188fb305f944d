import { lazy, Suspense, useEffect } from 'react';
import { Outlet, ScrollRestoration } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Header } from '../components/layout/Header.tsx';
import { Footer } from '../components/layout/Footer.tsx';
import { BottomNav } from '../components/layout/BottomNav.tsx';
import { OfflineBanner } from '../components/layout/OfflineBanner.tsx';
import { SignedOutSlot } from '../components/layout/SignedOutSlot.tsx';
import { NavigationProgress } from '../components/layout/NavigationProgress.tsx';
import { UpdatePrompt } from '../pwa/UpdatePrompt.tsx';
import { useDocumentTitle } from '../components/layout/use-document-title.ts';
import { useFocusOnNavigate } from '../components/layout/use-focus-on-navigate.ts';
import { hasKeptSession, useActingSession, useSession } from '../auth/session.ts';
import { useAfterFirstPaint } from '../lib/use-after-first-paint.ts';
import { Takeover } from '../components/layout/Takeover.tsx';
import { languageToOffer, loadLaterNamespaces } from '../i18n/i18n.ts';
import { isKiosk } from '../auth/kiosk-config.ts';
import { withQueryClient } from './query-provider.tsx';

// Sends queued submissions (and reports); loaded only for a signed-in citizen, after the first paint.
const OutboxAgent = lazy(() => import('./OutboxAgent.tsx'));
// Offered only to a visitor whose browser prefers another language than the page's.
const LanguageOffer = lazy(() => import('../components/layout/LanguageOffer.tsx'));
// A session kept on this phone: resume, app lock, "sign in to send"; loaded only where one is or was.
const KeptSession = lazy(() => import('../features/auth/KeptSession.tsx'));
// An enrolled kiosk in a service centre's hall: its layout and rules, loaded only there. The
// same routes and pages, without the phone's header and bottom navigation or a kept session (its
// outbox only ever sends at once: DocumentsStepPage refuses to queue on a kiosk while offline). Read once: enrolling or leaving reloads.
const KioskChrome = lazy(withQueryClient(() => import('../features/kiosk/KioskChromeLoader.tsx')));
const kiosk = isKiosk();
// A volunteer helping a resident (docs/domain/assisted.md): whom, until when, End; loaded only then.
const AssistedBanner = lazy(() => import('../features/assisted/AssistedBanner.tsx'));

export const AppShell = () => {
  const { t } = useTranslation();
  useDocumentTitle();
  useFocusOnNavigate();
  return (
    // The fieldset outside the app's box: Chromium rebuilds a fieldset's whole layout tree when
    // a child is added to it directly (the footer, the update prompt…: 100–200 ms on a slow
    // phone, after the page is on screen); into a box inside it, that costs what it should.
    <Takeover>
      <div className="app">
        <a className="skip-link" href="#main">
          {t('skipToContent')}
        </a>
        <NavigationProgress />
        <Suspense fallback={null}>{kiosk ? <KioskChrome /> : <Header />}</Suspense>
        <OfflineBanner />
        <AssistedSlot />
        {kiosk ? null : <KeptSessionSlot />}
        <SignedOutSlot />
        <main id="main" className="main" tabIndex={-1}>
          <Outlet />
        </main>
        {/* Not on a kiosk: its sessionStorage record of pages visited would outlive the visit, and
            a report queued there while offline would be wiped with the visit before it was sent. */}
        {kiosk ? null : (
          <>
            <Footer />
            <UpdatePrompt />
            <BottomNav />
            <ScrollRestoration />
          </>
        )}
        <AfterFirstPaint />
      </div>
    </Takeover>
  );
};

/**
 * What waits until the page is on screen and the browser is idle. Its own component: when the
 * moment comes only this re-renders, not the page (on a slow phone, a task of its own).
 */
const AfterFirstPaint = () => {
  const { i18n } = useTranslation();
  const session = useSession();
  const painted = useAfterFirstPaint();
  useEffect(() => {
    if (painted) void loadLaterNamespaces();
  }, [painted]);
  if (!painted) return null;
  const offerLanguage = languageToOffer(i18n.resolvedLanguage);
  return (
    <>
      {session ? (
        <Suspense fallback={null}>
          <OutboxAgent owner={session.sub} />
        </Suspense>
      ) : null}
      {offerLanguage ? (
        <Suspense fallback={null}>
          <LanguageOffer to={offerLanguage} />
        </Suspense>
      ) : null}
    </>
  );
};

/** Above the page: the kept session's banner and dialogs, once the page is on screen. */
const KeptSessionSlot = () => {
  const session = useSession();
  const painted = useAfterFirstPaint();
  return painted && (session || hasKeptSession()) ? (
    <Suspense fallback={null}>
      <KeptSession />
    </Suspense>
  ) : null;
};

const AssistedSlot = () => {
  const acting = useActingSession();
  return acting ? (
    <Suspense fallback={null}>
      <AssistedBanner />
    </Suspense>
  ) : null;
};

