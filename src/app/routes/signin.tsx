import i18next from 'i18next';
import { redirect, type LoaderFunctionArgs } from 'react-router';
import { isExpired, readSession } from '../../auth/session.ts';
import { safeReturnTo } from '../../auth/return-to.ts';

export { SignInPage as Component } from '../../features/auth/SignInPage.tsx';
export { RouteErrorBoundary as ErrorBoundary } from '../../components/errors/RouteErrorBoundary.tsx';

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const session = readSession();
  if (session && !isExpired(session)) return redirect(safeReturnTo(new URL(request.url).searchParams.get('returnTo')));
  await i18next.loadNamespaces('auth');
  return null;
};
