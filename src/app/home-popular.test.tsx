import { beforeAll, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { createMemoryRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { initI18n } from '../i18n/i18n.ts';
import { routes } from './routes.tsx';
import { loadQueryClient, QueryProvider } from './query-provider.tsx';
import { afterFirstPaintNeeds } from '../lib/use-after-first-paint.ts';
import type { PopularService } from '../features/home/PopularList.tsx';

beforeAll(async () => {
  // As main.tsx: the page's namespaces (scripts/prerender.ts lists them), the client after the paint.
  await initI18n('vi', ['catalogue']);
  afterFirstPaintNeeds(loadQueryClient);
});

const start = (router: ReturnType<typeof createMemoryRouter>) =>
  render(
    <QueryProvider>
      <RouterProvider router={router} />
    </QueryProvider>,
  );

const popular: PopularService[] = [
  { id: '1.001193', name: 'Đăng ký khai sinh', nameEn: 'Birth registration', level: 'full' },
  { id: '1.000894', name: 'Đăng ký kết hôn', nameEn: 'Marriage registration', level: 'partial' },
];

describe('the home page’s popular services', () => {
  it('come with a pre-rendered page: shown at once, nothing fetched for them', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    // The router's hydration data, as scripts/prerender.ts writes it for "/".
    const router = createMemoryRouter(routes, { initialEntries: ['/'], hydrationData: { loaderData: { '0-0': popular } } });
    start(router);
    const section = screen.getByRole('region', { name: 'Dịch vụ được dùng nhiều' });
    expect(within(section).getByRole('link', { name: /Đăng ký khai sinh/ })).toHaveAttribute('href', '/services/1.001193');
    expect(within(section).getAllByRole('listitem')).toHaveLength(2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(screen.queryByText('Đang tải…')).not.toBeInTheDocument();
    expect(fetchSpy.mock.calls.map(([input]) => String(input instanceof Request ? input.url : input)).filter((url) => url.includes('/catalogue'))).toEqual([]);
    fetchSpy.mockRestore();
    router.dispose();
  });

  it('without them (the plain shell), the list comes from the catalogue after the first paint', async () => {
    const router = createMemoryRouter(routes, { initialEntries: ['/'] });
    start(router);
    expect(await screen.findByRole('heading', { level: 1 })).toBeInTheDocument();
    const section = await screen.findByRole('region', { name: 'Dịch vụ được dùng nhiều' }, { timeout: 5000 });
    expect(within(section).getAllByRole('listitem')).toHaveLength(6);
    router.dispose();
  });
});
