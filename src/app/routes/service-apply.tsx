import i18next from 'i18next';
import { useParams } from 'react-router';
import { useSuspenseQuery } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { procedureQueryOptions } from '../../api/procedures/queries.ts';
import { formDefinitionQueryOptions } from '../../api/forms/queries.ts';
import { ApplyPage } from '../../features/catalogue/ApplyPage.tsx';
import { ApplyFormPage } from '../../features/eform/ApplyFormPage.tsx';
import { queryClient } from '../query-client.ts';
import { loadProcedureTranslation } from '../procedure-translation.ts';
import { requireSession } from '../require-session.ts';
import { readSession } from '../../auth/session.ts';
import { readDraftEarly } from '../../features/eform/use-draft.ts';

export { RouteErrorBoundary as ErrorBoundary } from '../../components/errors/RouteErrorBoundary.tsx';

/** Procedures with an e-form are filed here after signing in; others show what to prepare. */
export const loader = async ({ params, request }: LoaderFunctionArgs) => {
  const procedure = await queryClient.ensureQueryData(procedureQueryOptions(params.id ?? ''));
  if (procedure.hasEForm) {
    requireSession(request);
    await Promise.all([
      queryClient.ensureQueryData(formDefinitionQueryOptions(procedure.id)),
      i18next.loadNamespaces(['catalogue', 'eform']),
      // The draft on the device, read meanwhile, so the form draws with the page.
      readDraftEarly(readSession()?.sub ?? '', procedure.id),
    ]);
  } else await Promise.all([loadProcedureTranslation(procedure.id), i18next.loadNamespaces('catalogue')]);
  return null;
};

export const Component = () => {
  const { id = '' } = useParams();
  const { data: procedure } = useSuspenseQuery(procedureQueryOptions(id));
  return procedure.hasEForm ? <ApplyFormPage /> : <ApplyPage />;
};
