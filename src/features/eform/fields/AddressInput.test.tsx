import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { initI18n } from '../../../i18n/i18n.ts';
import type { AddressValue } from '../definition.ts';
import { AddressInput } from './AddressInput.tsx';

beforeAll(async () => {
  await initI18n('vi');
  await import('i18next').then((m) => m.default.loadNamespaces('eform'));
});

afterEach(() => {
  vi.restoreAllMocks();
  // React Query's online manager is one for the whole file: leave it online for the next test.
  window.dispatchEvent(new Event('online'));
});

/** The machine may be busy: give the simulated backend time to answer. */
const slow = { timeout: 5_000 };

const empty: AddressValue = { provinceCode: '', provinceName: '', communeCode: '', communeName: '', line: '' };

const renderPicker = () => {
  const changes: AddressValue[] = [];
  const Picker = () => {
    const [value, setValue] = useState(empty);
    return (
      <AddressInput
        id="birthPlace"
        value={value}
        onChange={(v) => {
          changes.push(v);
          setValue(v);
        }}
        onBlur={() => undefined}
        describedBy={undefined}
        invalid={false}
      />
    );
  };
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <Picker />
    </QueryClientProvider>,
  );
  return { changes, last: () => changes.at(-1) };
};

const province = () => screen.getByRole('combobox', { name: 'Tỉnh, thành phố' });
const commune = () => screen.getByRole('combobox', { name: 'Xã, phường, đặc khu' });
const communeOptions = () => within(commune()).getAllByRole('option').map((o) => o.textContent);

/**
 * No network: every request fails as fetch does offline (nothing cached by a service worker in
 * jsdom). `announce: false` is a page loaded while offline: no "offline" event ever fired there.
 */
const goOffline = ({ announce = true } = {}) => {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
  vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('Failed to fetch'));
  if (announce) window.dispatchEvent(new Event('offline'));
};

describe('AddressInput', { timeout: 30_000 }, () => {
  it('picks any province, then a commune found with or without tone marks', async () => {
    const user = userEvent.setup();
    const { last } = renderPicker();
    await screen.findByRole('option', { name: 'Tỉnh Cà Mau' }, slow);
    expect(within(province()).getAllByRole('option')).toHaveLength(35);
    await user.selectOptions(province(), 'Tỉnh Cà Mau');
    await screen.findByRole('option', { name: 'Xã Đất Mũi' }, slow);
    expect(communeOptions()).toHaveLength(65);

    const search = screen.getByRole('searchbox', { name: /Tìm xã, phường/ });
    await user.type(search, 'hoa binh');
    expect(communeOptions()).toEqual(['— Chọn —', 'Xã Hoà Bình']);
    await user.clear(search);
    await user.type(search, 'Hòa');
    expect(communeOptions()).toEqual(['— Chọn —', 'Xã Hoà Bình', 'Phường Hoà Thành']);
    await user.selectOptions(commune(), 'Phường Hoà Thành');
    expect(last()).toMatchObject({ provinceCode: '96', provinceName: 'Tỉnh Cà Mau', communeName: 'Phường Hoà Thành', communeCode: expect.stringMatching(/^\d{5}$/) });

    await user.clear(search);
    await user.type(search, 'Ba Đình');
    expect(await screen.findByText('Không có xã, phường nào khớp “Ba Đình”. Thử gõ ít chữ hơn.')).toBeInTheDocument();
  });

  it('offline: a province seen before still works; one never seen says it needs a connection and keeps what was typed', async () => {
    const user = userEvent.setup();
    const { last } = renderPicker();
    await screen.findByRole('option', { name: 'Thành phố Hà Nội' }, slow);
    await user.selectOptions(province(), 'Thành phố Hà Nội');
    await screen.findByRole('option', { name: 'Phường Ba Đình' }, slow);
    await user.type(screen.getByRole('textbox', { name: /Số nhà/ }), '12 Phố Huế');

    goOffline();
    await user.selectOptions(province(), 'Tỉnh Lạng Sơn');
    await user.type(screen.getByRole('searchbox', { name: /Tìm xã, phường/ }), 'bac son');
    expect(
      await screen.findByText('Danh sách xã, phường của Tỉnh Lạng Sơn chưa có trên máy này: cần kết nối mạng để tải lần đầu. Những gì bạn đã nhập vẫn được giữ; khi có mạng, danh sách sẽ tự tải.', undefined, slow),
    ).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Số nhà/ })).toHaveValue('12 Phố Huế');
    expect(screen.getByRole('searchbox', { name: /Tìm xã, phường/ })).toHaveValue('bac son');
    expect(last()).toMatchObject({ provinceCode: '20', line: '12 Phố Huế', communeCode: '' });

    await user.selectOptions(province(), 'Thành phố Hà Nội');
    await user.clear(screen.getByRole('searchbox', { name: /Tìm xã, phường/ }));
    await user.type(screen.getByRole('searchbox', { name: /Tìm xã, phường/ }), 'ba dinh');
    await user.selectOptions(commune(), 'Phường Ba Đình');
    expect(last()).toMatchObject({ provinceCode: '01', communeCode: '00004', communeName: 'Phường Ba Đình', line: '12 Phố Huế' });
    expect(screen.queryByText(/cần kết nối mạng/)).not.toBeInTheDocument();
  });

  it('loads a list by itself when the connection returns, even on a page loaded offline, and offers to try again when a request fails online', async () => {
    const user = userEvent.setup();
    renderPicker();
    await screen.findByRole('option', { name: 'Tỉnh Lạng Sơn' }, slow);
    goOffline({ announce: false });
    await user.selectOptions(province(), 'Tỉnh Lạng Sơn');
    expect(await screen.findByText(/Danh sách xã, phường của Tỉnh Lạng Sơn chưa có trên máy này/, undefined, slow)).toBeInTheDocument();

    vi.restoreAllMocks();
    window.dispatchEvent(new Event('online'));
    expect(await screen.findByRole('option', { name: 'Xã Bắc Sơn' }, slow)).toBeInTheDocument();
    expect(screen.queryByText(/cần kết nối mạng/)).not.toBeInTheDocument();

    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('Failed to fetch'));
    await user.selectOptions(province(), 'Tỉnh Cà Mau');
    expect(await screen.findByText('Chưa tải được danh sách đơn vị hành chính. Kiểm tra kết nối rồi thử lại.', undefined, slow)).toBeInTheDocument();
    fetchSpy.mockRestore();
    await user.click(screen.getByRole('button', { name: 'Thử lại' }));
    expect(await screen.findByRole('option', { name: 'Xã Đất Mũi' }, slow)).toBeInTheDocument();
  });
});
