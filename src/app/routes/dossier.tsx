import i18next from 'i18next';
import type { LoaderFunctionArgs } from 'react-router';
import { requireSession } from '../require-session.ts';

export { DossierPage as Component } from '../../features/dossiers/DossierPage.tsx';
export { RouteErrorBoundary as ErrorBoundary } from '../../components/errors/RouteErrorBoundary.tsx';

/** The page fetches its own data so that, offline, it can fall back on the device's copy. */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  requireSession(request);
  await i18next.loadNamespaces('dossiers');
  return null;
};
