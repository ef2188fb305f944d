import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router/dom';
import { queryClient } from './query-client.ts';
import type { AppRouter } from './router.tsx';

/** The app's providers. src/prerender.tsx renders the same tree with a static router. */
export const App = ({ router }: { router: AppRouter }) => (
  <QueryClientProvider client={queryClient}>
    <RouterProvider router={router} />
  </QueryClientProvider>
);
