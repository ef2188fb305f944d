import { useRevalidator, useRouteError } from 'react-router';
import { ErrorPanel } from './ErrorPanel.tsx';

/**
 * A route's own boundary: the shell (header, navigation) stays, the page explains the
 * problem and offers to try again without losing the place.
 */
export const RouteErrorBoundary = () => {
  const error = useRouteError();
  const revalidator = useRevalidator();
  return <ErrorPanel error={error} onRetry={() => void revalidator.revalidate()} />;
};
