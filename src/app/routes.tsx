import { matchRoutes, type RouteObject } from 'react-router';
import { startEarly } from '../api/early.ts';
import { detectLanguage } from '../i18n/i18n.ts';
import { AppShell } from './AppShell.tsx';
import { ShellFallback } from '../components/layout/ShellFallback.tsx';
import { RootErrorBoundary } from '../components/errors/RootErrorBoundary.tsx';
import { HomePage } from '../features/home/HomePage.tsx';
import { loader as homeLoader } from './routes/home.ts';
import { NotFoundPage } from '../components/errors/NotFoundPage.tsx';
import { withQueryClient } from './query-provider.tsx';

/**
 * Every route but the home page is its own chunk: a citizen on 3G downloads only the page
 * they open. Route modules (routes/*.tsx) export Component, loader and ErrorBoundary.
 */
export const routes: RouteObject[] = [
  {
    path: '/',
    Component: AppShell,
    ErrorBoundary: RootErrorBoundary,
    HydrateFallback: ShellFallback,
    children: [
      { index: true, Component: HomePage, loader: homeLoader },
      { path: 'services', lazy: () => import('./routes/services.tsx') },
      { path: 'services/:id', lazy: () => import('./routes/service-detail.tsx') },
      { path: 'services/:id/apply', lazy: () => import('./routes/service-apply.tsx') },
      { path: 'services/:id/apply/check', lazy: () => import('./routes/service-apply-check.tsx') },
      { path: 'signin', lazy: () => import('./routes/signin.tsx') },
      { path: 'auth/callback', lazy: () => import('./routes/auth-callback.tsx') },
      { path: 'me', lazy: () => import('./routes/me.tsx') },
      { path: 'me/questions', lazy: () => import('./routes/my-questions.tsx') },
      { path: 'me/help', lazy: () => import('./routes/me-help.tsx') },
      { path: 'me/help/:consentId/rate', lazy: () => import('./routes/me-help-rate.tsx') },
      { path: 'volunteer', lazy: () => import('./routes/volunteer.tsx') },
      { path: 'settings', lazy: () => import('./routes/settings.tsx') },
      { path: 'dossiers', lazy: () => import('./routes/dossiers.tsx') },
      { path: 'dossiers/:code', lazy: () => import('./routes/dossier.tsx') },
      { path: 'dossiers/:code/receipt', lazy: () => import('./routes/dossier-receipt.tsx') },
      { path: 'track', lazy: () => import('./routes/track.tsx') },
      { path: 'services/:id/apply/documents', lazy: () => import('./routes/service-apply-documents.tsx') },
      { path: 'outbox/:id', lazy: () => import('./routes/outbox-item.tsx') },
      { path: 'dossiers/:code/supplement', lazy: () => import('./routes/dossier-supplement.tsx') },
      { path: 'dossiers/:code/pay', lazy: () => import('./routes/dossier-pay.tsx') },
      { path: 'kiosk/:page?', lazy: () => import('./routes/kiosk.tsx') },
      { path: 'handoff', lazy: () => import('./routes/handoff.tsx') },
      { path: 'dossiers/:code/rate', lazy: () => import('./routes/dossier-rate.tsx') },
      { path: 'stats', lazy: () => import('./routes/stats.tsx') },
      { path: 'stats/agencies/:code', lazy: () => import('./routes/stats-agency.tsx') },
      { path: 'assist', lazy: () => import('./routes/assist.tsx') },
      { path: 'assist/signed-in', lazy: () => import('./routes/assist-signed-in.tsx') },
      { path: '*', Component: NotFoundPage },
    ],
  },
];

/**
 * Every lazy route's code comes with React Query's client (app/query-provider.tsx): its loader
 * and page may use it from their first run. Done here, over the list, so a route added above
 * cannot miss it.
 */
const everyLazyRoute = (list: RouteObject[]): void => {
  for (const route of list) {
    if (typeof route.lazy === 'function') route.lazy = withQueryClient(route.lazy);
    if (route.children) everyLazyRoute(route.children);
  }
};
everyLazyRoute(routes);

/**
 * The data each lazy route's loader will ask for first, so a cold start can request it while
 * the route's code is still downloading (see api/early.ts).
 */
const earlyData: Record<string, (params: Record<string, string | undefined>) => string> = {
  services: () => '/catalogue',
  'services/:id': ({ id = '' }) => `/procedures/${encodeURIComponent(id)}`,
  'services/:id/apply': ({ id = '' }) => `/procedures/${encodeURIComponent(id)}`,
};

export const startEarlyRequests = (pathname: string): void => {
  const match = matchRoutes(routes, pathname)?.at(-1);
  const path = match?.route.path;
  const early = path ? earlyData[path] : undefined;
  if (match && early) startEarly(early(match.params));
  // A procedure page in another language needs its translation too (loadProcedureTranslation).
  const lng = detectLanguage();
  if (match && path === 'services/:id' && lng !== 'vi') startEarly(`/procedures/${encodeURIComponent(match.params.id ?? '')}/translations/${lng}`);
};
