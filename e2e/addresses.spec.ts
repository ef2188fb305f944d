import { test, expect, expectAccessible, signInAs, waitForServiceWorker } from './fixtures.ts';

test('an address anywhere in the country: provinces seen once work offline, one never seen says it needs a connection', async ({ page, context, backend: _ }) => {
  const communeRequests: string[] = [];
  page.on('request', (r) => {
    if (/\/api\/admin-units\//.test(r.url())) communeRequests.push(new URL(r.url()).pathname);
  });

  await page.goto('/services/1.004222');
  await waitForServiceWorker(page);
  await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).click();
  await signInAs(page, 'Nguyễn Văn An');
  await expect(page).toHaveURL(/\/services\/1\.004222\/apply$/);

  const address = page.getByRole('group', { name: 'Địa chỉ đăng ký thường trú' });
  const province = address.getByRole('combobox', { name: 'Tỉnh, thành phố' });
  const commune = address.getByRole('combobox', { name: /Xã, phường/ });
  const search = address.getByRole('searchbox', { name: /Tìm xã, phường/ });

  // Online: a look at Cà Mau's communes, then the new address in Hà Nội.
  await province.selectOption({ label: 'Tỉnh Cà Mau' });
  await expect(commune.getByRole('option', { name: 'Xã Đất Mũi' })).toBeAttached();
  await province.selectOption({ label: 'Thành phố Hà Nội' });
  await search.fill('van mieu');
  await commune.selectOption({ label: 'Phường Văn Miếu - Quốc Tử Giám' });
  await address.getByRole('textbox', { name: /Số nhà/ }).fill('58 Quốc Tử Giám');
  await expectAccessible(page, 'address picker');
  // One province at a time, never the whole country.
  expect(communeRequests.filter((p) => p.endsWith('/communes')).sort()).toEqual(['/api/admin-units/provinces/01/communes', '/api/admin-units/provinces/96/communes']);
  await expect(page.getByText(/Đã lưu trên thiết bị này lúc \d\d:\d\d/)).toBeVisible();
  await page.waitForTimeout(1_000);

  // Offline, after a reload (so only what the device kept can answer): Cà Mau works, by search without tone marks.
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByText(/Bạn đang ngoại tuyến/).first()).toBeVisible();
  await expect(commune).toHaveValue('00226');
  await province.selectOption({ label: 'Tỉnh Cà Mau' });
  await search.fill('hoa binh');
  await commune.selectOption({ label: 'Xã Hoà Bình' });
  await expect(address.getByRole('textbox', { name: /Số nhà/ })).toHaveValue('58 Quốc Tử Giám');

  // A province never opened: said plainly, and nothing typed is lost.
  await province.selectOption({ label: 'Tỉnh Lạng Sơn' });
  await expect(address.getByText(/Danh sách xã, phường của Tỉnh Lạng Sơn chưa có trên máy này: cần kết nối mạng/)).toBeVisible();
  await expect(address.getByRole('textbox', { name: /Số nhà/ })).toHaveValue('58 Quốc Tử Giám');
  await expect(search).toHaveValue('hoa binh');
  await expectAccessible(page, 'address picker offline');

  // Back online, the list arrives by itself.
  await context.setOffline(false);
  await search.fill('bac son');
  await expect(commune.getByRole('option', { name: 'Xã Bắc Sơn' })).toBeAttached();
  await expect(address.getByText(/cần kết nối mạng/)).toHaveCount(0);
});
