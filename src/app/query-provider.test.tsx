import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import { createMemoryRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { initI18n } from '../i18n/i18n.ts';

beforeAll(async () => {
  await initI18n('vi');
});

// Each test starts with no client loaded, as a page does (the provider's state is per module).
beforeEach(() => {
  vi.resetModules();
});

/** The app as main.tsx starts it, without QueryClientProvider: only what query-provider.tsx gives. */
const startAt = async (url: string) => {
  const { QueryProvider, loadQueryClient } = await import('./query-provider.tsx');
  const { afterFirstPaintNeeds } = await import('../lib/use-after-first-paint.ts');
  const { routes } = await import('./routes.tsx');
  afterFirstPaintNeeds(loadQueryClient);
  render(
    <QueryProvider>
      <RouterProvider router={createMemoryRouter(routes, { initialEntries: [url] })} />
    </QueryProvider>,
  );
};

describe('React Query out of the first render', () => {
  it('gives a lazy route the client with its code', async () => {
    await startAt('/services');
    expect(await screen.findByLabelText('Tìm thủ tục')).toBeInTheDocument();
    expect(await screen.findByText(/Tìm thấy \d+ thủ tục/)).toBeInTheDocument();
  });

  it('renders the home page without it, and what comes after the first paint with it', async () => {
    await startAt('/');
    expect(await screen.findByRole('heading', { level: 1 })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Dịch vụ được dùng nhiều' })).not.toBeInTheDocument();
    // The popular services use a suspense query: they show only once the client is here.
    expect(await screen.findByRole('heading', { name: 'Dịch vụ được dùng nhiều' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
