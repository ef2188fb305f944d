import { warmUpIntl } from './app/boot.ts';
import { startTransition, StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { initI18n, savedLanguage } from './i18n/i18n.ts';
import { applyTextSize, readTextSize } from './lib/preferences.ts';
import { App } from './app/App.tsx';
import { routes, startEarlyRequests } from './app/routes.tsx';
import { createAppRouter, type AppRouter } from './app/router.tsx';
import { hydratePageQueries, loadQueryClient } from './app/query-provider.tsx';
import { afterFirstPaintNeeds } from './lib/use-after-first-paint.ts';
import { yieldToMain } from './lib/yield-to-main.ts';
import { readPageData, resolveLazyRoutes, type PageData } from './app/hydration.ts';
import { afterTakeover } from './components/layout/Takeover.tsx';
import { readSession } from './auth/session.ts';
import { keepFormatted } from './lib/format.ts';
import { isKiosk } from './auth/kiosk-config.ts';
import './styles.css';

applyTextSize(readTextSize());
// Whatever renders after the first paint may use React Query (app/query-provider.tsx).
afterFirstPaintNeeds(loadQueryClient);

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');

const app = (router: AppRouter) => (
  <StrictMode>
    <App router={router} />
  </StrictMode>
);

/**
 * A pre-rendered page (scripts/prerender.ts) is taken over as it is: React hydrates the HTML the
 * citizen is already reading (no new nodes, so no second, later LCP), the router starts with the
 * loader data and the query cache with the data the page was rendered from (nothing is fetched
 * again), in the page's language. Only a visitor who chose another language in the preferences
 * gets the page rendered again, in that language, once its code and data are here.
 */
const takeOver = async (page: PageData): Promise<void> => {
  // /services?q=… is answered with the page pre-rendered for /services: hydrate that, then
  // apply the query as a navigation (the results update, as when typing).
  const wanted = `${window.location.pathname}${window.location.search}`;
  if (wanted !== page.url) window.history.replaceState(window.history.state, '', `${page.url}${window.location.hash}`);

  // Each step in a task of its own (the page is already readable: a tap on it must not wait
  // for all of them at once). The route's code first: it has to come over the network.
  await yieldToMain();
  const routeReady = resolveLazyRoutes(routes, window.location.pathname);
  routeReady.catch(() => undefined); // awaited below; not "unhandled" in the meantime
  await yieldToMain();
  const i18nReady = initI18n(page.lng, page.ns);
  await yieldToMain();
  await Promise.all([routeReady, i18nReady, hydratePageQueries(page.queries)]);
  keepFormatted(page.formatted);
  await yieldToMain();
  const router = createAppRouter(page.router);
  await yieldToMain();
  // In a transition, hydration yields to the browser every few milliseconds (a default-priority
  // hydration runs as one task: hundreds of ms on a slow phone, during which a tap waits).
  startTransition(() => {
    hydrateRoot(root, app(router));
  });
  if (wanted !== page.url) afterTakeover(() => void router.navigate(`${wanted}${window.location.hash}`, { replace: true, preventScrollReset: true }));
  // Formatting anything else (a search's other results, a form's dates) is then ready at once.
  afterTakeover(() => setTimeout(warmUpIntl, 0));
};

/** The plain shell (or a page to show in another language): render from scratch. */
const render = async (prerendered: boolean): Promise<void> => {
  startEarlyRequests(window.location.pathname);
  const router = createAppRouter();
  // A pre-rendered page stays on screen until the route's code and data are here, then the app
  // renders over it in one go: no blank frame, no jump.
  const routeReady = prerendered
    ? new Promise<void>((resolve) => {
        if (router.state.initialized) return resolve();
        const stop = router.subscribe((state) => {
          if (state.initialized) {
            stop();
            resolve();
          }
        });
      })
    : undefined;
  // The first namespace is awaited before rendering, so the first paint is already translated.
  await Promise.all([initI18n(), routeReady]);
  // Whoever scrolled the pre-rendered page while the code arrived stays where they were.
  const scrolled = prerendered ? window.scrollY : 0;
  const reactRoot = createRoot(root);
  if (scrolled > 0) {
    flushSync(() => reactRoot.render(app(router)));
    window.scrollTo(0, scrolled);
  } else reactRoot.render(app(router));
};

// An enrolled kiosk renders every page in its own layout (a pre-rendered page has the phone's,
// so it is rendered afresh rather than taken over).
const page = root.hasChildNodes() && !isKiosk() ? readPageData() : null;
const chosen = savedLanguage();
if (page && (!chosen || chosen === page.lng) && new URL(page.url, window.location.origin).pathname === window.location.pathname) void takeOver(page);
else void render(root.hasChildNodes());

// Signing out in one tab (auth/actions.ts) signs out every other tab too: their session goes,
// and they leave whatever personal page they showed.
if ('BroadcastChannel' in window) {
  new BroadcastChannel('mcs-session').onmessage = (event: MessageEvent) => {
    if (event.data !== 'signed-out' || !readSession()) return;
    try {
      sessionStorage.clear();
    } catch {
      // Storage blocked: there was no session in it either.
    }
    window.location.replace('/');
  };
}
