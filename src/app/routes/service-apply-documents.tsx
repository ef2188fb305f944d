import i18next from 'i18next';
import type { LoaderFunctionArgs } from 'react-router';
import { procedureQueryOptions } from '../../api/procedures/queries.ts';
import { formDefinitionQueryOptions } from '../../api/forms/queries.ts';
import { queryClient } from '../query-client.ts';
import { requireSession } from '../require-session.ts';

export { DocumentsStepPage as Component } from '../../features/eform/DocumentsStepPage.tsx';
export { RouteErrorBoundary as ErrorBoundary } from '../../components/errors/RouteErrorBoundary.tsx';

export const loader = async ({ params, request }: LoaderFunctionArgs) => {
  requireSession(request);
  // Submitting works offline, so the page it leads to must not need the network to load.
  void import('./outbox-item.tsx').catch(() => undefined);
  const id = params.id ?? '';
  await Promise.all([
    queryClient.ensureQueryData(procedureQueryOptions(id)),
    queryClient.ensureQueryData(formDefinitionQueryOptions(id)),
    i18next.loadNamespaces(['catalogue', 'eform', 'documents']),
  ]);
  return null;
};
