export { SettingsPage as Component } from '../../features/settings/SettingsPage.tsx';
export { RouteErrorBoundary as ErrorBoundary } from '../../components/errors/RouteErrorBoundary.tsx';
