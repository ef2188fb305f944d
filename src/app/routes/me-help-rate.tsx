import i18next from 'i18next';
import type { LoaderFunctionArgs } from 'react-router';
import { requireSession } from '../require-session.ts';

export { HelpRatePage as Component } from '../../features/rating/HelpRatePage.tsx';
export { RouteErrorBoundary as ErrorBoundary } from '../../components/errors/RouteErrorBoundary.tsx';

export const loader = async ({ request }: LoaderFunctionArgs) => {
  requireSession(request);
  await i18next.loadNamespaces('rating');
  return null;
};
