import { test, expect, expectAccessible, expectCached, scrollToFoot, waitForServiceWorker } from './fixtures.ts';

test.describe('Find a procedure and read what it takes', () => {
  test('search without diacritics finds birth registration; the detail page is complete', async ({ page, backend: _ }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectAccessible(page, 'home');

    await page.getByLabel('Bạn cần làm thủ tục gì?').fill('dang ky khai sinh');
    await page.getByRole('button', { name: 'Tìm' }).click();
    await expect(page).toHaveURL(/\/services\?q=dang\+ky\+khai\+sinh/);
    const results = page.getByRole('list').filter({ has: page.getByRole('heading', { level: 2 }) }).first();
    await expect(results.getByRole('link').first()).toHaveText('Đăng ký khai sinh');
    await expect(page.getByRole('status').filter({ hasText: /Tìm thấy \d+ thủ tục/ })).toBeVisible();
    await expectAccessible(page, 'catalogue with results');

    // Word order and case do not matter either.
    await page.getByLabel('Tìm thủ tục').fill('SINH khai');
    await expect(results.getByRole('link', { name: 'Đăng ký khai sinh', exact: true })).toBeVisible();

    await results.getByRole('link', { name: 'Đăng ký khai sinh', exact: true }).click();
    await expect(page).toHaveURL(/\/services\/1\.001193$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Đăng ký khai sinh' })).toBeVisible();
    for (const section of ['Trình tự thực hiện', 'Thành phần hồ sơ', 'Phí, lệ phí', 'Kết quả', 'Căn cứ pháp lý', 'Câu hỏi thường gặp']) {
      await expect(page.getByRole('heading', { level: 2, name: section })).toBeVisible();
    }
    await expect(page.getByText('1.001193', { exact: true })).toBeVisible();
    await expect(page.getByText(/Toàn trình \(mức độ 4\)|Một phần \(mức độ 3\)/).first()).toBeVisible();
    await expect(page.getByText(/Luật Hộ tịch/).first()).toBeVisible();
    await expect(page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' })).toBeVisible();
    await expectAccessible(page, 'procedure detail');

    // Birth registration has an e-form: applying starts with signing in, and comes back here.
    await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).click();
    await expect(page).toHaveURL(/\/signin\?returnTo=%2Fservices%2F1\.001193%2Fapply$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Đăng nhập bằng VNeID' })).toBeVisible();

    // A procedure without an e-form yet: what to prepare, no sign-in needed to read it.
    await page.goto('/services/1.000656/apply');
    await expect(page.getByRole('heading', { level: 1, name: 'Chuẩn bị nộp hồ sơ' })).toBeVisible();
    await expectAccessible(page, 'prepare to apply');
  });

  test('filters live in the URL, survive a reload, and unknown ones are ignored', async ({ page, backend: _ }) => {
    await page.goto('/services');
    const count = page.getByRole('status').filter({ hasText: /Tìm thấy/ });
    await expect(count).toBeVisible();
    const unfiltered = (await count.textContent()) ?? '';
    await page.getByText('Bộ lọc', { exact: true }).click();
    await page.getByLabel('Mức độ').selectOption('full');
    await page.getByLabel('Lĩnh vực').selectOption('civil-status');
    await expect(page).toHaveURL(/level=full/);
    await expect(page).toHaveURL(/field=civil-status/);
    // Read the count once the list shows the filters, not while it catches up.
    await expect(count).not.toHaveText(unfiltered);
    const before = await count.textContent();

    await page.reload();
    await expect(page.getByLabel('Mức độ')).toHaveValue('full');
    await expect(page.getByLabel('Lĩnh vực')).toHaveValue('civil-status');
    await expect(count).toHaveText(before ?? '');
    await expectAccessible(page, 'catalogue with filters');

    await page.goto('/services?level=level-9&field=no-such-field&tier=galaxy&q=khai%20sinh');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dịch vụ công trực tuyến');
    await expect(page.getByRole('link', { name: 'Đăng ký khai sinh', exact: true })).toBeVisible();
  });

  test('no results gives help, and clearing filters brings results back', async ({ page, backend: _ }) => {
    await page.goto('/services?q=khai%20sinh&field=land');
    await expect(page.getByRole('heading', { name: 'Không tìm thấy thủ tục phù hợp' })).toBeVisible();
    await expectAccessible(page, 'no results');
    await page.getByRole('button', { name: 'Bỏ tất cả bộ lọc' }).first().click();
    await expect(page.getByRole('link', { name: 'Đăng ký khai sinh', exact: true })).toBeVisible();
    await expect(page).not.toHaveURL(/field=/);
  });

  test('an unknown procedure code gets a translated 404 with a way back', async ({ page, backend: _ }) => {
    await page.goto('/services/9.999999');
    await expect(page.getByRole('heading', { level: 1, name: 'Không tìm thấy trang' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Thử lại' })).toHaveCount(0);
    await expectAccessible(page, 'unknown procedure');
    await page.getByRole('link', { name: 'Về trang chủ' }).click();
    await expect(page).toHaveURL(/\/$/);

    await page.goto('/no/such/page');
    await expect(page.getByRole('heading', { level: 1, name: 'Không tìm thấy trang' })).toBeVisible();
    await expectAccessible(page, '404');
  });

  test('a server error keeps the page and offers a retry that works', async ({ page, backend }) => {
    await backend.faults({ rules: [{ path: '/api/procedures/1.000894', status: 500, times: 3 }] });
    // A pre-rendered page carries its own data: the procedure is fetched when reached from the list.
    await page.goto('/services?q=1.000894');
    // Once the app has taken over (before, the link is a plain link to the pre-rendered page).
    await expect(page.getByLabel('Tìm thủ tục')).toHaveValue('1.000894');
    await page.getByRole('link', { name: 'Đăng ký kết hôn', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Hệ thống đang gặp sự cố' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Điều hướng chính' })).toBeVisible();
    await expectAccessible(page, 'server error');
    await page.getByRole('button', { name: 'Thử lại' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Đăng ký kết hôn' })).toBeVisible();
  });

  test('public pages arrive already rendered: readable before (and without) JavaScript, then the app takes over', async ({ browser, request, backend: _ }) => {
    // The HTML itself carries the page, its title, and a plain shell for every other path.
    const detailResponse = await request.get('/services/1.001193', { headers: { Accept: 'text/html', 'Accept-Encoding': 'br, gzip' } });
    // The Brotli copy the build wrote (scripts/compress.ts), to a browser that accepts it.
    expect(detailResponse.headers()['content-encoding']).toBe('br');
    expect(detailResponse.headers()['content-security-policy']).toContain("script-src 'self'");
    const detail = await detailResponse.text();
    expect(detail).toContain('<title>Đăng ký khai sinh · Một Cửa Số</title>');
    expect(detail).toMatch(/<h1[^>]*>Đăng ký khai sinh<\/h1>/);
    expect(detail).toContain('Thành phần hồ sơ');
    // A Vietnamese page carries no English content (it is fetched only for a page in English).
    expect(detail).not.toContain('Register a newborn child');
    expect(detail).not.toContain('translations');
    const list = await (await request.get('/services', { headers: { Accept: 'text/html' } })).text();
    expect(list).toContain('Tìm thấy');
    const other = await (await request.get('/dossiers', { headers: { Accept: 'text/html' } })).text();
    expect(other).toContain('<div id="root"></div>');

    // No JavaScript at all: the content is there, and links still lead somewhere.
    const noScript = await browser.newContext({ javaScriptEnabled: false, locale: 'vi-VN' });
    const page = await noScript.newPage();
    await page.goto('/services');
    await expect(page.getByRole('heading', { level: 1, name: 'Dịch vụ công trực tuyến' })).toBeVisible();
    // Controls wait for the app: typing now would be lost when it takes over.
    await expect(page.getByLabel('Tìm thủ tục')).toBeDisabled();
    await page.getByRole('link', { name: 'Đăng ký khai sinh', exact: true }).click();
    await expect(page).toHaveURL(/\/services\/1\.001193$/);
    await expect(page.getByRole('heading', { level: 2, name: 'Thành phần hồ sơ' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).first()).toBeVisible();
    await noScript.close();

    // With JavaScript the app takes over the same page: the search box comes alive.
    const live = await browser.newContext({ locale: 'vi-VN' });
    const app = await live.newPage();
    await app.goto('/services');
    await app.getByLabel('Tìm thủ tục').fill('khai sinh');
    await expect(app).toHaveURL(/q=khai/);
    await expect(app.getByRole('link', { name: 'Đăng ký khai sinh', exact: true })).toBeVisible();
    await expectAccessible(app, 'catalogue after taking over');
    await live.close();
  });

});

test.describe('A phone set to English', () => {
  test.use({ locale: 'en-US', viewport: { width: 412, height: 915 } });

  test('reads a procedure in English where the backend has it, is told plainly where not, and keeps it offline', async ({ page, context, backend: _ }) => {
    await page.goto('/services/1.001193');
    await waitForServiceWorker(page);
    // The pre-rendered page is Vietnamese; switching to English brings the procedure's English.
    await page.getByRole('region', { name: 'Language of this page' }).getByRole('button', { name: 'Read in English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByText('Translated from the official Vietnamese, which is the text that applies.')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Đăng ký khai sinh' })).toHaveAttribute('lang', 'vi');
    const steps = page.getByRole('region', { name: 'Steps' });
    await expect(steps.getByRole('listitem').first()).toHaveText('Prepare the application form and the child’s birth notice (or a paper that replaces it).');
    await expect(page.getByRole('region', { name: 'Required documents' }).getByText('Birth notice (from the hospital or midwife)')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Fees' }).getByText(/No fee when the birth is registered on time/)).toBeVisible();
    // Only the laws' titles stay Vietnamese, and say so.
    await expect(page.getByText('This part is only available in Vietnamese.')).toHaveCount(1);
    await expect(page.getByRole('region', { name: 'Legal basis' }).getByRole('list')).toHaveAttribute('lang', 'vi');
    // A public question the office answered only in Vietnamese is marked so, as is the office's name.
    await scrollToFoot(page);
    const questions = page.getByRole('region', { name: 'Questions and answers' });
    await expect(questions.getByRole('heading', { level: 3, name: /Bố mẹ chưa đăng ký kết hôn/ })).toHaveAttribute('lang', 'vi');
    await expect(questions.getByText('UBND phường Thuận Hóa, thành phố Huế')).toHaveAttribute('lang', 'vi');
    await expectAccessible(page, 'procedure in English');

    // A translation without its questions: that part in Vietnamese, marked and announced.
    await page.goto('/services/3.000333');
    await expect(page.getByText(/Some parts of this procedure are only available in Vietnamese/)).toBeVisible();
    const faq = page.getByRole('region', { name: 'Frequently asked questions' });
    await expect(faq.getByText('This part is only available in Vietnamese.')).toBeVisible();
    await expect(faq.locator('details').first()).toHaveAttribute('lang', 'vi');
    await expect(page.getByRole('region', { name: 'Steps' }).getByText(/Choose the certificate: No\. 1/)).toBeVisible();
    await expectAccessible(page, 'procedure partly in English');

    // The search finds procedures by their English names too.
    await page.goto('/services');
    await page.getByLabel('Search procedures').fill('criminal record');
    await expect(page.getByRole('link', { name: /Cấp Phiếu lý lịch tư pháp/ }).first()).toBeVisible();

    // Opened again (the English choice remembered: drawn in English from the start), then
    // offline: a procedure read before opens in English again.
    await page.goto('/services/1.001193');
    await expect(page.getByRole('region', { name: 'Steps' }).getByRole('listitem').first()).toHaveText(/^Prepare the application form/);
    await expectCached(page, ['/api/procedures/1.001193', '/api/procedures/1.001193/translations/en']);
    await context.setOffline(true);
    await page.goto('/services/1.001193');
    await expect(page.getByRole('region', { name: 'Steps' }).getByRole('listitem').first()).toHaveText(/^Prepare the application form/);
    await expect(page.getByText('This part is only available in Vietnamese.')).toHaveCount(1);
    await expectAccessible(page, 'procedure in English, offline');
  });
});
