/**
 * Pre-renders the public pages after `vite build` (`npm run build` runs it): `/`, `/services`,
 * every procedure page and the public statistics get HTML that already shows the page, so a first visit on a slow phone
 * paints the content before the JavaScript has arrived (Lighthouse LCP). The app itself renders
 * them (src/prerender.tsx) in a DOM (jsdom), loaded through Vite, with the public data of the
 * backend the build targets: the simulated one in mocks/ by default, or VITE_API_BASE_URL when
 * it is an absolute URL. Each page carries the data the app needs to hydrate it (a JSON block). A relative real backend has no host to ask at build time: then nothing
 * is pre-rendered and every page is the plain shell, as before.
 *
 * Output: dist/index.html (home), dist/services.html, dist/services/<id>.html, dist/stats.html and
 * dist/stats/agencies/<id>.html (the statistics of the current year); the plain shell is
 * dist/shell.html (emitted by the build; the service worker and every other path serve it).
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { createServer } from 'vite';
import { matchPath } from 'react-router';
import type * as MockServer from '../mocks/node.ts';
import type * as Prerender from '../src/prerender.tsx';
import type * as Env from '../src/config/env.ts';
import type * as Hydration from '../src/app/hydration.ts';

// `node scripts/prerender.ts dist-cross` after `vite build --outDir dist-cross`.
const DIST = process.argv[2] ?? 'dist';
const ORIGIN = 'http://localhost:4173';
const started = performance.now();

const apiBase = process.env.VITE_API_BASE_URL;
if (apiBase && !/^https?:\/\//.test(apiBase)) {
  console.log(`prerender: VITE_API_BASE_URL=${apiBase} is relative, so there is no backend to ask at build time; pages are served as the plain shell.`);
  process.exit(0);
}

// A browser-like global scope for the app: jsdom's DOM, Node's fetch and JavaScript built-ins.
// jsdom ships no types; one constructor is not worth @types/jsdom.
const { JSDOM } = (await import('jsdom' as string)) as { JSDOM: new (html: string, options: object) => { window: Window } };
const dom = new JSDOM('<!doctype html><html lang="vi"><head><title></title></head><body></body></html>', { url: `${ORIGIN}/`, pretendToBeVisual: true });
const win = dom.window as unknown as Record<string, unknown>;
// The router restores scroll positions; there is nothing to scroll here.
win.scrollTo = () => undefined;
const scope = globalThis as Record<string, unknown>;
for (const key of Object.getOwnPropertyNames(win)) {
  if (key in scope) continue;
  Object.defineProperty(scope, key, { configurable: true, get: () => win[key] });
}
for (const key of ['navigator', 'Event', 'EventTarget', 'CustomEvent']) Object.defineProperty(scope, key, { configurable: true, get: () => win[key] });
await import('fake-indexeddb/auto' as string);

// The app asks for "/api/…" as a browser does; Node's fetch needs the origin.
const nativeFetch = globalThis.fetch;
globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => nativeFetch(typeof input === 'string' && input.startsWith('/') ? `${ORIGIN}${input}` : input, init);

const vite = await createServer({ server: { middlewareMode: true, hmr: false, watch: null }, appType: 'custom', logLevel: 'warn', clearScreen: false });
let failed = false;
try {
  if (!apiBase) {
    const { server } = (await vite.ssrLoadModule('/mocks/node.ts')) as typeof MockServer;
    server.listen({ onUnhandledFrame: 'bypass' });
  }
  const { prerender } = (await vite.ssrLoadModule('/src/prerender.tsx')) as typeof Prerender;
  const { env } = (await vite.ssrLoadModule('/src/config/env.ts')) as typeof Env;
  const { pageDataId, serializePageData } = (await vite.ssrLoadModule('/src/app/hydration.ts')) as typeof Hydration;

  // A backend on another origin that does not answer at build time (not up yet, no route from
  // the build machine) costs the first paint, not the build: every page is the plain shell.
  let catalogue: { procedures: { id: string }[] } | undefined;
  try {
    const response = await globalThis.fetch(`${env.apiBaseUrl}/catalogue`, { headers: { Accept: 'application/json' }, signal: AbortSignal.timeout(15_000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    catalogue = (await response.json()) as { procedures: { id: string }[] };
  } catch (error) {
    if (!apiBase) throw error;
    console.warn(`prerender: the backend at ${env.apiBaseUrl} did not answer (${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}), so nothing is pre-rendered: every page is served as the plain shell. Build with the backend reachable to pre-render the public pages.`);
  }
  // The public statistics for the default period (the current year), and each agency's page.
  let statsPages: string[] = [];
  if (catalogue) {
    try {
      const response = await globalThis.fetch(`${env.apiBaseUrl}/stats`, { headers: { Accept: 'application/json' }, signal: AbortSignal.timeout(15_000) });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const stats = (await response.json()) as { agencies: { agency: { id: string } }[] };
      statsPages = ['/stats', ...stats.agencies.map((a) => `/stats/agencies/${a.agency.id}`)];
    } catch (error) {
      if (!apiBase) throw error;
      console.warn(`prerender: the backend at ${env.apiBaseUrl} gave no statistics (${error instanceof Error ? error.message : String(error)}): /stats is served as the plain shell.`);
    }
  }
  const pages = catalogue ? ['/', '/services', ...catalogue.procedures.map((p) => `/services/${p.id}`), ...statsPages] : [];

  const shell = await readFile(`${DIST}/shell.html`, 'utf8');
  if (!shell.includes('<div id="root"></div>')) throw new Error('dist/shell.html has no empty #root');
  /**
   * A pre-rendered page is readable without its code, so it paints from its HTML and CSS alone:
   * its one script (src/app/paint-first.ts, under 1 KB) asks for React's file (data-react) and
   * the rest (data-early, data-entry, data-preload, data-route) once the page has painted,
   * instead of the tags the build wrote (docs/architecture/decisions.md, 3). The web app manifest is linked once the service worker is ready
   * (data-manifest, src/pwa/manifest-link.ts): the browser's installability check (the manifest
   * and its icon, fetched and decoded on the page's main thread) is no part of the first visit.
   */
  const buildManifest = JSON.parse(await readFile(`${DIST}/.vite/manifest.json`, 'utf8')) as Record<string, { file: string; imports?: string[]; dynamicImports?: string[] }>;
  /** The files a built file imports statically, all the way down (the build manifest). */
  const reactImports = (href: string): string[] => {
    const byFile = new Map(Object.values(buildManifest).map((chunk) => [`/${chunk.file}`, chunk]));
    const found = new Set<string>();
    const visit = (file: string) => {
      for (const key of byFile.get(file)?.imports ?? []) {
        const next = `/${buildManifest[key]?.file ?? ''}`;
        if (next !== '/' && !found.has(next)) {
          found.add(next);
          visit(next);
        }
      }
    };
    visit(href);
    return [...found];
  };
  /**
   * The page's own route code (and what it imports) is asked for with the rest, once the page has
   * painted, rather than by the router's lazy import as the takeover starts: Vite's preload helper
   * adds a <link> per file in one go, one long task on a slow phone (boot.ts adds them a few at a
   * time). Each lazy route in src/app/routes.tsx is written `{ path: '…', lazy: () =>
   * import('./routes/….tsx') }`; a pre-rendered page none of them matches fails the build.
   */
  const routeModules = [...(await readFile('src/app/routes.tsx', 'utf8')).matchAll(/\{ path: '([^']+)', lazy: \(\) => import\('\.\/(routes\/[^']+)'\) \}/g)].map(
    ([, path, file]) => ({ pattern: `/${path ?? ''}`, src: `src/app/${file ?? ''}` }),
  );
  const routeFiles = (url: string): string[] => {
    const pathname = new URL(url, ORIGIN).pathname;
    if (pathname === '/') return []; // the home page is in the entry
    const route = routeModules.find((r) => matchPath(r.pattern, pathname));
    const chunk = route && buildManifest[route.src];
    if (!chunk) throw new Error(`prerender: no lazy route module in src/app/routes.tsx (or the build manifest) for ${pathname}`);
    // …and what the route itself loads once the page is on screen (a procedure's questions).
    const later = (chunk.dynamicImports ?? []).map((key) => buildManifest[key]?.file).filter((file) => file?.endsWith('.js'));
    return [chunk.file, ...later].flatMap((file) => [`/${file}`, ...reactImports(`/${file}`)]);
  };
  /**
   * What every page loads once it is on screen (UpdatePrompt: the update offer), asked for last,
   * for the same reason. A file missing here fails the build.
   */
  const everyPage = ['src/pwa/UpdateOffer.tsx'].flatMap((src) => {
    const chunk = buildManifest[src];
    if (!chunk) throw new Error(`prerender: ${src} is not a chunk of its own in the build manifest`);
    return [`/${chunk.file}`, ...reactImports(`/${chunk.file}`)];
  });
  /** src/app/paint-first.ts: the page's one script, which asks for the app once it has painted. */
  const paintFirstFile = `/${buildManifest['src/app/paint-first.ts']?.file ?? ''}`;
  if (paintFirstFile === '/') throw new Error('prerender: src/app/paint-first.ts is not an entry of the build (vite.config.ts, build input)');
  const paintFirst = (page: string, routeCode: readonly string[] = []) => {
    const entry = /<script type="module" crossorigin src="([^"]+)"><\/script>\s*/.exec(page);
    if (!entry?.[1]) throw new Error('No entry script in dist/shell.html');
    const manifest = /<link rel="manifest" href="([^"]+)">\s*/.exec(page);
    if (!manifest?.[1]) throw new Error('No web app manifest link in dist/shell.html');
    const preloads = [...page.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">\s*/g)];
    let out = page.replace(entry[0], '').replace(manifest[0], '');
    for (const preload of preloads) out = out.replace(preload[0], '');
    const hrefs = preloads.map((p) => p[1] ?? '');
    const react = hrefs.find((href) => /^\/assets\/framework-[\w-]+\.js$/.test(href) && !/\/framework-(router|i18n)-/.test(href));
    if (!react) throw new Error('No React framework file among the preloads of dist/shell.html');
    // The router's and i18next's files import React's: they run after it, in this order.
    const early = hrefs.filter((href) => /\/framework-(router|i18n)-/.test(href)).sort((a, b) => Number(/\/framework-router-/.test(a)) - Number(/\/framework-router-/.test(b)));
    // What React's file imports (rolldown's CommonJS runtime) is asked for first, with it.
    const reactNeeds = reactImports(react);
    const rest = [...reactNeeds, ...hrefs.filter((href) => href !== react && !reactNeeds.includes(href))];
    // The route's code and what every page loads once on screen: not the initial JavaScript (on
    // shell.html the router's lazy import brings the same files), so data-route, which the
    // budget (scripts/lib/budget.ts) does not count.
    const later = [...new Set([...routeCode, ...everyPage])].filter((href) => href !== react && href !== entry[1] && !reactNeeds.includes(href) && !rest.includes(href));
    const script = `<script type="module" crossorigin src="${paintFirstFile}" data-react="${react}" data-entry="${entry[1]}" data-early="${early.join(' ')}" data-preload="${rest.join(' ')}" data-route="${later.join(' ')}" data-manifest="${manifest[1]}"></script>`;
    return out.replace('</head>', () => `  ${script}\n  </head>`);
  };
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

  let written = 0;
  for (const url of pages) {
    const result = await prerender(url, ORIGIN);
    if ('error' in result) {
      console.warn(`prerender: ${url} left as the plain shell: ${result.error}`);
      continue;
    }
    const html = paintFirst(shell, routeFiles(url))
      .replace('<div id="root"></div>', () => `<div id="root">${result.html}</div>`)
      // What the app needs to take the page over without fetching it again (src/app/hydration.ts).
      .replace('</body>', () => `  <script type="application/json" id="${pageDataId}">${serializePageData(result.data)}</script>\n  </body>`)
      .replace(/<title>[^<]*<\/title>/, () => `<title>${escape(result.title)}</title>`);
    const file = url === '/' ? `${DIST}/index.html` : `${DIST}${url}.html`;
    await mkdir(file.slice(0, file.lastIndexOf('/')), { recursive: true });
    await writeFile(file, html);
    written++;
  }
  console.log(`prerender: ${written} of ${pages.length} public pages in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (written < pages.length) failed = true;
} finally {
  await vite.close();
}
process.exit(failed ? 1 : 0);
