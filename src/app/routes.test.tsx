import { beforeAll, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setFaults } from '../../mocks/faults.ts';
import { initI18n } from '../i18n/i18n.ts';
import { renderAt } from '../test/render-route.tsx';

beforeAll(async () => {
  await initI18n('vi');
});

describe('catalogue routes', () => {
  it('searches as the citizen types, keeping the query in the URL', async () => {
    const router = renderAt('/services');
    const input = await screen.findByLabelText('Tìm thủ tục');
    await userEvent.type(input, 'ket hon');
    expect(await screen.findByRole('link', { name: 'Đăng ký kết hôn' })).toBeInTheDocument();
    // The URL follows the typing a moment later (for reload and sharing).
    await waitFor(() => expect(router.state.location.search).toBe('?q=ket+hon'));
    expect(screen.getByText(/Tìm thấy \d+ thủ tục/)).toHaveAttribute('role', 'status');
  });

  it('opens a result tapped before the URL caught up with the typing, even when its data is slow', async () => {
    const router = renderAt('/services');
    const input = await screen.findByLabelText('Tìm thủ tục');
    setFaults({ latencyMs: 700 });
    await userEvent.type(input, 'ket hon');
    await userEvent.click(await screen.findByRole('link', { name: 'Đăng ký kết hôn' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Đăng ký kết hôn' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/services/1.000894');
  });

  it('renders a procedure’s details from its code', async () => {
    renderAt('/services/1.001193');
    expect(await screen.findByRole('heading', { level: 1, name: 'Đăng ký khai sinh' })).toBeInTheDocument();
    const documents = screen.getByRole('region', { name: 'Thành phần hồ sơ' });
    expect(within(documents).getAllByRole('listitem').length).toBeGreaterThan(0);
  });

  it('shows a translated not-found page for an unknown code, without a retry', async () => {
    renderAt('/services/0.000000');
    expect(await screen.findByRole('heading', { level: 1, name: 'Không tìm thấy trang' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Thử lại' })).not.toBeInTheDocument();
  });

  it('keeps the shell on a server error and recovers on retry', async () => {
    // One failure is enough: tests run without the production backoff (src/test/setup.ts).
    setFaults({ rules: [{ path: '/api/catalogue', status: 503, times: 1 }] });
    renderAt('/services');
    expect(await screen.findByRole('heading', { level: 1, name: 'Hệ thống đang gặp sự cố' })).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Điều hướng chính' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Thử lại' }));
    expect(await screen.findByLabelText('Tìm thủ tục')).toBeInTheDocument();
  });

  it('ignores malformed filters in the URL', async () => {
    renderAt('/services?level=9&tier=district&field=%3Cb%3E');
    expect(await screen.findByLabelText('Tìm thủ tục')).toBeInTheDocument();
    expect(screen.getByLabelText('Mức độ')).toHaveValue('');
    expect(screen.getByText(/Tìm thấy \d+ thủ tục/)).not.toHaveTextContent('Tìm thấy 0');
  });
});
