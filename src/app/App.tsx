import { RouterProvider } from 'react-router/dom';
import { QueryProvider } from './query-provider.tsx';
import type { AppRouter } from './router.tsx';

/** The app's providers. src/prerender.tsx renders the same tree with a static router. */
export const App = ({ router }: { router: AppRouter }) => (
  <QueryProvider>
    <RouterProvider router={router} />
  </QueryProvider>
);
