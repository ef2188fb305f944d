import i18next from 'i18next';
import { procedureKeys } from '../../api/procedures/keys.ts';
import type { Catalogue } from '../../api/procedures/schema.ts';
import { popularOf, type PopularService } from '../../features/home/PopularList.tsx';
import { loadedQueryClient } from '../query-provider.tsx';

/**
 * The home page's popular services, when they cost nothing: at build time the pre-renderer asks
 * the backend, so the list is in the page's HTML and its hydration data (no catalogue to fetch
 * and parse on a phone that has just painted the page); in the browser, from the catalogue
 * already in the cache (React Query's client is not loaded for it: it is not part of the first
 * render, docs/architecture/decisions.md, 3b). Otherwise null, and the page fetches the
 * catalogue after its first paint (features/home/HomePage.tsx), so a slow link never holds the
 * home page back. In the first bundle: the build drops the pre-rendering branch.
 */
export const loader = async (): Promise<PopularService[] | null> => {
  if (import.meta.env.SSR) {
    const [{ getCatalogue }] = await Promise.all([import('../../api/procedures/requests.ts'), i18next.loadNamespaces('catalogue')]);
    return popularOf((await getCatalogue()).procedures);
  }
  const catalogue = loadedQueryClient()?.getQueryData<Catalogue>(procedureKeys.catalogue());
  if (!catalogue) return null;
  await i18next.loadNamespaces('catalogue');
  return popularOf(catalogue.procedures);
};
