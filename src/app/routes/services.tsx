import i18next from 'i18next';
import type { ShouldRevalidateFunctionArgs } from 'react-router';
import { catalogueQueryOptions } from '../../api/procedures/queries.ts';
import { queryClient } from '../query-client.ts';

export { CataloguePage as Component } from '../../features/catalogue/CataloguePage.tsx';
export { RouteErrorBoundary as ErrorBoundary } from '../../components/errors/RouteErrorBoundary.tsx';

export const loader = async () => {
  await Promise.all([queryClient.ensureQueryData(catalogueQueryOptions()), i18next.loadNamespaces('catalogue')]);
  return null;
};

// Typing a search rewrites ?q= on every key: that is not a reason to reload the catalogue.
export const shouldRevalidate = ({ currentUrl, nextUrl, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) =>
  currentUrl.pathname === nextUrl.pathname ? false : defaultShouldRevalidate;
