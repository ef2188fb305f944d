import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { devices } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures.ts';

/**
 * A kiosk in a service centre's hall: enrolled by staff, used by one person after another on a
 * 1080×1920 touch screen, never showing anyone what the previous person left.
 */
test.use({ viewport: { width: 1080, height: 1920 }, hasTouch: true, isMobile: false, deviceScaleFactor: 1 });

const LAN = { name: 'Lê Thị Lan', phone: '0987654321' };
const AN = { name: 'Nguyễn Văn An', phone: '0912345678' };
/** The People's Committee of An's ward (Phường Thuận Hoá, Huế), preselected for him. */
const AN_OFFICE = 'commune-pc-19789';

/** Types on the kiosk's own keypad, one tap a character. */
const tapKeys = async (page: Page, text: string) => {
  const keypad = page.getByRole('group', { name: 'Bàn phím' });
  for (const key of text) await keypad.getByRole('button', { name: key, exact: true }).tap();
};

/** An's permanent residence registration at his ward's police, with his proof of residence from the data store. */
const HOME = { line: '12 Lê Lợi', communeCode: '19789', communeName: 'Phường Thuận Hoá', provinceCode: '46', provinceName: 'Thành phố Huế' };
const RESIDENCE = {
  procedureId: '1.004222',
  values: {
    receivingAgency: 'commune-police-19789',
    fullName: 'Nguyễn Văn An',
    dateOfBirth: '1995-03-14',
    sex: 'male',
    idNumber: '046095001234',
    phone: '0912345678',
    email: 'nguyenvanan@example.vn',
    currentPermanentAddress: HOME,
    newAddress: HOME,
    basis: 'ownHome',
    requestDetails: '',
    relationshipToHead: 'head',
    members: [],
    residenceProof: '',
    declarationAgreed: true,
  },
  documents: [{ requirement: 'giay-to-tai-lieu-chung-minh-cho-o-hop-phap', source: 'data-store', ref: 'doc-an-qsdd' }],
};

/** A dossier of An's made through the API (as if filed on his own phone), for the look-up. */
const seedDossier = async (request: APIRequestContext): Promise<string> => {
  const start = (await (await request.post('/idp/device_authorization', { form: { client_id: 'mot-cua-so', scope: 'openid profile' } })).json()) as { device_code: string; user_code: string };
  expect((await request.post('/idp/device', { form: { user_code: start.user_code, citizen: 'vneid-046095001234', decision: 'allow' } })).ok()).toBe(true);
  const tokens = (await (await request.post('/idp/token', { form: { grant_type: 'urn:ietf:params:oauth:grant-type:device_code', device_code: start.device_code, client_id: 'mot-cua-so' } })).json()) as { access_token: string };
  const created = await request.post('/api/dossiers', {
    headers: { Authorization: `Bearer ${tokens.access_token}`, 'Idempotency-Key': crypto.randomUUID() },
    data: RESIDENCE,
  });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { code: string }).code;
};

