import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { createMemoryRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { QueryClientProvider } from '@tanstack/react-query';
import i18next from 'i18next';
import { initI18n } from './i18n/i18n.ts';
import { routes } from './app/routes.tsx';
import { queryClient } from './app/query-client.ts';

/**
 * Build-time rendering of the public pages (scripts/prerender.ts runs this in a DOM, with the
 * configured backend's public data): the HTML a first visit receives already shows the page, so
 * it paints before any JavaScript has arrived. main.tsx then renders the same page over it once
 * the route's code and data are ready. Exactly the first client render is captured — nothing
 * that appears later (after first paint, after an effect) — so nothing moves when React takes
 * over.
 */
export const prerender = async (url: string): Promise<{ html: string; title: string } | { error: string }> => {
  if (!i18next.isInitialized) await initI18n('vi');
  const router = createMemoryRouter(routes, { initialEntries: [url] });
  await new Promise<void>((resolve) => {
    if (router.state.initialized) return resolve();
    const stop = router.subscribe((state) => {
      if (state.initialized) {
        stop();
        resolve();
      }
    });
  });
  const routeError = Object.values(router.state.errors ?? {})[0];
  if (routeError) return { error: String(routeError instanceof Error ? routeError.message : JSON.stringify(routeError)) };

  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  flushSync(() =>
    root.render(
      <StrictMode>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </StrictMode>,
    ),
  );
  // Allow the title effect to run.
  await new Promise((r) => setTimeout(r, 0));
  const main = container.querySelector('main');
  const result =
    main && main.getAttribute('aria-busy') !== 'true' && container.querySelector('h1')
      ? // Until the app takes over, nothing here can be typed into or pressed; links still work.
        { html: disableControls(container).innerHTML, title: document.title }
      : { error: 'the first render was not complete (something suspended)' };
  root.unmount();
  container.remove();
  router.dispose();
  return result;
};

const disableControls = (container: HTMLElement) => {
  for (const control of container.querySelectorAll('input, select, textarea, button')) control.setAttribute('disabled', '');
  // A disclosure opened now would close again when the app takes over.
  for (const disclosure of container.querySelectorAll('details')) disclosure.setAttribute('inert', '');
  return container;
};
