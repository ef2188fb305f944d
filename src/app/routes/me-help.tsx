import i18next from 'i18next';
import type { LoaderFunctionArgs } from 'react-router';
import { requireSession } from '../require-session.ts';

export { HelpPage as Component } from '../../features/assisted-me/HelpPage.tsx';
export { RouteErrorBoundary as ErrorBoundary } from '../../components/errors/RouteErrorBoundary.tsx';

export const loader = async ({ request }: LoaderFunctionArgs) => {
  requireSession(request);
  // The rating's level names show beside each help already rated.
  await i18next.loadNamespaces(['help', 'rating']);
  return null;
};
