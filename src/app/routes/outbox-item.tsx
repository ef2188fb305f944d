import i18next from 'i18next';
import type { LoaderFunctionArgs } from 'react-router';
import { requireSession } from '../require-session.ts';

export { OutboxItemPage as Component } from '../../features/outbox/OutboxItemPage.tsx';
export { RouteErrorBoundary as ErrorBoundary } from '../../components/errors/RouteErrorBoundary.tsx';

export const loader = async ({ request }: LoaderFunctionArgs) => {
  requireSession(request);
  // The receipt follows as soon as the queue is sent: have its code ready before the signal returns.
  void import('./dossier-receipt.tsx').catch(() => undefined);
  void i18next.loadNamespaces('dossiers').catch(() => undefined);
  await i18next.loadNamespaces('documents');
  return null;
};
