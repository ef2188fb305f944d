import i18next from 'i18next';
import type { LoaderFunctionArgs } from 'react-router';
import { procedureQueryOptions } from '../../api/procedures/queries.ts';
import { queryClient } from '../query-client.ts';
import { loadProcedureTranslation } from '../procedure-translation.ts';

export { ProcedurePage as Component } from '../../features/catalogue/ProcedurePage.tsx';
export { RouteErrorBoundary as ErrorBoundary } from '../../components/errors/RouteErrorBoundary.tsx';

export const loader = async ({ params }: LoaderFunctionArgs) => {
  await Promise.all([queryClient.ensureQueryData(procedureQueryOptions(params.id ?? '')), loadProcedureTranslation(params.id ?? ''), i18next.loadNamespaces('catalogue')]);
  return null;
};
