import { matchRoutes, type HydrationState, type RouteObject } from 'react-router';
import type { DehydratedState } from '@tanstack/react-query';

/**
 * What a pre-rendered page carries for the app to take it over (hydrate) instead of building it
 * again: the router's loader results, the query cache the page was rendered from, the locale
 * namespaces it used and the URL and language it was rendered for. scripts/prerender.ts writes
 * it as a JSON data block (`<script type="application/json">`: data, not code, so the CSP that
 * forbids inline scripts still holds); main.tsx reads it.
 */
export interface PageData {
  /** Path and query the HTML was rendered for ("/services"). */
  url: string;
  /** Language of the HTML (also <html lang>). */
  lng: string;
  /** Locale namespaces the first render needs besides the default one. */
  ns: string[];
  router: HydrationState;
  queries: DehydratedState;
  /** Strings the render formatted (amounts, dates, shares), by what was formatted: lib/format.ts. */
  formatted?: Record<string, string>;
}

export const pageDataId = 'page-data';

/** JSON that can sit inside a <script> element: no "</script>" or "<!--" can close it early. */
export const serializePageData = (data: PageData): string =>
  JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

export const readPageData = (doc: Document = document): PageData | null => {
  const text = doc.getElementById(pageDataId)?.textContent;
  if (!text) return null;
  try {
    return JSON.parse(text) as PageData;
  } catch {
    return null;
  }
};

/**
 * Hydration needs the first client render to be the page itself, not the router's fallback: a
 * route whose code is still lazy makes the router start uninitialised. So the matched routes'
 * modules are loaded first and their exports set on the route objects (React Router's pattern
 * for lazy routes with server rendering).
 */
export const resolveLazyRoutes = async (routes: RouteObject[], pathname: string): Promise<void> => {
  const lazy = (matchRoutes(routes, pathname) ?? []).filter((m) => typeof m.route.lazy === 'function');
  await Promise.all(
    lazy.map(async ({ route }) => {
      const load = route.lazy as () => Promise<Partial<RouteObject>>;
      const module = await load();
      Object.assign(route, { ...module, lazy: undefined });
    }),
  );
};
