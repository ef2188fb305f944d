// Pre-rendered pages (scripts/prerender.ts) load the app through this file: the page is already
// readable, so the app's code is requested once it has painted, leaving a slow link to the
// stylesheet and the content first. Other pages (shell.html) load the app directly.
//
// Every module is requested at once (modulepreload), but the framework files (data-early: React,
// the router, i18next) run as scripts of their own, one by one, before the entry: running them as
// one module graph would be one long task on a slow phone, during which a tap would wait.
(() => {
  const me = document.currentScript;
  if (!me) return;
  const run = (scripts) => {
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
  const start = () => {
    for (const href of (me.dataset.preload ?? '').split(' ').filter(Boolean)) {
      const link = document.createElement('link');
      link.rel = 'modulepreload';
      link.crossOrigin = '';
      link.href = href;
      document.head.append(link);
    }
    run([...(me.dataset.early ?? '').split(' ').filter(Boolean), me.dataset.entry ?? '']);
  };
  // A hidden tab never paints (no animation frames): start at once.
  if (document.hidden) start();
  else requestAnimationFrame(() => setTimeout(start, 0));
})();
