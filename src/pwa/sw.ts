/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst, StaleWhileRevalidate } from 'workbox-strategies';
import { ExpirationPlugin } from 'workbox-expiration';
import { publicDataRoutes } from './public-data.ts';

declare const self: ServiceWorkerGlobalScope;

/**
 * Our rules (docs/architecture/decisions.md, 4 and 8):
 * - the app shell and its code are precached, so the app opens with no signal;
 * - only PUBLIC data is cached at run time (the catalogue, procedure pages, administrative
 *   units, the public statistics). Cache Storage is keyed by URL, not by person: personal data never goes there;
 * - a new version waits until the citizen says so (a form may be half-filled).
 */
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// The first install takes charge of the page already open, so a citizen who loses the signal
// minutes after their very first visit still has the app's code. An update still waits: a new
// worker only activates when the citizen accepts it (SKIP_WAITING below).
clientsClaim();

// Deep links (/services/1.001193) open offline: every navigation gets the plain shell (not the
// pre-rendered home page that index.html is).
// /idp/ is the identity provider's own pages (the simulated one lives on this origin).
registerRoute(new NavigationRoute(createHandlerBoundToURL('/shell.html'), { denylist: [/^\/api\//, /^\/idp\//, /^\/pay\//] }));

export const PUBLIC_CACHE = 'public-catalogue-v1';

// The backend the app was built for (VITE_API_BASE_URL): on this origin or another one. Its
// responses to the page are CORS responses (never opaque), so they can be cached and read back.
const publicData = publicDataRoutes(import.meta.env.VITE_API_BASE_URL ?? '/api', self.location.origin);

// The first visit's catalogue request went out before this worker existed, so it is not cached:
// fetch it once now (≈ 11 kB gzip), so search works offline from the very first visit.
self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(PUBLIC_CACHE)
      .then(async (cache) => {
        if (!(await cache.match(publicData.catalogueUrl))) await cache.add(publicData.catalogueUrl);
      })
      .catch(() => undefined),
  );
});

// Fresh when the network answers within a few seconds, otherwise the copy from last time.
registerRoute(
  ({ url, request }) => request.method === 'GET' && publicData.match(url) === 'catalogue',
  new NetworkFirst({
    cacheName: PUBLIC_CACHE,
    networkTimeoutSeconds: 6,
    plugins: [new ExpirationPlugin({ maxEntries: 300, maxAgeSeconds: 30 * 24 * 3600 })],
  }),
);

// Public statistics: fresh when the network answers, the copy from the last visit offline (per
// period: the query string is part of the key).
registerRoute(
  ({ url, request }) => request.method === 'GET' && publicData.match(url) === 'stats',
  new NetworkFirst({
    cacheName: 'public-stats-v1',
    networkTimeoutSeconds: 6,
    plugins: [new ExpirationPlugin({ maxEntries: 60, maxAgeSeconds: 30 * 24 * 3600 })],
  }),
);

registerRoute(
  ({ url, request }) => request.method === 'GET' && publicData.match(url) === 'admin-units',
  new StaleWhileRevalidate({ cacheName: 'public-admin-units-v1', plugins: [new ExpirationPlugin({ maxEntries: 100 })] }),
);

// Hashed assets not in the precache (e.g. after an update) are immutable: cache on first use.
registerRoute(
  ({ url, request }) => request.method === 'GET' && url.origin === self.location.origin && url.pathname.startsWith('/assets/'),
  new CacheFirst({ cacheName: 'assets-v1', plugins: [new ExpirationPlugin({ maxEntries: 100 })] }),
);

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  const data: unknown = event.data;
  if (data && typeof data === 'object' && 'type' in data && data.type === 'SKIP_WAITING') void self.skipWaiting();
});

// Background Sync (where the browser has it): the page holds the session, so the worker only
// wakes the open pages, which drain the outbox themselves. With no page open there is nothing
// to wake: the sync fails, so the browser tries again later rather than counting it as done.
self.addEventListener('sync', (event) => {
  const sync = event as ExtendableEvent & { tag?: string };
  if (sync.tag !== 'mcs-outbox') return;
  sync.waitUntil(
    self.clients.matchAll({ type: 'window' }).then((clients) => {
      if (clients.length === 0) throw new Error('No open page to send the outbox');
      clients.forEach((c) => c.postMessage({ type: 'drain-outbox' }));
    }),
  );
});
