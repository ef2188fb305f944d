import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type APIRequestContext, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { test, expect, expectAccessible, signInAs, waitForServiceWorker } from './fixtures.ts';

/**
 * The citizen's own phone: a browser profile that survives closing the browser (a persistent
 * context), with a platform authenticator (Chromium's virtual one: it verifies the user).
 * Virtual authenticators do not outlive the browser, so the credential made at sign-in is
 * carried over by the test, as the phone's secure hardware would keep it.
 */
const credentialsOf = async (cdp: CDPSession, authenticatorId: string) => (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials;

interface Phone {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  authenticatorId: string;
}

const backendDossiers = async (request: APIRequestContext) => {
  const response = await request.get('/api/__mock/dossiers');
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { dossiers: { code: string; procedureId?: string; applicantName: string }[] }).dossiers;
};

test.describe.configure({ timeout: 180_000 });

test('kept signed in on the own phone: the outbox sends after a restart, the lock opens with the platform authenticator, a revoked session asks to sign in, a full disk says "not saved"', async ({
  request,
  backend: _,
}) => {
  const use = test.info().project.use;
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'mcs-phone-'));
  let credentials: Awaited<ReturnType<typeof credentialsOf>> = [];

  /** Opens the browser on the same profile, with the phone's authenticator and its credentials. */
  const open = async (): Promise<Phone> => {
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: use.launchOptions?.executablePath,
      args: use.launchOptions?.args,
      baseURL: use.baseURL,
      viewport: use.viewport,
      userAgent: use.userAgent,
      deviceScaleFactor: use.deviceScaleFactor,
      isMobile: use.isMobile,
      hasTouch: use.hasTouch,
      locale: use.locale,
      timezoneId: use.timezoneId,
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
    });
    // A credential read back after being added this way can come without its RP ID: it is this origin's.
    const rpId = new URL(String(use.baseURL)).hostname;
    for (const credential of credentials) await cdp.send('WebAuthn.addCredential', { authenticatorId, credential: { ...credential, rpId: credential.rpId ?? rpId } });
    return { context, page, cdp, authenticatorId };
  };
  const close = async (phone: Phone) => {
    credentials = await credentialsOf(phone.cdp, phone.authenticatorId);
    await phone.context.close();
  };

  /** Fills the marital-status form, then submits it with the connection gone. */
  const submitOffline = async (page: Page) => {
    await expect(page.getByRole('heading', { level: 1, name: /Tờ khai cấp Giấy xác nhận tình trạng hôn nhân/ })).toBeVisible();
    await expect(page.getByRole('combobox', { name: /Cơ quan tiếp nhận/ })).not.toHaveValue('');
    await page.getByRole('combobox', { name: 'Mục đích sử dụng Giấy xác nhận' }).selectOption({ label: 'Để vay vốn ngân hàng' });
    await page.getByRole('textbox', { name: /Số lượng Giấy xác nhận/ }).fill('1');
    await page.getByRole('checkbox', { name: /Tôi cam đoan/ }).check();
    await page.getByRole('button', { name: 'Tiếp tục: xem lại câu trả lời' }).click();
    await page.getByRole('link', { name: /đính kèm giấy tờ và nộp hồ sơ/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Giấy tờ kèm theo' })).toBeVisible();
    await page.context().setOffline(true);
    await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
    await expect(page).toHaveURL(/\/outbox\//);
    await expect(page.getByRole('heading', { name: 'Đang chờ gửi' })).toBeVisible();
    await expect(page.getByText(/Bạn có thể đóng ứng dụng/)).toBeVisible();
  };

  try {
    // --- Signed in with "keep me signed in" (on by default on a personal phone).
    let phone = await open();
    let { page } = phone;
    await page.goto('/services/1.004873');
    await waitForServiceWorker(page);
    await page.goto('/services/1.004873/apply');
    await expect(page).toHaveURL(/\/signin\?returnTo=/);
    const keep = page.getByRole('checkbox', { name: 'Giữ đăng nhập trên điện thoại này' });
    await expect(keep).toBeChecked();
    await expectAccessible(page, 'sign-in with keep me signed in');
    await page.getByRole('button', { name: 'Đăng nhập bằng VNeID' }).click();
    await page.getByRole('radio', { name: /Võ Minh Đức/ }).check();
    await page.getByRole('button', { name: 'Đồng ý và đăng nhập' }).click();
    await expect(page).toHaveURL(/\/services\/1\.004873\/apply$/);

    // Nothing readable at rest: no token in web storage, the refresh token only encrypted.
    const atRest = await page.evaluate(() => JSON.stringify({ ...sessionStorage, ...localStorage }));
    expect(atRest).not.toMatch(/access_token|refresh_token|id_token/);
    await expect.poll(async () => (await credentialsOf(phone.cdp, phone.authenticatorId)).length).toBe(1);

    await submitOffline(page);
    await expectAccessible(page, 'waiting to send');
    await close(phone);
    expect(await backendDossiers(request)).toHaveLength(0);

    // --- Reopened with a connection: sent without signing in again, exactly once.
    phone = await open();
    ({ page } = phone);
    await page.goto('/dossiers');
    await expect(page).toHaveURL(/\/dossiers$/, { timeout: 20_000 });
    await expect(page.getByRole('heading', { level: 1, name: 'Hồ sơ của tôi' })).toBeVisible();
    await expect.poll(async () => (await backendDossiers(request)).length, { timeout: 30_000 }).toBe(1);
    await expect(page.getByRole('heading', { name: /Đang chờ gửi/ })).toHaveCount(0, { timeout: 15_000 });
    await expect(page.getByRole('button', { name: 'Đăng nhập bằng VNeID' })).toHaveCount(0);
    await expectAccessible(page, 'my dossiers after the restart');
    const [first] = await backendDossiers(request);
    expect(first?.applicantName).toBe('Võ Minh Đức');
    // The lock period, shortened for the test (the setting can only shorten it).
    await page.evaluate(() => localStorage.setItem('mcs.lockAfterSeconds', '0'));
    await close(phone);

    // --- Reopened after the lock period: the platform authenticator unlocks.
    phone = await open();
    ({ page } = phone);
    await page.goto('/dossiers');
    const lock = page.getByRole('dialog', { name: 'Một Cửa Số đang khoá' });
    await expect(lock).toBeVisible({ timeout: 20_000 });
    await expect(lock.getByText(/Võ Minh Đức/)).toBeVisible();
    await expectAccessible(page, 'app lock');
    await lock.getByRole('button', { name: 'Mở khoá' }).click();
    await expect(lock).toHaveCount(0);
    await expect(page).toHaveURL(/\/dossiers$/, { timeout: 20_000 });
    await expect(page.getByRole('heading', { level: 1, name: 'Hồ sơ của tôi' })).toBeVisible();
    await page.evaluate(() => localStorage.removeItem('mcs.lockAfterSeconds'));

    // A second application waits offline; meanwhile VNeID revokes the kept session.
    await page.goto('/services/1.004873/apply');
    await submitOffline(page);
    await close(phone);
    expect((await request.post('/api/__mock/revoke-refresh-tokens')).ok()).toBe(true);

    // --- Reopened: renewal is impossible, and the app says so, with the one-tap way back.
    phone = await open();
    ({ page } = phone);
    await page.goto('/');
    const notice = page.getByRole('region', { name: /Phiên đăng nhập trên điện thoại này đã bị chấm dứt/ });
    await expect(notice).toBeVisible({ timeout: 20_000 });
    await expectAccessible(page, 'sign in to send');
    await notice.getByRole('button', { name: 'Đăng nhập để gửi 1 hồ sơ đang chờ' }).click();
    await page.getByRole('radio', { name: /Võ Minh Đức/ }).check();
    await page.getByRole('button', { name: 'Đồng ý và đăng nhập' }).click();
    // Back where the citizen was; the waiting application goes out, once.
    await expect(page).toHaveURL(/\/$/);
    await expect.poll(async () => (await backendDossiers(request)).length, { timeout: 30_000 }).toBe(2);
    await expect(notice).toHaveCount(0);
    await page.waitForTimeout(1500);
    expect(await backendDossiers(request)).toHaveLength(2);

    // --- A full disk: the form says "not saved", and what was saved stays.
    await page.goto('/services/1.004873/apply');
    const agency = page.getByRole('combobox', { name: /Cơ quan tiếp nhận/ });
    await agency.selectOption({ label: 'UBND Phường Hương An' });
    await expect(page.getByText(/Đã lưu trên thiết bị này lúc/)).toBeVisible();
    await page.waitForTimeout(800);
    await page.evaluate(() => {
      const put = IDBObjectStore.prototype.put;
      (window as { __restorePut?: () => void }).__restorePut = () => {
        IDBObjectStore.prototype.put = put;
      };
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        if (this.name === 'drafts') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args);
      };
    });
    await page.getByRole('textbox', { name: /Số lượng Giấy xác nhận/ }).fill('3');
    const notSaved = page.getByRole('alert').filter({ hasText: 'Chưa lưu được trên điện thoại này.' });
    await expect(notSaved).toBeVisible();
    await expect(notSaved).toContainText('Bộ nhớ của điện thoại đã đầy');
    await expect(page.getByText(/Đã lưu trên thiết bị này lúc/)).toHaveCount(0);
    await expectAccessible(page, 'draft not saved');
    await page.evaluate(() => (window as { __restorePut?: () => void }).__restorePut?.());
    await page.reload();
    await expect(page.getByRole('combobox', { name: /Cơ quan tiếp nhận/ })).toHaveValue('commune-pc-19804', { timeout: 20_000 });

    // What was typed while nothing could be saved is not pretended to be there.
    await expect(page.getByRole('textbox', { name: /Số lượng Giấy xác nhận/ })).not.toHaveValue('3');

    // A paper that cannot be stored on the phone is never shown as attached.
    await page.getByRole('textbox', { name: /Số lượng Giấy xác nhận/ }).fill('2');
    await page.getByRole('combobox', { name: 'Mục đích sử dụng Giấy xác nhận' }).selectOption({ label: 'Để vay vốn ngân hàng' });
    await page.getByRole('checkbox', { name: /Tôi cam đoan/ }).check();
    await page.getByRole('button', { name: 'Tiếp tục: xem lại câu trả lời' }).click();
    await page.getByRole('link', { name: /đính kèm giấy tờ và nộp hồ sơ/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Giấy tờ kèm theo' })).toBeVisible();
    const jpeg = Buffer.from(
      await page.evaluate(async () => {
        const canvas = new OffscreenCanvas(800, 600);
        const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
        ctx.fillStyle = '#f4efe1';
        ctx.fillRect(0, 0, 800, 600);
        ctx.fillStyle = '#222';
        ctx.fillText('TRÍCH LỤC', 40, 80);
        const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 })).arrayBuffer());
        let binary = '';
        for (const b of bytes) binary += String.fromCharCode(b);
        return btoa(binary);
      }),
      'base64',
    );
    await page.evaluate(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        if (this.name === 'drafts') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args);
      };
    });
    const paper = page.getByRole('region', { name: /^Bản án, quyết định ly hôn/ });
    await paper.getByLabel('Chọn tệp').setInputFiles({ name: 'trich-luc.jpg', mimeType: 'image/jpeg', buffer: jpeg });
    await expect(page.getByRole('alert').filter({ hasText: /Chưa đính kèm trich-luc\.jpg/ })).toBeVisible({ timeout: 20_000 });
    await expect(paper.getByRole('listitem').filter({ hasText: 'trich-luc.jpg' })).toHaveCount(0);
    await expectAccessible(page, 'paper not stored');
    await phone.context.close();
  } finally {
    await rm(userDataDir, { recursive: true, force: true });
  }
});

