import { readFileSync } from 'node:fs';
import { test, expect, cachedPaths, expectAccessible, expectCached, waitForServiceWorker } from './fixtures.ts';

test('installable: manifest, icons and a controlling service worker', async ({ page, backend: _ }) => {
  await page.goto('/');
  await waitForServiceWorker(page);
  const cdp = await page.context().newCDPSession(page);
  const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
  // Playwright's contexts are incognito, which Chromium reports as such; nothing else may show.
  expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);

  const manifest = (await (await page.request.get('/manifest.webmanifest')).json()) as {
    lang: string;
    name: string;
    icons: { sizes: string; purpose?: string }[];
    theme_color: string;
  };
  expect(manifest.lang).toBe('vi');
  expect(manifest.name).toContain('Một Cửa Số');
  expect(manifest.icons.map((i) => `${i.sizes}:${i.purpose ?? 'any'}`)).toEqual(expect.arrayContaining(['192x192:any', '512x512:any', '512x512:maskable']));
  expect(manifest.theme_color).toMatch(/^#/);
  // Asked for by name by browsers and tools that ignore <link rel="icon">: never a 404.
  const favicon = await page.request.get('/favicon.ico');
  expect(favicon.status()).toBe(200);
  expect((await favicon.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
});

test('Cache Storage holds only the shell and public data', async ({ page, backend: _ }) => {
  await page.goto('/services');
  await waitForServiceWorker(page);
  await page.goto('/services/1.001193');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectCached(page, ['/api/procedures/1.001193']);
  const urls = await cachedPaths(page);
  const api = urls.filter((u) => u.startsWith('/api/'));
  expect(api.length).toBeGreaterThan(0);
  // Public data only (src/pwa/public-data.ts): the catalogue, procedures (and translations), e-forms, the rating
  // criteria, addresses and the public statistics (the procedure page's agency line).
  for (const url of api) expect(url).toMatch(/^\/api\/(catalogue|procedures\/[^/]+(\/translations\/[^/]+)?|forms\/[^/]+|ratings\/criteria|admin-units\/.*|stats(\/agencies\/[^/?]+)?(\?.*)?)$/);
});

test('a pre-rendered page stays in its language and offers the browser’s; then the saved choice; text size scales and persists', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 412, height: 915 } });
  const page = await context.newPage();
  await page.goto('/');
  // The page is taken over as it was sent (Vietnamese); an English browser is offered English.
  const offer = page.getByRole('region', { name: 'Language of this page' });
  await expect(offer.getByRole('button', { name: 'Read in English' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(offer.getByRole('button', { name: 'Giữ tiếng Việt' })).toHaveAttribute('lang', 'vi');
  await expectAccessible(page, 'language offer');
  await offer.getByRole('button', { name: 'Read in English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Public services online, on your phone');
  await expect(offer).toHaveCount(0);
  // Remembered: the next pre-rendered page opens in English, and offers nothing.
  await page.goto('/services');
  await expect(page.getByRole('heading', { level: 1, name: 'Online public services' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(offer).toHaveCount(0);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Public services online, on your phone');

  await page.getByRole('button', { name: 'Text size, language' }).click();
  await page.getByRole('radio', { name: 'Tiếng Việt' }).check();
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dịch vụ công trực tuyến, ngay trên điện thoại');

  const size = () => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
  const normal = await size();
  await page.getByRole('radio', { name: 'Rất lớn' }).check();
  await expect.poll(async () => parseFloat(await size())).toBeGreaterThan(parseFloat(normal) * 1.3);
  // Bigger text wraps; the page never becomes wider than the phone.
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await expectAccessible(page, 'preferences open, larger text');

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect.poll(async () => parseFloat(await size())).toBeGreaterThan(parseFloat(normal) * 1.3);

  await page.getByRole('link', { name: 'Cài đặt' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cài đặt' })).toBeVisible();
  await expectAccessible(page, 'settings');

  // English catalogue: procedure names stay official Vietnamese, with an English gloss.
  await page.getByRole('radio', { name: 'English' }).check();
  await page.getByRole('link', { name: 'Services' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Online public services' })).toBeVisible();
  await expectAccessible(page, 'catalogue in English');
  await context.close();
});

test('a 360 px phone at the largest text: the search box keeps most of the width, "Đăng nhập" stays on one line and whole', async ({ browser, backend: _ }) => {
  const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 });
  await context.addInitScript(() => localStorage.setItem('mcs.textSize', 'larger'));
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('data-text-size', 'larger');
  const search = page.getByRole('searchbox', { name: /Bạn cần làm thủ tục gì/ });
  const form = page.getByRole('search');
  const searchBox = await search.boundingBox();
  const formBox = await form.boundingBox();
  expect(searchBox && formBox && searchBox.width / formBox.width, 'search box width / form width').toBeGreaterThan(0.6);

  const signIn = page.getByRole('link', { name: 'Đăng nhập' });
  const metrics = await signIn.evaluate((el) => {
    const style = getComputedStyle(el);
    const range = document.createRange();
    range.selectNodeContents(el);
    const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
    const box = el.getBoundingClientRect();
    return { lines: lines.size, overflow: el.scrollWidth - el.clientWidth, right: box.right, left: box.left, white: style.whiteSpace };
  });
  expect(metrics.lines, '"Đăng nhập" on one line').toBe(1);
  expect(metrics.overflow, '"Đăng nhập" not clipped').toBeLessThanOrEqual(0);
  expect(metrics.left).toBeGreaterThanOrEqual(0);
  expect(metrics.right).toBeLessThanOrEqual(360);
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await expectAccessible(page, 'home at the largest text on 360 px');
  await context.close();
});

test.describe('on a connection that drops a file', () => {
  // Without the service worker, every file comes from the network, where the test can drop one.
  test.use({ serviceWorkers: 'block' });

  test('a page whose code fails to arrive is loaded again by itself and opens; offline it says so', async ({ page, backend: _ }) => {
    const manifest = JSON.parse(readFileSync('dist/.vite/manifest.json', 'utf8')) as Record<string, { file: string }>;
    const settings = manifest['src/app/routes/settings.tsx']?.file;
    expect(settings, 'the settings page is a chunk of its own').toBeTruthy();
    let asked = 0;
    await page.route(`**/${settings}`, (route) => (asked++ === 0 ? route.abort('aborted') : route.continue()));

    await page.goto('/');
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Cài đặt' }).click();
    await expect(page).toHaveURL(/\/settings$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Cài đặt' })).toBeVisible();
    expect(asked, 'dropped once, then asked for again by the reload').toBe(2);
    await expectAccessible(page, 'settings after a dropped file');

    // The same file dropping again at once: no loop, the message and its reload button.
    await page.goto('/');
    const dossiers = manifest['src/app/routes/dossiers.tsx']?.file;
    await page.route(`**/${dossiers}`, (route) => route.abort('aborted'));
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Hồ sơ' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Không kết nối được' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Tải lại trang' })).toBeVisible();
    await expectAccessible(page, 'a page whose code keeps failing');

    // Offline: said at once, never reloaded. (A page the app has drawn: the home page's links
    // work as plain links until the app has taken it over.)
    await page.goto('/settings');
    await expect(page.getByRole('heading', { level: 1, name: 'Cài đặt' })).toBeVisible();
    await page.context().setOffline(true);
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Hồ sơ' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Bạn đang ngoại tuyến' })).toBeVisible();
    await expect(page).toHaveURL(/\/dossiers$/);
    await expectAccessible(page, 'a page whose code cannot arrive offline');
    await page.context().setOffline(false);
  });
});
