/**
 * Which requests the service worker may keep: the PUBLIC data of the backend the app was built
 * for (VITE_API_BASE_URL), wherever it lives — a path on the app's own origin (`/api`) or
 * another origin (`https://dichvucong.example.gov.vn/api`): the catalogue, procedures (and their
 * translations), e-forms,
 * the rating criteria (so a finished dossier can be rated offline) and administrative units.
 * Anything else, personal data above all, is never matched.
 */
export type PublicData = 'catalogue' | 'admin-units' | 'stats';

export interface PublicDataRoutes {
  /** The catalogue's URL, fetched once when the worker installs. */
  catalogueUrl: string;
  /** Which public cache a GET for this URL belongs to, if any. */
  match: (url: URL) => PublicData | undefined;
}

export const publicDataRoutes = (apiBase: string, selfOrigin: string): PublicDataRoutes => {
  // "/api", "/api/", "https://host/api" → "…/api/": the prefix every API path starts with.
  const base = new URL(`${apiBase.replace(/\/+$/, '')}/`, selfOrigin);
  return {
    catalogueUrl: new URL('catalogue', base).href,
    match: (url) => {
      if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) return undefined;
      const rest = url.pathname.slice(base.pathname.length);
      if (/^(catalogue|procedures\/[^/]+(\/translations\/[^/]+)?|forms\/[^/]+|ratings\/criteria)$/.test(rest)) return 'catalogue';
      if (/^admin-units\/./.test(rest)) return 'admin-units';
      if (/^stats(\/agencies\/[^/]+)?$/.test(rest)) return 'stats';
      return undefined;
    },
  };
};
