import i18next from 'i18next';

export { ResidentSignedInPage as Component } from '../../features/assisted/ResidentSignedInPage.tsx';
export { RouteErrorBoundary as ErrorBoundary } from '../../components/errors/RouteErrorBoundary.tsx';

export const loader = async () => {
  await i18next.loadNamespaces(['assisted']);
  return null;
};
