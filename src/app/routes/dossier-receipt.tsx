import i18next from 'i18next';
import type { LoaderFunctionArgs } from 'react-router';
import { requireSession } from '../require-session.ts';

export { ReceiptPage as Component } from '../../features/dossiers/ReceiptPage.tsx';
export { RouteErrorBoundary as ErrorBoundary } from '../../components/errors/RouteErrorBoundary.tsx';

/** The receipt also works offline, from the device's last copy of the dossier. */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  requireSession(request);
  await i18next.loadNamespaces('dossiers');
  return null;
};
