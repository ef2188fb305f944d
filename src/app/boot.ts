/**
 * Bundled into the framework file (vite.config.ts), the one script in a pre-rendered page's
 * <head> (scripts/prerender.ts), which does not hold the page's first paint back. Importing React
 * DOM's client here is what makes the file run React DOM's (CommonJS) code when it is evaluated.
 *
 * Then, on a pre-rendered page, the rest of the app is asked for once the page has painted, so
 * it does not compete with the page itself on a slow link: the framework script carries the
 * entry, the other framework files and the preloads, then the page's route code and what every
 * page loads once on screen (data-entry, data-early, data-preload, data-route; and the web app
 * manifest, data-manifest, which src/pwa/manifest-link.ts adds once the service worker is
 * ready). The other framework files (data-early: the router, i18next) run as scripts of their
 * own, one by one, before the entry: run as one module graph they would be one long task on a
 * slow phone, during which a tap would wait.
 *
 * The plain shell (shell.html) imports this from the entry (main.tsx) and has no such script:
 * nothing more happens here.
 */
import 'react-dom/client';

/**
 * The first Intl.NumberFormat or DateTimeFormat a Chromium process builds costs 20–30 ms (120 ms
 * on a 4× slower phone), whatever the locale: V8 sets up ICU's number and date support once per
 * process. A throwaway worker pays it on its own thread instead: workers share the page's
 * process, so the page's first formatter is then ready at once (docs/architecture/decisions.md,
 * 3c). The shell starts it at once, while the rest of the app downloads; a pre-rendered page
 * once it has been taken over (main.tsx: its own strings came formatted with it, and a second
 * thread busy during the takeover would slow the takeover down on a two-core phone). A blob
 * worker needs no request (CSP worker-src allows blob:); without workers, nothing changes.
 */
export const warmUpIntl = (): void => {
  if (typeof Worker === 'undefined' || typeof Blob === 'undefined' || typeof URL.createObjectURL !== 'function') return;
  try {
    const url = URL.createObjectURL(
      new Blob(
        [
          "new Intl.NumberFormat('vi-VN',{style:'currency',currency:'VND'}).format(1);new Intl.DateTimeFormat('vi-VN',{timeZone:'Asia/Ho_Chi_Minh'}).format(0);postMessage(0);",
        ],
        { type: 'text/javascript' },
      ),
    );
    const worker = new Worker(url);
    const done = () => {
      URL.revokeObjectURL(url);
      worker.terminate();
    };
    worker.onmessage = worker.onerror = done;
  } catch {
    // A browser that refuses the worker: the first formatter simply costs what it costs.
  }
};

const boot = typeof document === 'undefined' ? null : document.querySelector<HTMLScriptElement>('script[data-entry]');

const words = (value: string | undefined): string[] => (value ?? '').split(/\s+/).filter(Boolean);

/** Runs module scripts one after the other, each in a task of its own. */
const run = (scripts: string[]): void => {
  const src = scripts.shift();
  if (!src) return;
  const script = document.createElement('script');
  script.type = 'module';
  script.crossOrigin = '';
  script.src = src;
  // A module script's load event comes once it has run: the next one starts in a new task.
  if (scripts.length > 0) script.onload = script.onerror = () => setTimeout(() => run(scripts), 0);
  document.head.append(script);
};

/**
 * Asks for files one at a time, each in a task of its own: every <link> starts a request then
 * and there (2–5 ms each, 10–20 on a 4× slower phone), and a page brings twenty. Vite's preload
 * helper then finds them already asked for.
 */
const preload = (hrefs: string[]): void => {
  const href = hrefs.shift();
  if (!href) return;
  const link = document.createElement('link');
  link.rel = 'modulepreload';
  link.crossOrigin = '';
  link.href = href;
  document.head.append(link);
  if (hrefs.length > 0) setTimeout(() => preload(hrefs), 0);
};

const start = (data: DOMStringMap): void => {
  preload([...words(data.preload), ...words(data.route)]);
  setTimeout(() => run([...words(data.early), ...words(data.entry)]), 0);
};

if (!boot && typeof document !== 'undefined' && !import.meta.env.SSR) warmUpIntl();
else if (boot) {
  const data = boot.dataset;
  let started = false;
  const once = () => {
    if (started) return;
    started = true;
    start(data);
  };
  // A hidden tab never paints: start at once. Otherwise after the first contentful paint (its
  // entry comes once the frame is on screen), or the next frame where paint timing is missing.
  if (document.hidden) once();
  else if (PerformanceObserver.supportedEntryTypes?.includes('paint')) {
    new PerformanceObserver((list, observer) => {
      if (list.getEntriesByName('first-contentful-paint').length === 0) return;
      observer.disconnect();
      setTimeout(once, 0);
    }).observe({ type: 'paint', buffered: true });
    // A page with nothing contentful to paint still gets its app.
    setTimeout(once, 3000);
  } else requestAnimationFrame(() => setTimeout(once, 0));
}
