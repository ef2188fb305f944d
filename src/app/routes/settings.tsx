import i18next from 'i18next';

export { SettingsPage as Component } from '../../features/settings/SettingsPage.tsx';
export { RouteErrorBoundary as ErrorBoundary } from '../../components/errors/RouteErrorBoundary.tsx';

/** The page's strings (its own namespace: not in every page's first download). */
export const loader = async () => {
  await i18next.loadNamespaces('settings');
  return null;
};
