import i18next from 'i18next';

export { TrackPage as Component } from '../../features/dossiers/TrackPage.tsx';
export { RouteErrorBoundary as ErrorBoundary } from '../../components/errors/RouteErrorBoundary.tsx';

/** Public: anyone holding a receipt can look a dossier up, without signing in. */
export const loader = async () => {
  await i18next.loadNamespaces('dossiers');
  return null;
};
