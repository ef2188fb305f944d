import i18next from 'i18next';
import type { LoaderFunctionArgs } from 'react-router';
import { requireSession } from '../require-session.ts';

export { VolunteerPage as Component } from '../../features/volunteer/VolunteerPage.tsx';
export { RouteErrorBoundary as ErrorBoundary } from '../../components/errors/RouteErrorBoundary.tsx';

export const loader = async ({ request }: LoaderFunctionArgs) => {
  requireSession(request);
  // Dossier statuses are named as on the citizen's own dossier pages.
  await i18next.loadNamespaces(['volunteer', 'dossiers']);
  return null;
};
