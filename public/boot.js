// Pre-rendered pages (scripts/prerender.ts) load the app through this file: the page is already
// readable, so the app's code is requested once it has painted, leaving a slow link to the
// stylesheet and the content first. Other pages (shell.html) load the app directly.
(() => {
  const me = document.currentScript;
  if (!me) return;
  const start = () => {
    for (const href of (me.dataset.preload ?? '').split(' ').filter(Boolean)) {
      const link = document.createElement('link');
      link.rel = 'modulepreload';
      link.crossOrigin = '';
      link.href = href;
      document.head.append(link);
    }
    const script = document.createElement('script');
    script.type = 'module';
    script.crossOrigin = '';
    script.src = me.dataset.entry ?? '';
    document.head.append(script);
  };
  // A hidden tab never paints (no animation frames): start at once.
  if (document.hidden) start();
  else requestAnimationFrame(() => setTimeout(start, 0));
})();
