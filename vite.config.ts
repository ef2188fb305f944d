import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import sirv from 'sirv';
import { mockApi } from './mocks/vite-plugin.ts';
import pkg from './package.json' with { type: 'json' };

/**
 * VITE_API_BASE_URL points the app at a real backend (see README). Without it the simulated
 * backend in mocks/ answers /api on the same server, for `npm start`, `npm run dev` and e2e.
 */
const realBackend = process.env.VITE_API_BASE_URL;
const apiOrigin = realBackend && /^https?:/.test(realBackend) ? new URL(realBackend).origin : '';
// A real identity provider: its discovery document and token endpoint are fetched from the app.
const oidcAuthority = process.env.VITE_OIDC_AUTHORITY;
const idpOrigin = oidcAuthority && /^https?:/.test(oidcAuthority) ? new URL(oidcAuthority).origin : '';

const csp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "worker-src 'self' blob:",
  `connect-src 'self' ${apiOrigin} ${idpOrigin}`.replace(/\s+/g, ' ').trim(),
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Shortens the critical chain on a slow link: the first namespace of the default language (a
 * couple of KB; the language of every pre-rendered page) downloads with the entry script instead
 * of after it has run. Another language's is fetched when chosen: on a first visit only (the
 * service worker has every locale from then on), and not worth everyone's bytes.
 */
