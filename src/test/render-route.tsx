import { render } from '@testing-library/react';
import { createMemoryRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { QueryClientProvider } from '@tanstack/react-query';
import { queryClient } from '../app/query-client.ts';
import { routes } from '../app/routes.tsx';

/** The whole app at `url` (real routes, loaders and query client, an empty cache): for page tests. */
export const renderAt = (url: string) => {
  queryClient.clear();
  const router = createMemoryRouter(routes, { initialEntries: [url] });
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return router;
};
