import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { hydrateRoot } from 'react-dom/client';
import { createMemoryRouter, createStaticHandler, createStaticRouter, StaticRouterProvider, type HydrationState } from 'react-router';
import { dehydrate, QueryClientProvider } from '@tanstack/react-query';
import i18next from 'i18next';
import { initI18n } from './i18n/i18n.ts';
import { routes } from './app/routes.tsx';
import { queryClient } from './app/query-client.ts';
import { App } from './app/App.tsx';
import { provideQueryClient } from './app/query-provider.tsx';
import { resolveLazyRoutes, type PageData } from './app/hydration.ts';
import { keepFormatted, recordFormatted } from './lib/format.ts';

const lng = 'vi';

/**
 * Build-time rendering of the public pages (scripts/prerender.ts runs this in a DOM, with the
 * configured backend's public data): the HTML a first visit receives already shows the page, so
 * it paints before any JavaScript has arrived, and the page data the app needs to take it over
 * (hydrate it) without fetching anything again.
 *
 * The page is rendered the way a server renders for hydration (React Router's static handler,
 * `renderToString`), then hydrated here exactly as main.tsx will in the browser: a mismatch
 * between the two fails the page (and the build) instead of reaching a citizen's phone.
 */
export const prerender = async (url: string, origin: string): Promise<{ html: string; title: string; data: PageData } | { error: string }> => {
  if (!i18next.isInitialized) await initI18n(lng);
  // Only what this page used goes into its page data.
  queryClient.clear();
  const namespaces = new Set<string>();
  const loadNamespaces = i18next.loadNamespaces.bind(i18next);
  i18next.loadNamespaces = ((ns: string | readonly string[], callback?: Parameters<typeof i18next.loadNamespaces>[1]) => {
    for (const n of typeof ns === 'string' ? [ns] : ns) namespaces.add(n);
    return loadNamespaces(ns, callback);
  }) as typeof i18next.loadNamespaces;

  const handler = createStaticHandler(routes);
  let context;
  try {
    context = await handler.query(new Request(new URL(url, origin)));
  } finally {
    i18next.loadNamespaces = loadNamespaces;
  }
  if (context instanceof Response) return { error: `the route answered ${context.status} (a redirect?)` };
  const routeError = Object.values(context.errors ?? {})[0];
  if (routeError) return { error: String(routeError instanceof Error ? routeError.message : JSON.stringify(routeError)) };

  const [html, formatted] = recordFormatted(() =>
    renderToString(
      <StrictMode>
        <QueryClientProvider client={queryClient}>
          <StaticRouterProvider router={createStaticRouter(handler.dataRoutes, context)} context={context} hydrate={false} />
        </QueryClientProvider>
      </StrictMode>,
    ),
  );
  const hydrationData: HydrationState = { loaderData: context.loaderData, actionData: context.actionData, errors: context.errors };
  const data: PageData = {
    url,
    lng,
    ns: [...namespaces].filter((n) => n !== 'common'),
    router: JSON.parse(JSON.stringify(hydrationData)) as HydrationState,
    queries: JSON.parse(JSON.stringify(dehydrate(queryClient))) as PageData['queries'],
    formatted,
  };

  const checked = await hydrateHere(url, html, data);
  if ('error' in checked) return checked;
  const main = /<main[^>]*>/.exec(html)?.[0] ?? '';
  if (main.includes('aria-busy="true"') || !html.includes('<h1')) return { error: 'the first render was not complete (something suspended)' };
  return { html, title: checked.title, data };
};

/** Takes the HTML over as the browser will, reporting any difference React finds. */
const hydrateHere = async (url: string, html: string, data: PageData): Promise<{ title: string } | { error: string }> => {
  await resolveLazyRoutes(routes, new URL(url, 'http://x').pathname);
  // As main.tsx: the client (with this page's cache) is there before hydration, and so are the
  // formatted strings.
  provideQueryClient(queryClient);
  keepFormatted(data.formatted);
  const router = createMemoryRouter(routes, { initialEntries: [url], hydrationData: data.router });
  const container = document.createElement('div');
  container.innerHTML = html;
  document.body.append(container);
  const problems: string[] = [];
  const consoleError = console.error;
  console.error = (...args: unknown[]) => {
    problems.push(args.map(String).join(' ').slice(0, 500));
  };
  try {
    const root = hydrateRoot(
      container,
      <StrictMode>
        <App router={router} />
      </StrictMode>,
      {
        onRecoverableError: (error) => problems.push(String(error instanceof Error ? error.message : error)),
      },
    );
    // Hydration, then the re-render that enables the controls, then the effects (the page's title).
    for (let waited = 0; container.querySelector('fieldset.takeover[disabled]') && waited < 10_000; waited += 10) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 0));
    if (container.querySelector('fieldset.takeover[disabled]')) problems.push('the app did not take the page over');
    const title = document.title;
    root.unmount();
    return problems.length ? { error: `hydration did not match: ${problems.join(' | ')}` } : { title };
  } finally {
    console.error = consoleError;
    container.remove();
    router.dispose();
  }
};