/** The person's own phone: opens the kiosk's sign-in link and approves as `name`. */
const approveOnPhone = async (browser: Browser, userCode: string, name: string) => {
  const phone = await browser.newContext({ ...devices['Pixel 7'], locale: 'vi-VN', baseURL: test.info().project.use.baseURL });
  const page = await phone.newPage();
  await page.goto(`/idp/device?user_code=${userCode}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Đăng nhập trên máy tự phục vụ' })).toBeVisible();
  await expectAccessible(page, 'device approval on the phone');
  await page.getByRole('radio', { name: new RegExp(name) }).check();
  await page.getByRole('button', { name: 'Đồng ý và đăng nhập' }).click();
  const outcome = page.locator('main');
  const text = await outcome.innerText();
  await phone.close();
  return text;
};

/** The kiosk's sign-in screen shows a code; the test reads it as the person would. */
const signInOnKiosk = async (page: Page, browser: Browser, who: { name: string }) => {
  await expect(page.getByRole('heading', { level: 1, name: 'Đăng nhập bằng điện thoại của bạn' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Mã QR để đăng nhập trên điện thoại' })).toBeVisible();
  const userCode = (await page.getByTestId('user-code').innerText()).trim();
  expect(userCode).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
  await expectAccessible(page, 'kiosk sign-in');
  expect(await approveOnPhone(browser, userCode, who.name)).toMatch(/Đã đăng nhập trên máy tự phục vụ/);
  return userCode;
};

/** From the hall's home screen to a form, by touch: find the procedure, apply, sign in. */
const openMaritalStatusForm = async (page: Page) => {
  await page.getByRole('link', { name: /^Tìm thủ tục/ }).tap();
  await page.getByLabel('Tìm thủ tục').fill('tình trạng hôn nhân');
  // The search settles (it updates the address) before a result is tapped.
  await expect(page).toHaveURL(/q=/);
  await expect(page.getByText('Tìm thấy 1 thủ tục')).toBeVisible();
  await page.getByRole('link', { name: 'Cấp Giấy xác nhận tình trạng hôn nhân', exact: true }).tap();
  await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).tap();
  await expect(page).toHaveURL(/\/signin\?returnTo=/);
};

/** Nothing personal left in the page's storage: IndexedDB, web storage, caches. */
const personalLeftovers = (page: Page) =>
  page.evaluate(async () => {
    const databases = (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => !n.startsWith('workbox-'));
    const local = Object.keys(localStorage).filter((k) => !['mcs.kiosk', 'mcs.language', 'mcs.textSize'].includes(k));
    const session = Object.keys(sessionStorage);
    const cached: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) {
        const path = new URL(request.url).pathname;
        if (/^\/api\/(me|dossiers|uploads|notifications|payments)/.test(path) || !/^(workbox-precache|public-|assets-)/.test(name)) cached.push(`${name} ${path}`);
      }
    }
    return { databases, local, session, cached, kiosk: localStorage.getItem('mcs.kiosk') !== null };
  });

test('a hall kiosk: enrol, queue ticket, look-up on the keypad, device sign-in, walk away, nothing left for the next person', async ({ page, browser, request, backend: _ }) => {
  await page.clock.install();
  const code = await seedDossier(request);

  // Staff enrol the device with the centre's code, typed on the keypad; a wrong code is refused.
  await page.goto('/kiosk/setup');
  await expect(page.getByRole('heading', { level: 1, name: 'Thiết lập máy tự phục vụ' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Mã đăng ký máy' }).tap();
  await tapKeys(page, 'NOPE-1');
  await page.getByRole('button', { name: 'Đăng ký máy' }).tap();
  await expect(page.getByRole('alert')).toContainText('Mã đăng ký không đúng. Hãy kiểm tra lại (còn 4 lần thử).');
  await expect(page.getByRole('textbox', { name: 'Mã đăng ký máy' })).toHaveValue('NOPE-1');
  await expectAccessible(page, 'kiosk setup with an error');
  await page.getByRole('textbox', { name: 'Mã đăng ký máy' }).tap();
  await page.getByRole('group', { name: 'Bàn phím' }).getByRole('button', { name: 'Xoá hết' }).tap();
  await tapKeys(page, 'BENTHANH-2026');
  await page.getByRole('button', { name: 'Đăng ký máy' }).tap();

  // The hall's home screen: the centre, five large tiles using the tall screen, now serving.
  await expect(page).toHaveURL(/\/kiosk$/);
  await expect(page.getByText('Trung tâm Phục vụ hành chính công phường Bến Thành')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Bạn cần làm gì?' })).toBeVisible();
  const tiles = page.locator('.kiosk-tile');
  await expect(tiles).toHaveCount(5);
  for (const box of await tiles.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect))) {
    expect(box.height).toBeGreaterThanOrEqual(48);
    expect(box.width).toBeGreaterThanOrEqual(400);
  }
  await expect(page.getByRole('button', { name: 'Kết thúc' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Trang chủ' })).toBeVisible();
  await expect(page.getByTestId('serving-civil')).toHaveText('A004');
  await expectAccessible(page, 'kiosk home');

  // A queue number: field → ticket with people ahead and a wait → printed from the app.
  await page.getByRole('link', { name: /^Lấy số thứ tự/ }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Lấy số thứ tự' })).toBeVisible();
  await expectAccessible(page, 'kiosk queue');
  await page.getByRole('button', { name: 'Hộ tịch', exact: true }).tap();
  await expect(page.getByTestId('ticket-number')).toHaveText('A008');
  await expect(page.getByText('3 người trước bạn')).toBeVisible();
  await expect(page.getByText(/Thời gian chờ dự kiến: khoảng \d+ phút/)).toBeVisible();
  await expectAccessible(page, 'kiosk ticket');
  await page.evaluate(() => {
    (window as { printed?: number }).printed = 0;
    window.print = () => {
      (window as { printed?: number }).printed = ((window as { printed?: number }).printed ?? 0) + 1;
    };
  });
  await page.getByRole('button', { name: 'In phiếu' }).tap();
  expect(await page.evaluate(() => (window as { printed?: number }).printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.kiosk-bar')).toBeHidden();
  await expect(page.getByRole('button', { name: 'In phiếu' })).toBeHidden();
  await expect(page.getByTestId('ticket-number')).toBeVisible();
  const ticketWidth = await page.locator('.ticket').evaluate((e) => e.getBoundingClientRect().width);
  // 72 mm printable on an 80 mm roll (96 px to the inch).
  expect(ticketWidth).toBeCloseTo((72 / 25.4) * 96, 0);
  const numberSize = await page.getByTestId('ticket-number').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  expect(numberSize).toBeGreaterThan(40);
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('link', { name: 'Xong' }).tap();

  // The hall's screen follows the counters.
  expect((await request.post('/api/__mock/kiosk/hcm-ben-thanh/civil/call-next')).status()).toBe(204);
  await page.clock.fastForward(11_000);
  await expect(page.getByTestId('serving-civil')).toHaveText('A005');

  // Look a dossier up with its code and phone digits, typed on the keypad: status only.
  await page.getByRole('link', { name: /^Tra cứu hồ sơ/ }).tap();
  await page.getByRole('textbox', { name: 'Mã hồ sơ' }).tap();
  await expect(page.getByRole('group', { name: 'Bàn phím' }).getByRole('button', { name: 'A', exact: true })).toBeVisible();
  await tapKeys(page, code);
  await page.getByRole('textbox', { name: '4 số cuối điện thoại' }).tap();
  await expect(page.getByRole('group', { name: 'Bàn phím' }).getByRole('button', { name: 'A', exact: true })).toHaveCount(0);
  await tapKeys(page, '5678');
  await page.getByRole('group', { name: 'Bàn phím' }).getByRole('button', { name: 'Xong' }).tap();
  await page.getByRole('button', { name: 'Tra cứu', exact: true }).tap();
  const result = page.getByRole('region', { name: 'Kết quả tra cứu' });
  await expect(result.getByText(code, { exact: true })).toBeVisible();
  await expect(result.getByText('Trạng thái: Đã tiếp nhận')).toBeVisible();
  await expect(page.getByText(AN.name)).toHaveCount(0);
  await expect(page.getByText(AN.phone)).toHaveCount(0);
  await expectAccessible(page, 'kiosk look-up');
  await page.getByRole('link', { name: 'Trang chủ' }).tap();
  await expect(page).toHaveURL(/\/kiosk$/);

  // Once the office has finished it, "Rate the service" looks it up again and rates it without
  // signing in, through the look-up's rating token; the rating says it came from a kiosk.
  expect((await request.post(`/api/__mock/dossiers/${code}/advance`, { data: { to: 'result-ready' } })).ok()).toBe(true);
  await page.getByRole('link', { name: /^Đánh giá dịch vụ/ }).tap();
  await page.getByRole('textbox', { name: 'Mã hồ sơ' }).tap();
  await tapKeys(page, code);
  await page.getByRole('textbox', { name: '4 số cuối điện thoại' }).tap();
  await tapKeys(page, '5678');
  await page.getByRole('group', { name: 'Bàn phím' }).getByRole('button', { name: 'Xong' }).tap();
  await page.getByRole('button', { name: 'Tra cứu', exact: true }).tap();
  await page.getByRole('region', { name: 'Kết quả tra cứu' }).getByRole('link', { name: 'Đánh giá hồ sơ này' }).tap();
  await page.getByRole('radio', { name: 'Rất hài lòng' }).check();
  await page.getByRole('button', { name: 'Gửi đánh giá' }).tap();
  await expect(page.getByRole('heading', { name: 'Cảm ơn bạn đã đánh giá' })).toBeVisible();
  await expectAccessible(page, 'kiosk rating');
  const held = (await (await request.get('/api/__mock/ratings')).json()) as { ratings: { dossierCode: string; channel: string; overall: string }[] };
  expect(held.ratings.find((r) => r.dossierCode === code)).toMatchObject({ channel: 'kiosk', overall: 'very-satisfied' });
  await page.getByRole('link', { name: 'Trang chủ' }).tap();
  await expect(page).toHaveURL(/\/kiosk$/);

  // Sign in without typing a secret: the test plays the person's phone in its own context.
  await openMaritalStatusForm(page);
  const usedCode = await signInOnKiosk(page, browser, LAN);
  // A second person scanning the same QR gets nothing.
  const phone = await browser.newContext({ ...devices['Pixel 7'], locale: 'vi-VN', baseURL: test.info().project.use.baseURL });
  const second = await phone.newPage();
  await second.goto(`/idp/device?user_code=${usedCode}`);
  await expect(second.getByRole('alert')).toContainText('Mã này đã được dùng');
  await phone.close();

  // The form, pre-filled from her data store, says up front how long inactivity is allowed.
  await expect(page).toHaveURL(/\/services\/1\.004873\/apply$/, { timeout: 30_000 });
  await expect(page.getByRole('textbox', { name: /Số điện thoại/ })).toHaveValue(LAN.phone);
  await expect(page.getByText(/sau 90 giây không chạm vào màn hình/)).toBeVisible();
  // She picks another office than the one preselected for her ward: a choice of hers to be wiped.
  const office = page.getByRole('combobox', { name: /Cơ quan tiếp nhận/ });
  const preselected = await office.inputValue();
  const choices = await office.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
  const lanChoice = choices.find((value) => value !== preselected && value !== AN_OFFICE);
  expect(lanChoice).toBeTruthy();
  await office.selectOption(lanChoice!);
  await expectAccessible(page, 'kiosk form');

  // She walks away: after 90 s a countdown of 30 s, then the session ends.
  await page.clock.fastForward(91_000);
  const dialog = page.getByRole('dialog', { name: 'Bạn vẫn đang dùng máy?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText(/Còn \d+ giây/)).toBeVisible();
  await expectAccessible(page, 'kiosk idle countdown');
  await page.clock.fastForward(31_000);
  await expect(page).toHaveURL(/\/kiosk$/, { timeout: 30_000 });
  await expect(page.getByRole('heading', { level: 1, name: 'Bạn cần làm gì?' })).toBeVisible();

  // Back and reload show only the home screen; nothing of hers is on the device.
  await page.goBack().catch(() => null);
  await expect(page).toHaveURL(/\/kiosk$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Bạn cần làm gì?' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Bạn cần làm gì?' })).toBeVisible();
  await expect(page.getByText(LAN.name)).toHaveCount(0);
  expect(await personalLeftovers(page)).toEqual({ databases: [], local: [], session: [], cached: [], kiosk: true });

  // The next person signs in and sees none of it; an address typed by hand is no way in either.
  await page.goto('/services/1.004873/apply');
  await expect(page).toHaveURL(/\/kiosk$/);
  await openMaritalStatusForm(page);
  await signInOnKiosk(page, browser, AN);
  await expect(page).toHaveURL(/\/services\/1\.004873\/apply$/, { timeout: 30_000 });
  await expect(page.getByRole('textbox', { name: /Số điện thoại/ })).toHaveValue(AN.phone);
  // His own ward's office, not the one she chose.
  await expect(page.getByRole('combobox', { name: /Cơ quan tiếp nhận/ })).toHaveValue(AN_OFFICE);
  await expect(page.getByText(LAN.name)).toHaveCount(0);
  await expect(page.getByText(LAN.phone)).toHaveCount(0);

  // "Finish" ends his visit at once, the same way.
  await page.getByRole('button', { name: 'Kết thúc' }).tap();
  await expect(page).toHaveURL(/\/kiosk$/, { timeout: 30_000 });
  expect(await personalLeftovers(page)).toEqual({ databases: [], local: [], session: [], cached: [], kiosk: true });
});
