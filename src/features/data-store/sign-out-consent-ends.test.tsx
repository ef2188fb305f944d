import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18next from 'i18next';
import { http } from 'msw';
import { server } from '../../../mocks/node.ts';
import { problem } from '../../../mocks/handlers/problem.ts';
import { assistedState } from '../../../mocks/assisted.ts';
import { formatTime } from '../../lib/format.ts';
import { endConsentDurably } from '../../offline/consent-end.ts';
import { listPosts, PERSONAL_DB } from '../../offline/personal-db.ts';
import { consentBySms, VOLUNTEER } from '../../test/assisted.ts';
import { personalPageTests, setOnline } from '../../test/page-setup.ts';
import { signIn } from '../../test/session.ts';
import type * as Actions from '../../auth/actions.ts';
import { DataStorePage } from './DataStorePage.tsx';

/**
 * A volunteer signs out while the end of a resident's consent still waits on the phone
 * (docs/domain/assisted.md): it is sent first when the backend can be reached; when it cannot,
 * the volunteer is told the consent keeps running, and chooses to stay signed in or sign out.
 */
const auth = vi.hoisted(() => ({ statusAtSignOut: [] as (string | undefined)[], real: false }));
vi.mock('../../auth/actions.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof Actions>();
  return {
    ...actual,
    signOut: vi.fn(async () => {
      auth.statusAtSignOut.push(assistedState().consents.at(-1)?.status);
      if (auth.real) await actual.signOut();
    }),
  };
});

personalPageTests();

const statusOf = (consentId: string) => assistedState().consents.find((c) => c.id === consentId)?.status;
const waitingEnds = async () => (await listPosts([VOLUNTEER])).filter((p) => p.kind === 'consent-end' && p.state === 'queued');

beforeEach(async () => {
  auth.statusAtSignOut = [];
  auth.real = false;
  signIn(VOLUNTEER, 'Trần Văn Hùng');
  await i18next.loadNamespaces('me');
});

/** Hùng ended his help of An without a signal: the end of An's consent waits on the phone. */
const endQueuedOffline = async () => {
  const consentId = consentBySms();
  const expiresAt = Math.floor(Date.now() / 1000) + 3600;
  setOnline(false);
  expect(await endConsentDurably(consentId, expiresAt)).toBe('queued');
  return { consentId, expiresAt };
};

const renderPage = () =>
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <MemoryRouter>
        <DataStorePage />
      </MemoryRouter>
    </QueryClientProvider>,
  );

const clickSignOut = async () => {
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: 'Đăng xuất và xoá dữ liệu trên máy' }));
  return user;
};

describe('signing out with the end of a resident’s consent waiting', () => {
  it('with a signal: sends the end first, then signs out, without asking', async () => {
    const { consentId } = await endQueuedOffline();
    setOnline(true);
    renderPage();
    await clickSignOut();
    await waitFor(() => expect(auth.statusAtSignOut).toEqual(['ended']));
    expect(statusOf(consentId)).toBe('ended');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(await waitingEnds()).toEqual([]);
  });

  it('without a signal: says until when the consent runs; “stay signed in” keeps the end, which goes when the signal returns', async () => {
    const { consentId, expiresAt } = await endQueuedOffline();
    renderPage();
    const user = await clickSignOut();
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'Sự đồng ý của người dân chưa được kết thúc' })).toHaveFocus();
    expect(alert).toHaveTextContent(
      `Kết thúc sự đồng ý của 1 người dân chưa gửi được. Nếu đăng xuất bây giờ, sự đồng ý vẫn còn hiệu lực đến ${formatTime(new Date(expiresAt * 1000), 'vi')}.`,
    );
    expect(auth.statusAtSignOut).toEqual([]);

    await user.click(within(alert).getByRole('button', { name: 'Ở lại đăng nhập' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Bạn vẫn đăng nhập. Việc kết thúc sự đồng ý sẽ được gửi khi có mạng trở lại');
    expect(auth.statusAtSignOut).toEqual([]);
    expect(await waitingEnds()).toMatchObject([{ owner: VOLUNTEER, body: { consentId } }]);

    // The signal returns: signing out now sends it first.
    setOnline(true);
    await clickSignOut();
    await waitFor(() => expect(auth.statusAtSignOut).toEqual(['ended']));
  });

  it('without a signal: “sign out anyway” signs out and the phone keeps nothing of it', async () => {
    const { consentId } = await endQueuedOffline();
    auth.real = true;
    vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
    renderPage();
    const user = await clickSignOut();
    await user.click(within(await screen.findByRole('alert')).getByRole('button', { name: 'Vẫn đăng xuất' }));
    await waitFor(() => expect(auth.statusAtSignOut).toEqual(['active']));
    // The wipe deleted the phone's personal database, the waiting end with it.
    await waitFor(async () => expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(PERSONAL_DB));
    expect(statusOf(consentId)).toBe('active');
  });

  it('a send that fails (the backend down) is not dropped silently either', async () => {
    await endQueuedOffline();
    setOnline(true);
    server.use(http.post('*/api/assisted/consents/:id/end', () => problem(503, 'unavailable', 'Down for maintenance')));
    renderPage();
    await clickSignOut();
    expect(await screen.findByRole('alert')).toHaveTextContent('Kết thúc sự đồng ý của 1 người dân chưa gửi được.');
    expect(auth.statusAtSignOut).toEqual([]);
    expect(await waitingEnds()).toHaveLength(1);
  });

  it('signs out at once when no end waits', async () => {
    renderPage();
    await clickSignOut();
    await waitFor(() => expect(auth.statusAtSignOut).toHaveLength(1));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
