import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIRequestContext, Browser, Locator, Page } from '@playwright/test';
import { devices } from '@playwright/test';
import jsQR from 'jsqr';
import { encode } from 'uqr';
import { expect, expectAccessible, signInAs, storedDraftValues, test } from './fixtures.ts';

/**
 * A kiosk in a service centre's hall: enrolled by staff, used by one person after another on a
 * 1080×1920 touch screen, never showing anyone what the previous person left.
 */
test.use({ viewport: { width: 1080, height: 1920 }, hasTouch: true, isMobile: false, deviceScaleFactor: 1 });

/**
 * The kiosk's camera: Chromium's fake capture device plays this file (one YUV 4:2:0 frame, read
 * afresh each time a page opens the camera), so the test shows it a receipt's QR code.
 */
const CAMERA = join(tmpdir(), `mcs-kiosk-camera-${process.env.E2E_PORT ?? 'default'}.y4m`);
const showToCamera = (text: string | null) => {
  const [W, H] = [640, 480];
  const luma = Buffer.alloc(W * H, 235);
  if (text) {
    const { data } = encode(text, { ecc: 'M', border: 4 });
    const scale = Math.floor((H * 0.9) / data.length);
    const [left, top] = [Math.floor((W - data.length * scale) / 2), Math.floor((H - data.length * scale) / 2)];
    data.forEach((row, y) => row.forEach((dark, x) => {
      if (dark) for (let dy = 0; dy < scale; dy++) luma.fill(16, (top + y * scale + dy) * W + left + x * scale, (top + y * scale + dy) * W + left + (x + 1) * scale);
    }));
  }
  writeFileSync(CAMERA, Buffer.concat([Buffer.from(`YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420jpeg\nFRAME\n`), luma, Buffer.alloc((W / 2) * (H / 2) * 2, 128)]));
};
showToCamera(null);
test.use({
  permissions: ['camera'],
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic', '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${CAMERA}`],
  },
});

/** What a phone's camera would read from a QR code on the kiosk's screen (drawn, then decoded with jsQR). */
const readQr = async (qr: Locator): Promise<string | undefined> => {
  const { data, size } = await qr.evaluate(async (svg) => {
    const size = 800;
    const image = new Image();
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = size;
    const context = canvas.getContext('2d') as CanvasRenderingContext2D;
    context.fillStyle = '#fff';
    context.fillRect(0, 0, size, size);
    context.drawImage(image, 0, 0, size, size);
    let binary = '';
    for (const byte of context.getImageData(0, 0, size, size).data) binary += String.fromCharCode(byte);
    return { data: btoa(binary), size };
  });
  return jsQR(new Uint8ClampedArray(Buffer.from(data, 'base64')), size, size)?.data;
};

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
const seedDossier = async (request: APIRequestContext): Promise<{ code: string; receiptToken: string }> => {
  const start = (await (await request.post('/idp/device_authorization', { form: { client_id: 'mot-cua-so', scope: 'openid profile' } })).json()) as { device_code: string; user_code: string };
  expect((await request.post('/idp/device', { form: { user_code: start.user_code, citizen: 'vneid-046095001234', decision: 'allow' } })).ok()).toBe(true);
  const tokens = (await (await request.post('/idp/token', { form: { grant_type: 'urn:ietf:params:oauth:grant-type:device_code', device_code: start.device_code, client_id: 'mot-cua-so' } })).json()) as { access_token: string };
  const created = await request.post('/api/dossiers', {
    headers: { Authorization: `Bearer ${tokens.access_token}`, 'Idempotency-Key': crypto.randomUUID() },
    data: RESIDENCE,
  });
  expect(created.status()).toBe(201);
  const dossier = (await created.json()) as { code: string; receiptToken: { token: string } };
  return { code: dossier.code, receiptToken: dossier.receiptToken.token };
};

/**
 * The same screens come back with each person: their axe checks run the first time only (each
 * run of axe at 1080×1920 takes seconds on a loaded machine and would find nothing new).
 */
const checkedOnce = new Set<string>();
test.beforeEach(() => checkedOnce.clear());
const expectAccessibleOnce = async (page: Page, label: string) => {
  if (checkedOnce.has(label)) return;
  await expectAccessible(page, label);
  checkedOnce.add(label);
};

/** The person's own phone: opens the kiosk's sign-in link and approves as `name`. */
const approveOnPhone = async (browser: Browser, userCode: string, name: string) => {
  const phone = await browser.newContext({ ...devices['Pixel 7'], locale: 'vi-VN', baseURL: test.info().project.use.baseURL });
  const page = await phone.newPage();
  await page.goto(`/idp/device?user_code=${userCode}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Đăng nhập trên máy tự phục vụ' })).toBeVisible();
  await expectAccessibleOnce(page, 'device approval on the phone');
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
  await expectAccessibleOnce(page, 'kiosk sign-in');
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
  // Four visits, three phones and a dozen axe checks outlast the default timeout on a loaded
  // 2-core machine (as the rating journey does).
  test.slow();
  await page.clock.install();
  const { code, receiptToken } = await seedDossier(request);

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

  // Look a dossier up by holding the receipt to the camera: a QR code not from one of our
  // receipts is told so…
  showToCamera('https://example.com/not-a-receipt');
  await page.getByRole('link', { name: /^Tra cứu hồ sơ/ }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Quét biên nhận của bạn' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Mã QR này không phải của biên nhận từ dịch vụ này' })).toBeVisible();
  await expectAccessible(page, 'kiosk scan');
  // …and typing code and phone digits on the keypad is one touch away: status only.
  await page.getByRole('link', { name: 'Nhập mã hồ sơ bằng bàn phím' }).tap();
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

  // The receipt's own QR code (an opaque token: no code, no phone digits) finds the same status.
  showToCamera(`${new URL(page.url()).origin}/track?r=${receiptToken}`);
  await page.getByRole('link', { name: /^Tra cứu hồ sơ/ }).tap();
  const scanned = page.getByRole('region', { name: 'Kết quả tra cứu' });
  await expect(scanned.getByText('Trạng thái: Đã tiếp nhận')).toBeVisible();
  await expect(scanned.getByText(code, { exact: true })).toBeVisible();
  // The token leaves the address at once.
  await expect(page).toHaveURL(/\/track$/);
  await expect(page.getByText(AN.name)).toHaveCount(0);
  await page.getByRole('link', { name: 'Trang chủ' }).tap();
  await expect(page).toHaveURL(/\/kiosk$/);

  // Once the office has finished it, "Rate the service" looks it up again and rates it without
  // signing in, through the look-up's rating token; the rating says it came from a kiosk.
  expect((await request.post(`/api/__mock/dossiers/${code}/advance`, { data: { to: 'result-ready' } })).ok()).toBe(true);
  // (The keypad typed this look-up above; here the same form is filled in directly.)
  await page.getByRole('link', { name: /^Đánh giá dịch vụ/ }).tap();
  await page.getByRole('textbox', { name: 'Mã hồ sơ' }).fill(code);
  await page.getByRole('textbox', { name: '4 số cuối điện thoại' }).fill('5678');
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
  // The kiosk's network drops while he approves on his phone: the code stays up, and the kiosk
  // carries on by itself once the connection is back.
  await expect(page.getByRole('heading', { level: 1, name: 'Đăng nhập bằng điện thoại của bạn' })).toBeVisible();
  const anCode = (await page.getByTestId('user-code').innerText()).trim();
  await page.context().setOffline(true);
  await expect(page.getByText(/Máy vừa mất kết nối mạng/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('user-code')).toHaveText(anCode);
  expect(await approveOnPhone(browser, anCode, AN.name)).toMatch(/Đã đăng nhập trên máy tự phục vụ/);
  await page.context().setOffline(false);
  await expect(page).toHaveURL(/\/services\/1\.004873\/apply$/, { timeout: 30_000 });
  await expect(page.getByRole('textbox', { name: /Số điện thoại/ })).toHaveValue(AN.phone);
  // His own ward's office, not the one she chose.
  await expect(page.getByRole('combobox', { name: /Cơ quan tiếp nhận/ })).toHaveValue(AN_OFFICE);
  await expect(page.getByText(LAN.name)).toHaveCount(0);
  await expect(page.getByText(LAN.phone)).toHaveCount(0);


  // He fills the form in and goes to send it, and the network drops: a kiosk keeps nothing for
  // later, so it says so, keeps what he entered and offers to carry on with his own phone.
  const purpose = page.getByRole('combobox', { name: 'Mục đích sử dụng Giấy xác nhận' });
  await purpose.selectOption({ label: 'Để vay vốn ngân hàng' });
  const purposeValue = await purpose.inputValue();
  await page.getByRole('checkbox', { name: /Tôi cam đoan/ }).check();
  await page.getByRole('button', { name: 'Tiếp tục: xem lại câu trả lời' }).tap();
  await page.getByRole('link', { name: /đính kèm giấy tờ và nộp hồ sơ/ }).tap();
  await expect(page).toHaveURL(/\/services\/1\.004873\/apply\/documents$/);
  await page.context().setOffline(true);
  await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).tap();
  const notSent = page.getByRole('alert').filter({ hasText: 'Máy đang mất kết nối mạng' });
  await expect(notSent).toBeVisible();
  await expectAccessible(page, 'kiosk offline submit');
  await notSent.getByRole('button', { name: 'Làm tiếp trên điện thoại' }).tap();
  const handoff = page.getByRole('dialog', { name: 'Làm tiếp trên điện thoại của bạn' });
  const handoffQr = handoff.getByRole('img', { name: 'Mã QR để làm tiếp tờ khai này trên điện thoại' });
  await expect(handoffQr).toBeVisible();
  await expect(handoff.getByText(/Mã còn dùng được [45]:\d\d, một lần/)).toBeVisible();
  await expectAccessible(page, 'kiosk hand-off');
  const handoffUrl = (await readQr(handoffQr)) ?? '';
  expect(handoffUrl).toMatch(/\/handoff#ho_[\w-]{16}\.[\w-]+$/);
  // Sealed: nothing of his can be read from the code.
  expect(handoffUrl).not.toContain(AN.phone);
  await page.context().setOffline(false);

  // Someone else scanning it gets nothing (and it stays his)…
  const phoneOf = async (name: string) => {
    const phone = await browser.newContext({ ...devices['Pixel 7'], locale: 'vi-VN', baseURL: test.info().project.use.baseURL });
    const phonePage = await phone.newPage();
    await phonePage.goto(handoffUrl);
    await signInAs(phonePage, name);
    return phonePage;
  };
  const stranger = await phoneOf(LAN.name);
  await expect(stranger.getByRole('alert')).toContainText('Tờ khai này do người khác bắt đầu trên máy tự phục vụ');
  await expectAccessible(stranger, 'hand-off refused on another phone');
  await stranger.context().close();
  // …he, signed in on his own phone, finds the form at the step he left it, with his answers…
  const own = await phoneOf(AN.name);
  await expect(own).toHaveURL(/\/services\/1\.004873\/apply\/documents$/, { timeout: 30_000 });
  await expect(own.getByRole('heading', { level: 1, name: 'Giấy tờ kèm theo' })).toBeVisible();
  expect(Object.values((await storedDraftValues(own, '1.004873')) ?? {})).toContain(purposeValue);
  await own.context().close();
  // …and the kiosk, told his phone has it, ends the visit and forgets him.
  await expect(page).toHaveURL(/\/kiosk$/, { timeout: 30_000 });
  expect(await personalLeftovers(page)).toEqual({ databases: [], local: [], session: [], cached: [], kiosk: true });

  // Filed at the kiosk, the receipt comes out of the 80 mm printer: the code, its QR code (a
  // receipt token), where to look it up and what happens next; printing ends the visit.
  await openMaritalStatusForm(page);
  await signInOnKiosk(page, browser, AN);
  await expect(page).toHaveURL(/\/services\/1\.004873\/apply$/, { timeout: 30_000 });
  await page.getByRole('combobox', { name: 'Mục đích sử dụng Giấy xác nhận' }).selectOption({ label: 'Để vay vốn ngân hàng' });
  await page.getByRole('checkbox', { name: /Tôi cam đoan/ }).check();
  await page.getByRole('button', { name: 'Tiếp tục: xem lại câu trả lời' }).tap();
  await page.getByRole('link', { name: /đính kèm giấy tờ và nộp hồ sơ/ }).tap();
  await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).tap();
  await expect(page).toHaveURL(/\/dossiers\/[^/]+\/receipt$/, { timeout: 30_000 });
  await expect(page.getByRole('heading', { level: 1, name: 'Biên nhận hồ sơ' })).toBeVisible();
  await expectAccessible(page, 'kiosk receipt');
  const receiptQr = page.getByRole('img', { name: /^Mã QR để tra cứu hồ sơ / });
  expect(await readQr(receiptQr)).toMatch(/\/track\?r=rt_[\w-]{22}$/);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.kiosk-bar')).toBeHidden();
  await expect(page.getByRole('button', { name: 'In biên nhận' })).toBeHidden();
  const mm = (72 / 25.4) * 96;
  expect(await page.locator('.receipt').evaluate((e) => e.getBoundingClientRect().width)).toBeCloseTo(mm, 0);
  await expect(page.locator('.receipt__code')).toBeVisible();
  expect(await page.locator('.receipt__code').evaluate((e) => e.getBoundingClientRect().width)).toBeLessThanOrEqual(mm + 1);
  await expect(receiptQr).toBeVisible();
  expect(await receiptQr.evaluate((e) => e.getBoundingClientRect().width)).toBeCloseTo((40 / 25.4) * 96, 0);
  await expect(page.getByText(/^Tra cứu tại: http/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Tiếp theo là gì' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Giấy tờ đã nộp' })).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => {
    window.print = () => window.dispatchEvent(new Event('afterprint'));
  });
  await page.getByRole('button', { name: 'In biên nhận' }).tap();
  await expect(page).toHaveURL(/\/kiosk$/, { timeout: 30_000 });
  expect(await personalLeftovers(page)).toEqual({ databases: [], local: [], session: [], cached: [], kiosk: true });
});
