import i18next from 'i18next';

export { HandoffPage as Component } from '../../features/handoff/HandoffPage.tsx';
export { RouteErrorBoundary as ErrorBoundary } from '../../components/errors/RouteErrorBoundary.tsx';

/** A form handed over from a hall kiosk, opened on the person's own phone once they sign in. */
export const loader = async () => {
  await i18next.loadNamespaces('kiosk');
  return null;
};
