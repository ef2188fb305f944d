import { Suspense } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { server } from '../../../mocks/node.ts';
import { problem } from '../../../mocks/handlers/problem.ts';
import { allReports } from '../../../mocks/questions/store.ts';
import { reportProblem } from '../../api/questions/requests.ts';
import { ProblemReport } from '../../api/questions/schema.ts';
import { initI18n } from '../../i18n/i18n.ts';
import { drainPosts } from '../../offline/outbox.ts';
import { listPosts } from '../../offline/personal-db.ts';
import { ReportProblem } from './ReportProblem.tsx';

beforeAll(async () => {
  await initI18n('vi');
});

afterEach(() => {
  vi.restoreAllMocks();
  localStorage.clear();
});

const open = () => {
  const onClose = vi.fn();
  render(
    <Suspense fallback={null}>
      <ReportProblem path="/services/1.001193" onClose={onClose} />
    </Suspense>,
  );
  return onClose;
};

const box = () => screen.findByRole('textbox', { name: /Bạn gặp lỗi gì\?/ });
const send = () => userEvent.click(screen.getByRole('button', { name: 'Gửi báo lỗi' }));

/** What the outbox agent does when the connection returns. */
const agent = { send: async (post: { id: string; body: Record<string, unknown> }) => void (await reportProblem(ProblemReport.parse(post.body), post.id)) };

describe('Report a problem with this page', () => {
  it('says that nobody replies and not to type personal data, and sends the page and the text without signing in', async () => {
    open();
    expect(await screen.findByText(/Chúng tôi không trả lời từng báo lỗi/)).toBeInTheDocument();
    expect(screen.getByText(/Đừng ghi họ tên, số định danh, số điện thoại/)).toBeInTheDocument();
    expect(screen.getByText('Trang: /services/1.001193')).toBeInTheDocument();
    await userEvent.type(await box(), 'Bảng lệ phí hiện sai <script>alert(1)</script>');
    await send();
    expect(await screen.findByText('Đã gửi báo lỗi. Cảm ơn bạn.')).toBeInTheDocument();
    expect(allReports()).toEqual([expect.objectContaining({ path: '/services/1.001193', text: 'Bảng lệ phí hiện sai <script>alert(1)</script>' })]);
  });

  it('refuses only spaces, 5,000 characters and an ID number next to the field, keeping what was typed', async () => {
    open();
    const input = await box();
    await userEvent.type(input, '     ');
    await send();
    expect(await screen.findByText('Hãy viết vài chữ trước khi gửi.')).toBeInTheDocument();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveFocus();
    await userEvent.clear(input);
    await userEvent.click(input);
    await userEvent.paste('x'.repeat(5000));
    await send();
    expect(await screen.findByText('Tối đa 2000 ký tự; bạn đã viết 5000. Hãy rút gọn, phần đã viết vẫn còn nguyên.')).toBeInTheDocument();
    expect(input).toHaveValue('x'.repeat(5000));
    await userEvent.clear(input);
    await userEvent.type(input, 'Số của tôi 046095001234');
    await send();
    expect(await screen.findByText(/Hãy bỏ dãy số giống số định danh/)).toBeInTheDocument();
    expect(allReports()).toEqual([]);
  });

  it('shows the field the backend refused (422) next to it, and when to try again after a 429, losing nothing', async () => {
    server.use(http.post('*/api/feedback', () => problem(422, 'invalid-text', 'refused', { fields: { text: 'too-short' } }), { once: true }));
    open();
    const input = await box();
    await userEvent.type(input, 'Nút gửi không chạy');
    await send();
    expect(await screen.findByText('Hãy viết ít nhất 5 ký tự.')).toBeInTheDocument();
    expect(input).toHaveValue('Nút gửi không chạy');
    server.use(
      http.post('*/api/feedback', () => {
        const response = problem(429, 'too-many-reports', 'slow down', { retryAfter: 600 });
        response.headers.set('Retry-After', '600');
        return response;
      }, { once: true }),
    );
    await send();
    expect(await screen.findByText(/Bạn đã gửi nhiều lần trong thời gian ngắn\. Có thể gửi lại sau \d{1,2}:\d{2}/)).toBeInTheDocument();
    expect(input).toHaveValue('Nút gửi không chạy');
  });

  it('offline: waits in the outbox ("Chờ gửi"), then is sent exactly once when the connection returns', async () => {
    const online = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    open();
    await userEvent.type(await box(), 'Trang tải rất chậm');
    await send();
    expect(await screen.findByText(/Chờ gửi: bạn đang ngoại tuyến/)).toBeInTheDocument();
    expect(localStorage.getItem('mcs.posts-waiting')).toBe('1');
    expect(allReports()).toEqual([]);
    const [queued] = await listPosts(['']);
    expect(queued).toMatchObject({ state: 'queued', kind: 'problem-report', body: { path: '/services/1.001193', text: 'Trang tải rất chậm' } });

    online.mockReturnValue(true);
    await drainPosts([''], agent);
    await drainPosts([''], agent); // a second wake-up sends nothing more
    expect(await screen.findByText('Báo lỗi đang chờ đã được gửi. Cảm ơn bạn.')).toBeInTheDocument();
    expect(allReports()).toEqual([expect.objectContaining({ text: 'Trang tải rất chậm' })]);
    expect(localStorage.getItem('mcs.posts-waiting')).toBeNull();
  });

  it('a send that gets no answer is kept under the same key: the backend that did store it holds it once', async () => {
    let first = true;
    server.use(
      http.post('*/api/feedback', async ({ request }) => {
        if (!first) return undefined;
        first = false;
        // The backend stores it, but the answer is lost on the way back.
        const { receiveReport } = await import('../../../mocks/questions/store.ts');
        receiveReport('test', request.headers.get('Idempotency-Key') ?? '', (await request.json()) as { path: string; text: string });
        return HttpResponse.error();
      }),
    );
    open();
    await userEvent.type(await box(), 'Mất kết nối giữa chừng');
    await send();
    expect(await screen.findByText(/Chờ gửi/)).toBeInTheDocument();
    await drainPosts([''], agent);
    await waitFor(() => expect(screen.getByText('Báo lỗi đang chờ đã được gửi. Cảm ơn bạn.')).toBeInTheDocument());
    expect(allReports()).toHaveLength(1);
  });
});