test('a tab hidden for the lock period, then shown again, asks for the platform authenticator as a reopened app does', async ({ page, backend: _ }) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  await page.goto('/me');
  await signInAs(page, 'Võ Minh Đức');
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByText('Xin chào Võ Minh Đức.')).toBeVisible();
  // The lock was registered at sign-in ("keep me signed in" is on by default on a personal phone).
  await expect.poll(async () => (await credentialsOf(cdp, authenticatorId)).length).toBe(1);

  /** The tab goes to the background or comes back (headless Chromium never hides a page itself). */
  const setVisibility = (state: 'hidden' | 'visible') =>
    page.evaluate((value) => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => value });
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => value === 'hidden' });
      document.dispatchEvent(new Event('visibilitychange'));
    }, state);
  const lock = page.getByRole('dialog', { name: 'Một Cửa Số đang khoá' });

  // Hidden for a moment: nothing asked.
  await setVisibility('hidden');
  await setVisibility('visible');
  await page.waitForTimeout(500);
  await expect(lock).toHaveCount(0);

  // Hidden, and 5 minutes go by (the time it was last seen, moved back rather than waited for).
  await setVisibility('hidden');
  await page.evaluate(() => localStorage.setItem('mcs.lastSeen', String(Date.now() - 5 * 60 * 1000 - 1000)));
  await setVisibility('visible');
  await expect(lock).toBeVisible();
  await expect(lock.getByText(/Võ Minh Đức/)).toBeVisible();
  await expectAccessible(page, 'app lock after a hidden tab');
  await lock.getByRole('button', { name: 'Mở khoá' }).click();
  await expect(lock).toHaveCount(0);
  await expect(page.getByText('Xin chào Võ Minh Đức.')).toBeVisible();
  await expect(page).toHaveURL(/\/me$/);
});
