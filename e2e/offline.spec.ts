import { test, expect, expectAccessible, expectCached, waitForServiceWorker } from './fixtures.ts';

test('the catalogue and visited procedures work offline; unvisited ones say so honestly', async ({ page, context, backend: _ }) => {
  await page.goto('/services');
  await waitForServiceWorker(page);
  await expect(page.getByRole('status').filter({ hasText: /Tìm thấy/ })).toBeVisible();
  await page.goto('/services/1.004222');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectCached(page, ['/api/catalogue', '/api/procedures/1.004222']);

  await context.setOffline(true);
  await page.goto('/services?q=thuong%20tru');
  await expect(page.getByText(/Bạn đang ngoại tuyến/).first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Đăng ký thường trú', exact: true })).toBeVisible();
  await expectAccessible(page, 'catalogue offline');

  // Searching works on the device, no network needed.
  await page.getByLabel('Tìm thủ tục').fill('chung thuc ban sao');
  await expect(page.getByRole('link', { name: /Chứng thực bản sao từ bản chính/ }).first()).toBeVisible();

  await page.getByLabel('Tìm thủ tục').fill('thuong tru');
  await page.getByRole('link', { name: 'Đăng ký thường trú', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Đăng ký thường trú' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Thành phần hồ sơ' })).toBeVisible();

  // Never opened online: an honest message, the shell still there.
  await page.goto('/services/1.004873');
  await expect(page.getByRole('heading', { level: 1, name: 'Bạn đang ngoại tuyến' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Điều hướng chính' })).toBeVisible();
  await expectAccessible(page, 'offline, not cached');

  await context.setOffline(false);
  await page.getByRole('button', { name: 'Thử lại' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cấp Giấy xác nhận tình trạng hôn nhân' })).toBeVisible();
  await expect(page.getByText(/Bạn đang ngoại tuyến/)).toHaveCount(0);
});
