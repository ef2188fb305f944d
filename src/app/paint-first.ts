/**
 * The one script in a pre-rendered page's <head> (scripts/prerender.ts), an entry of its own of
 * under 1 KB: the page paints from its HTML and CSS alone, with no script competing for the link,
 * and only then is the app asked for (docs/architecture/decisions.md, 3).
 *
 * Once the page has painted it runs React's file (data-react), then the other framework files
 * (data-early: the router, i18next) and the entry (data-entry), one by one, each in a task of its
 * own (as one module graph they would be one long task on a slow phone, during which a tap would
 * wait); and it asks, a file per task, for what they import and the page's route code
 * (data-preload, data-route). The web app manifest is linked once the service worker is ready
 * (data-manifest, src/pwa/manifest-link.ts). The plain shell (shell.html) has no such script.
 */
const boot = document.querySelector<HTMLScriptElement>('script[data-react]');

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
  run([...words(data.react), ...words(data.early), ...words(data.entry)]);
  setTimeout(() => preload([...words(data.preload), ...words(data.route)]), 0);
};

if (boot) {
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
