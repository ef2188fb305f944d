/**
 * A pre-rendered page leaves the web app manifest out of its <head> (scripts/prerender.ts) and
 * names it on its framework script (data-manifest): the browser fetches a manifest, and its icon,
 * as soon as it sees one, to check whether the app can be installed — work on the page's main
 * thread while the citizen is starting to use it, and for nothing until a service worker runs
 * the app (an install needs one). So the link is added once the service worker is ready.
 * The plain shell keeps its link in the <head>: nothing to do there.
 */
export const linkManifest = (doc: Document = document): void => {
  const href = doc.querySelector<HTMLScriptElement>('script[data-manifest]')?.dataset.manifest;
  if (!href || doc.querySelector('link[rel="manifest"]')) return;
  const link = doc.createElement('link');
  link.rel = 'manifest';
  link.href = href;
  doc.head.append(link);
};