const preloadCritical = (): Plugin => ({
  name: 'mot-cua-so:preload-critical',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler: (_html, ctx) => {
      const locales = Object.values(ctx.bundle ?? {}).filter(
        (chunk) => chunk.type === 'chunk' && /\/src\/i18n\/locales\/vi\/common\.json$/.test(chunk.facadeModuleId ?? ''),
      );
      return [
        ...locales.map((chunk) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${chunk.fileName}` }, injectTo: 'head' as const })),
      ];
    },
  },
});

/**
 * The plain app shell as its own file: scripts/prerender.ts fills index.html (and the catalogue
 * pages) with pre-rendered content, while the service worker and every path without a page of
 * its own need the empty shell.
 */
const emitShell = (): Plugin => ({
  name: 'mot-cua-so:emit-shell',
  apply: 'build',
  generateBundle: {
    order: 'post',
    handler(_options, bundle) {
      const index = bundle['index.html'];
      if (index?.type !== 'asset') throw new Error('index.html missing from the bundle');
      this.emitFile({ type: 'asset', fileName: 'shell.html', source: index.source });
    },
  },
});

/**
 * `vite preview` (what `npm start` serves) as a static host should be configured (README,
 * Deploy): a path with a pre-rendered page gets it (`/services` → services.html), any other app
 * path the shell; a browser that accepts Brotli gets the `.br` copy the build wrote
 * (scripts/compress.ts) — sirv, as Vite's own file server, with the same headers — and anything
 * else Vite's on-the-fly gzip.
 */
const staticHost = (): Plugin => ({
  name: 'mot-cua-so:static-host',
  configurePreviewServer: (server) => {
    const dist = resolve(server.config.root, server.config.build.outDir);
    const exists = (file: string) => existsSync(join(dist, file)) && statSync(join(dist, file)).isFile();
    const headers = Object.entries(server.config.preview.headers ?? {});
    const brotli = sirv(dist, {
      brotli: true,
      dev: true, // Cache-Control: no-cache, as Vite's (README, Deploy: assets/* may be immutable)
      extensions: ['html'],
      setHeaders: (res) => {
        for (const [name, value] of headers) if (value !== undefined) res.setHeader(name, value);
      },
    });
    server.middlewares.use((req, res, next) => {
      const path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
      const read = req.method === 'GET' || req.method === 'HEAD';
      if (read && (req.headers.accept ?? '').includes('text/html') && !/^\/(api|idp|pay)\//.test(path)) {
        if (!exists(path) && !exists(`${path}.html`) && path !== '/') req.url = '/shell.html';
      }
      const file = (req.url ?? '/').split('?')[0] ?? '/';
      const target = file === '/' ? '/index.html' : exists(file) ? file : `${file}.html`;
      if (read && /\bbr\b/.test(String(req.headers['accept-encoding'] ?? '')) && exists(`${decodeURIComponent(target)}.br`)) {
        brotli(req, res, next);
        return;
      }
      next();
    });
  },
});

export default defineConfig({
  plugins: [
    react(),
    ...(realBackend ? [] : [mockApi()]),
    preloadCritical(),
    emitShell(),
    staticHost(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/pwa',
      filename: 'sw.ts',
      // We register from app code with workbox-window (no inline script: CSP), and ask the
      // user before activating a new version.
      injectRegister: false,
      registerType: 'prompt',
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,svg,png,ico,webmanifest}'],
        // Pre-rendered pages are for first visits; offline, every navigation gets shell.html.
        globIgnores: ['index.html', 'services.html', 'services/**', 'stats.html', 'stats/**'],
      },
      includeAssets: ['favicon.svg'],
      manifest: {
        id: '/',
        name: 'Một Cửa Số — Dịch vụ công trực tuyến',
        short_name: 'Một Cửa Số',
        description: 'Tìm thủ tục, nộp hồ sơ và theo dõi kết quả dịch vụ công trực tuyến.',
        lang: 'vi',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        theme_color: '#0b4a8b',
        background_color: '#ffffff',
        categories: ['government', 'utilities'],
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
    }),
  ],
  define: {
    __APP_VERSION__: JSON.stringify(pkg.version),
  },
  build: {
    target: 'es2022',
    // A browser without <link rel="modulepreload"> (Safari < 17) still loads every module through
    // the imports, only not ahead: not worth a polyfill script in everyone's first bytes.
    modulePreload: { polyfill: false },
    manifest: true,
    sourcemap: false,
    rolldownOptions: {
      // The app (index.html), and the one script of a pre-rendered page (scripts/prerender.ts),
      // which asks for the app once the page has painted.
      input: { index: resolve(import.meta.dirname, 'index.html'), 'paint-first': resolve(import.meta.dirname, 'src/app/paint-first.ts') },
      output: {
        // Every lazy import carries the file names of its chunk's dependencies in the first
        // bundle (__vite__mapDeps): hashes alone, not names, keep that list short (−0.5 KB gzip
        // for 80 chunks). The framework files keep their names: the pre-renderer finds them by them.
        chunkFileNames: (chunk) => (chunk.name.startsWith('framework') ? `assets/${chunk.name}-[hash].js` : 'assets/[hash].js'),
        codeSplitting: {
          // The libraries every page runs before its first render, in three files: React and
          // React DOM (with React Query's initial part, which was split between the entry and a
          // chunk of its own), the router, i18next. A pre-rendered page runs React's file before
          // its first paint and the others after it, one by one, each in a task of its own
          // (src/app/boot.ts): as one file they were one task of ~50 ms on this 2-core machine
          // (200 ms at Lighthouse's 4× CPU) after the page was on screen, during which a tap
          // waited (+1.1 KB gzip for three gzip streams). `priority`: React goes to its own file
          // first (a group takes its modules' imports along, so the router's would otherwise take
          // React). `$initial`: only modules the entry imports statically; what lazy pages alone
          // use (useQuery…) stays in their chunks. Vite's preload helper too: left alone,
          // rolldown makes it a chunk of its own, one more request and gzip stream.
          // React Query is not in the first render (docs/architecture/decisions.md, 3b): its code
          // comes as one file with the first route that uses it, rather than in pieces across the
          // route chunks (−1.4 KB on a catalogue page before hydration). Not the app's client
          // (query-client.ts): a group takes its module's imports along, and api/errors.ts, which
          // the entry needs, would make the entry import the whole group.
          groups: [
            { name: 'framework-router', test: /node_modules[\\/]react-router[\\/]/, tags: ['$initial'], priority: 2 },
            { name: 'framework-i18n', test: /node_modules[\\/](i18next|react-i18next)[\\/]/, tags: ['$initial'], priority: 1 },
            { name: 'framework', test: /node_modules[\\/](react|react-dom|scheduler|@tanstack[\\/][^\\/]+)[\\/]|vite\/preload-helper|src[\\/]app[\\/]boot\.ts/, tags: ['$initial'], priority: 3 },
            { name: 'query', test: /node_modules[\\/]@tanstack[\\/][^\\/]+[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    port: Number(process.env.PORT ?? 5173),
  },
  preview: {
    port: Number(process.env.PORT ?? 4173),
    strictPort: true,
    headers: {
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
      // No window the app opens (or that opens it) keeps a handle on it across origins.
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'Permissions-Policy': 'camera=(self), geolocation=(), microphone=()',
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}', 'mocks/**/*.test.ts', 'scripts/**/*.test.ts', 'eslint.config.test.ts'],
    setupFiles: ['src/test/setup.ts'],
    restoreMocks: true,
    // Sized for a 2-core machine shared with other work: a passing test takes what it takes;
    // only a failing one waits this long.
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
