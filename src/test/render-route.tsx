import { render } from '@testing-library/react';
import { createMemoryRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { QueryClientProvider } from '@tanstack/react-query';
import { queryClient } from '../app/query-client.ts';
import { routes } from '../app/routes.tsx';

/**
 * The whole app at `url` (real routes, loaders and components) for page tests, with the test's
 * own query client (src/test/setup.ts installs a fresh one, without retries, before each test).
 */
export const renderAt = (url: string) => {
  const router = createMemoryRouter(routes, { initialEntries: [url] });
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return router;
};

/** The client `renderAt` renders with (a live binding): tests read and prime its cache. */
export { queryClient } from '../app/query-client.ts';
