import i18next from 'i18next';

export { RatePage as Component } from '../../features/rating/RatePage.tsx';
export { RouteErrorBoundary as ErrorBoundary } from '../../components/errors/RouteErrorBoundary.tsx';

/**
 * Signed in, or right after a public look-up (its rating token comes in the router's state):
 * the page itself says which, so no session is required here.
 */
export const loader = async () => {
  await i18next.loadNamespaces('rating');
  return null;
};
