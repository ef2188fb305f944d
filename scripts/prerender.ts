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
   * A pre-rendered page is readable without its code, so the code should not compete with the
   * stylesheet for a slow link: public/boot.js asks for the entry and its preloads once the page
   * has painted, instead of the tags the build wrote.
   */
  const paintFirst = (page: string) => {
    const entry = /<script type="module" crossorigin src="([^"]+)"><\/script>\s*/.exec(page);
    if (!entry?.[1]) throw new Error('No entry script in dist/shell.html');
    const preloads = [...page.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">\s*/g)];
    let out = page.replace(entry[0], '');
    for (const preload of preloads) out = out.replace(preload[0], '');
    // The framework files (vite.config.ts) run before the entry, each in a task of its own
    // (boot.js), React's first: the router's and i18next's import it.
    const early = preloads
      .map((p) => p[1] ?? '')
      .filter((href) => href.startsWith('/assets/framework-'))
      .sort((a, b) => Number(/\/framework-(router|i18n)-/.test(a)) - Number(/\/framework-(router|i18n)-/.test(b)));
    const boot = `<script src="/boot.js" defer data-entry="${entry[1]}" data-early="${early.join(' ')}" data-preload="${preloads.map((p) => p[1]).join(' ')}"></script>`;
    return out.replace('</body>', () => `  ${boot}\n  </body>`);
  };
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

  let written = 0;
  for (const url of pages) {
    const result = await prerender(url, ORIGIN);
    if ('error' in result) {
      console.warn(`prerender: ${url} left as the plain shell: ${result.error}`);
      continue;
    }
    const html = paintFirst(shell)
      .replace('<div id="root"></div>', () => `<div id="root">${result.html}</div>`)
      // What the app needs to take the page over without fetching it again (src/app/hydration.ts).
      .replace('  <script src="/boot.js"', () => `  <script type="application/json" id="${pageDataId}">${serializePageData(result.data)}</script>\n    <script src="/boot.js"`)
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
