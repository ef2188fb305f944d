import i18next from 'i18next';
import type { LoaderFunctionArgs } from 'react-router';
import { requireSession } from '../require-session.ts';

export { OutboxItemPage as Component } from '../../features/outbox/OutboxItemPage.tsx';
export { RouteErrorBoundary as ErrorBoundary } from '../../components/errors/RouteErrorBoundary.tsx';

export const loader = async ({ request }: LoaderFunctionArgs) => {
  requireSession(request);
  await i18next.loadNamespaces('documents');
  return null;
};
