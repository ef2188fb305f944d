import { describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect, useRef } from 'react';
import { createMemoryRouter, Link, Outlet, RouterProvider } from 'react-router';
import { useFocusOnNavigate } from './use-focus-on-navigate.ts';

const Layout = () => {
  useFocusOnNavigate();
  return (
    <>
      <nav>
        <Link to="/b">Trang B</Link> <Link to="/c">Trang C</Link> <Link to="/c?q=x">Tìm</Link>
      </nav>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
};

/** A page that puts focus on its own notice, as the dossier page does after paying. */
const PageWithNotice = () => {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <>
      <h1>Trang C</h1>
      <p tabIndex={-1} ref={ref}>
        Thanh toán thành công
      </p>
    </>
  );
};

const renderApp = () =>
  render(
    <RouterProvider
      router={createMemoryRouter([
        {
          path: '/',
          Component: Layout,
          children: [
            { path: 'a', element: <h1>Trang A</h1> },
            { path: 'b', element: <h1>Trang B</h1> },
            { path: 'c', Component: PageWithNotice },
          ],
        },
      ], { initialEntries: ['/a'] })}
    />,
  );

describe('useFocusOnNavigate', () => {
  it('leaves the first page alone, then focuses the heading of each new page', async () => {
    renderApp();
    expect(await screen.findByRole('heading', { name: 'Trang A' })).not.toHaveFocus();
    await userEvent.click(screen.getByRole('link', { name: 'Trang B' }));
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Trang B' })).toHaveFocus());
  });

  it('keeps the focus a page placed itself, and ignores a change of query', async () => {
    renderApp();
    await userEvent.click(screen.getByRole('link', { name: 'Trang C' }));
    await waitFor(() => expect(screen.getByText('Thanh toán thành công')).toHaveFocus());
    await new Promise((r) => requestAnimationFrame(r));
    expect(screen.getByText('Thanh toán thành công')).toHaveFocus();
    await userEvent.click(screen.getByRole('link', { name: 'Tìm' }));
    await new Promise((r) => requestAnimationFrame(r));
    expect(screen.getByRole('link', { name: 'Tìm' })).toHaveFocus();
  });
});
