import i18next from 'i18next';

export { AuthCallbackPage as Component } from '../../features/auth/AuthCallbackPage.tsx';
export { RouteErrorBoundary as ErrorBoundary } from '../../components/errors/RouteErrorBoundary.tsx';

export const loader = async () => {
  await i18next.loadNamespaces('auth');
  return null;
};
