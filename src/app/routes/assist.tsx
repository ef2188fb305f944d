import i18next from 'i18next';

export { HelpPage as Component } from '../../features/assisted/HelpPage.tsx';
export { RouteErrorBoundary as ErrorBoundary } from '../../components/errors/RouteErrorBoundary.tsx';

export const loader = async () => {
  await i18next.loadNamespaces(['assisted', 'kiosk']);
  return null;
};
