import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import { test, expect, expectAccessible, signInAs, waitForServiceWorker } from './fixtures.ts';

/** A phone-camera-like photo (big, JPEG), drawn by the browser so the test needs no binary fixture. */
const photo = async (page: Page, width: number, height: number) => {
  const base64 = await page.evaluate(
    async ([w, h]) => {
      const canvas = new OffscreenCanvas(w, h);
      const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
      ctx.fillStyle = '#f4efe1';
      ctx.fillRect(0, 0, w, h);
      ctx.fillStyle = '#222';
      ctx.font = `${Math.round(h / 20)}px sans-serif`;
      for (let y = 1; y < 18; y++) ctx.fillText(`GIẤY CHỨNG SINH — dòng ${y} — Bệnh viện Trung ương Huế`, w / 20, (y * h) / 18);
      // Noise, so the photo does not compress to nothing.
      for (let i = 0; i < 4000; i++) {
        ctx.fillStyle = `rgba(${(i * 37) % 255},${(i * 91) % 255},${(i * 53) % 255},0.4)`;
        ctx.fillRect((i * 7919) % w, (i * 104729) % h, 6, 6);
      }
      const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.95 });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let binary = '';
      for (const b of bytes) binary += String.fromCharCode(b);
      return btoa(binary);
    },
    [width, height] as const,
  );
  return Buffer.from(base64, 'base64');
};

/** The same photo padded to `bytes` with application segments, as a camera's 40 MB RAW+JPEG export. */
const padJpeg = (jpeg: Buffer, bytes: number) => {
  const segments: Buffer[] = [];
  let size = jpeg.byteLength;
  while (size < bytes) {
    const segment = Buffer.alloc(65_537, 0x20);
    segment.writeUInt16BE(0xffef, 0);
    segment.writeUInt16BE(65_535, 2);
    segments.push(segment);
    size += segment.byteLength;
  }
  // After SOI (FF D8), before everything else.
  return Buffer.concat([jpeg.subarray(0, 2), ...segments, jpeg.subarray(2)]);
};

/**
 * The 40 MB camera photo, made once and kept between runs (node_modules/.cache, like other tools'
 * caches): drawing 12 MP in the browser and padding it costs seconds a busy machine does not
 * have. Picked by its path, a local Chromium reads the file itself, instead of 40 MB travelling
 * through the test protocol as base64.
 */
const PHOTO_CACHE = path.join(process.cwd(), 'node_modules', '.cache', 'mot-cua-so-e2e', 'v1');
const bigCameraPhoto = async (page: Page, name: string) => {
  const file = path.join(PHOTO_CACHE, name);
  if (!existsSync(file)) {
    await mkdir(PHOTO_CACHE, { recursive: true });
    const partial = `${file}.${process.pid}.part`;
    await writeFile(partial, padJpeg(await photo(page, 4000, 3000), 40_000_000));
    await rename(partial, file);
  }
  return file;
};

const backendDossiers = async (request: APIRequestContext) => {
  const response = await request.get('/api/__mock/dossiers');
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { dossiers: { code: string; status: string; applicantName: string; documents: { source: string; requirement: number | null }[] }[] }).dossiers;
};

const CODE = /\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{6}-\d{4}/;

test('a birth registration is submitted offline with a data-store paper and a photo, sent exactly once, and answered on the same dossier', async ({
  page,
  context,
  request,
  backend,
}) => {
  await page.goto('/services/1.001193');
  await waitForServiceWorker(page);
  await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).click();
  await signInAs(page, 'Nguyễn Văn An');

  // The form fills itself; the citizen adds the child.
  await expect(page.getByRole('heading', { level: 1, name: 'Tờ khai đăng ký khai sinh' })).toBeVisible();
  const requester = page.getByRole('region', { name: 'Người yêu cầu: cha hoặc mẹ của trẻ' });
  await expect(requester.getByText('046095001234')).toBeVisible();
  // The receiving office is chosen from the list, the one for the citizen's ward already chosen.
  const office = requester.getByRole('combobox', { name: /Cơ quan tiếp nhận/ });
  await expect(office).toHaveValue('commune-pc-19789');
  await expect(office.locator('option:checked')).toHaveText('UBND Phường Thuận Hoá');
  await requester.getByRole('radio', { name: 'Cha', exact: true }).check();
  const child = page.getByRole('region', { name: 'Người được khai sinh' });
  await child.getByRole('textbox', { name: /Họ, chữ đệm và tên/ }).fill('Nguyễn Minh Châu');
  await child.getByRole('textbox', { name: /Ngày, tháng, năm sinh/ }).fill('18/11/2026');
  await child.getByRole('radio', { name: 'Nữ', exact: true }).check();
  await child.getByRole('radio', { name: /Tại cơ sở y tế/ }).check();
  await child.getByRole('textbox', { name: 'Tên cơ sở y tế' }).fill('Bệnh viện Trung ương Huế');
  const birthPlace = child.getByRole('group', { name: 'Nơi sinh' });
  await birthPlace.getByRole('combobox', { name: 'Tỉnh, thành phố' }).selectOption({ label: 'Thành phố Huế' });
  await birthPlace.getByRole('combobox', { name: /Xã, phường/ }).selectOption({ label: 'Phường Thuận Hoá' });
  await birthPlace.getByRole('textbox', { name: /Số nhà/ }).fill('16 Lê Lợi');
  await child.getByRole('radio', { name: /Giấy chứng sinh/ }).check();
  await page.getByRole('checkbox', { name: /Tôi cam đoan/ }).check();
  await page.getByRole('button', { name: 'Tiếp tục: xem lại câu trả lời' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Xem lại câu trả lời' })).toBeVisible();
  await page.getByRole('link', { name: /đính kèm giấy tờ và nộp hồ sơ/ }).click();

  // The documents step: limits stated up front; the form and VNeID cover two requirements.
  await expect(page).toHaveURL(/\/services\/1\.001193\/apply\/documents$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Giấy tờ kèm theo' })).toBeVisible();
  await expect(page.getByText(/Mỗi tệp tối đa 10 MB, cả hồ sơ tối đa 25 MB/)).toBeVisible();
  await expect(page.getByText('Đã xác thực qua tài khoản định danh điện tử (VNeID), không cần nộp.')).toBeVisible();
  const birthNotice = page.getByRole('region', { name: /^Giấy chứng sinh/ });
  const marriage = page.getByRole('region', { name: /^Giấy chứng nhận kết hôn của cha, mẹ/ });
  await expectAccessible(page, 'documents step');

  // The birth notice picked from the data store on the form is already attached here…
  const noticeFromStore = birthNotice.getByRole('combobox', { name: 'Dùng giấy tờ đã có trong kho dữ liệu của bạn' });
  await expect(noticeFromStore).not.toHaveValue('');
  await expect(birthNotice.getByLabel('Chụp ảnh giấy tờ')).toHaveCount(0);
  // …but this citizen has the stamped paper in hand and will photograph it instead.
  await noticeFromStore.selectOption({ label: '— Không dùng, tôi tải lên hoặc chụp ảnh —' });

  // Submitting with the birth notice missing says so, and keeps everything.
  await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
  const missing = page.getByRole('alert').filter({ hasText: 'Còn 1 giấy tờ cần đính kèm' });
  await expect(missing).toBeFocused();
  await expect(missing.getByText('Giấy chứng sinh')).toBeVisible();

  // Bad files are refused by their bytes, not their names, with a message naming the file.
  const upload = birthNotice.getByLabel('Chọn tệp');
  await upload.setInputFiles({ name: 'giay-chung-sinh.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00This program cannot be run in DOS mode') });
  await expect(birthNotice.getByText(/“giay-chung-sinh.pdf” không phải PDF, JPG hay PNG/)).toBeVisible();
  await upload.setInputFiles({ name: 'trong.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(0) });
  await expect(birthNotice.getByText(/“trong.jpg” là tệp rỗng/)).toBeVisible();

  // A paper of the wrong kind is refused next to it, before anything is sent: an ID card is not a marriage certificate.
  const marriageFromStore = marriage.getByRole('combobox', { name: 'Dùng giấy tờ đã có trong kho dữ liệu của bạn' });
  await marriageFromStore.selectOption({ label: 'Thẻ căn cước — 046095001234' });
  await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
  await expect(marriage.getByText('Giấy tờ này không dùng được cho mục này. Hãy chọn Giấy chứng nhận kết hôn trong kho dữ liệu, hoặc chụp ảnh, tải lên bản giấy.')).toBeVisible();

  // One paper reused from the data store (no upload), one photographed with the camera.
  await marriageFromStore.selectOption({ label: 'Giấy chứng nhận kết hôn — 45/2021' });
  await expect(marriage.getByLabel('Chụp ảnh giấy tờ')).toHaveCount(0);
  const big = await bigCameraPhoto(page, 'IMG_20261118_0931.jpg');
  expect((await stat(big)).size).toBeGreaterThan(40_000_000);
  await birthNotice.getByLabel('Chụp ảnh giấy tờ').setInputFiles(big);
  const attached = birthNotice.getByRole('listitem').filter({ hasText: 'IMG_20261118_0931.jpg' });
  // Decoding and shrinking 12 MP in a worker: a few seconds on a phone, more on a busy machine.
  await expect(attached).toBeVisible({ timeout: 60_000 });
  // Compressed on the device: a 40 MB, 12 MP photo leaves the phone at no more than 600 KB.
  const [, size = '0', unit = ''] = /([\d,.]+)\s*(KB|MB|B)/.exec((await attached.textContent()) ?? '') ?? [];
  expect(unit).toBe('KB');
  expect(Number(size.replace(',', '.'))).toBeLessThanOrEqual(600);
  // A preview of the photo (decorative for screen readers: the name and size say it all).
  await expect(attached.locator('img')).toBeVisible();
  await expect(birthNotice.getByRole('button', { name: /Xoá/ })).toBeVisible();

  // The signal drops; the citizen submits anyway.
  await context.setOffline(true);
  await expect(page.getByText('Bạn đang ngoại tuyến. Bạn vẫn nộp được')).toBeVisible();
  await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
  await expect(page).toHaveURL(/\/outbox\//);
  await expect(page.getByRole('heading', { name: 'Đang chờ gửi' })).toBeVisible();
  await expect(page.getByText(/Hồ sơ đã được lưu an toàn trên máy/)).toBeVisible();
  await expectAccessible(page, 'waiting to send');

  // A reload (or a crash) keeps it queued, and the list counts it.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Đang chờ gửi' })).toBeVisible();
  await page.getByRole('link', { name: 'Xem hồ sơ của tôi' }).click();
  await expect(page.getByRole('heading', { name: 'Đang chờ gửi (1)' })).toBeVisible();
  await expectAccessible(page, 'my dossiers offline');
  expect(await backendDossiers(request)).toHaveLength(0);

  // Back online: it goes out by itself, once — even though the first upload's connection drops.
  await backend.faults({ rules: [{ path: '/api/uploads', status: 'network', times: 1 }] });
  await context.setOffline(false);
  await expect(page.getByRole('heading', { name: /Đang chờ gửi/ })).toHaveCount(0, { timeout: 30_000 });
  const held = await backendDossiers(request);
  expect(held).toHaveLength(1);
  // The dropped upload really happened (the fault was used up) and was retried by itself.
  expect(((await (await request.get('/api/__mock/faults')).json()) as { rules: unknown[] }).rules).toEqual([]);
  const [dossier] = held;
  expect(dossier?.applicantName).toBe('Nguyễn Văn An');
  expect(dossier?.documents.map((d) => d.source).sort()).toEqual(['data-store', 'upload']);
  const code = dossier?.code ?? '';
  expect(code).toMatch(CODE);

  // The receipt: code, a QR that opens tracking, what happens next and by when.
  await page.goto(`/dossiers/${code}/receipt`);
  await expect(page.getByRole('heading', { level: 1, name: 'Biên nhận hồ sơ' })).toBeVisible();
  await expect(page.getByText(code, { exact: true })).toBeVisible();
  await expect(page.getByRole('img', { name: `Mã QR để tra cứu hồ sơ ${code}` })).toBeVisible();
  await expect(page.getByText(/Hẹn trả kết quả trước ngày \d\d\/\d\d\/\d{4}/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'In biên nhận' })).toBeVisible();
  await expectAccessible(page, 'receipt');

  // Starting the same procedure again says it was applied for already, and where it is.
  await page.goto('/services/1.001193/apply');
  await expect(page.getByText(`Bạn đã nộp hồ sơ thủ tục này ngày ${new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date())} (mã ${code}).`, { exact: false })).toBeVisible();

  // Tracking: the dossier page with its timeline.
  await page.getByRole('link', { name: 'Xem hồ sơ đã nộp' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Đăng ký khai sinh' })).toBeVisible();
  await expect(page.getByText('Trạng thái: Đã tiếp nhận')).toBeVisible();
  await expect(page.getByText('UBND Phường Thuận Hoá')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Quá trình xử lý' }).getByText(/Đã tiếp nhận/)).toBeVisible();
  await expectAccessible(page, 'dossier');

  // The office asks for one more paper; the citizen adds it to the same dossier.
  const advance = async (to: string, extra: object = {}) => expect((await request.post(`/api/__mock/dossiers/${code}/advance`, { data: { to, ...extra } })).ok()).toBe(true);
  await advance('supplement-requested', { items: [{ vi: 'Giấy chứng sinh bản có dấu đỏ của bệnh viện', en: 'The birth notice with the hospital’s red seal' }] });
  await page.reload();
  const request_ = page.getByRole('region', { name: 'Cơ quan yêu cầu bổ sung' });
  await expect(request_.getByText('Giấy chứng sinh bản có dấu đỏ của bệnh viện')).toBeVisible();
  await request_.getByRole('link', { name: 'Bổ sung giấy tờ' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bổ sung giấy tờ' })).toBeVisible();
  await expectAccessible(page, 'supplement');
  await page.getByLabel('Chụp ảnh giấy tờ').setInputFiles({ name: 'giay-chung-sinh-dau-do.jpg', mimeType: 'image/jpeg', buffer: await photo(page, 1600, 1200) });
  await expect(page.getByRole('button', { name: 'Xoá giay-chung-sinh-dau-do.jpg' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Gửi giấy tờ bổ sung' }).click();
  await expect(page).toHaveURL(new RegExp(`/dossiers/${code.replaceAll('.', '\\.')}\\?supplement=sent$`), { timeout: 30_000 });
  await expect(page.getByRole('status').filter({ hasText: 'Đã gửi giấy tờ bổ sung. Cơ quan tiếp tục giải quyết hồ sơ.' })).toBeFocused();
  await expect(page.getByText('Bổ sung', { exact: true }).first()).toBeVisible();
  const after = await backendDossiers(request);
  expect(after).toHaveLength(1);
  expect(after[0]?.code).toBe(code);
  expect(after[0]?.documents).toHaveLength(3);
  expect(after[0]?.status).not.toBe('supplement-requested');

  // The result is ready: downloadable here and already in the data store for reuse.
  await advance('result-ready');
  await page.reload();
  const result = page.getByRole('region', { name: 'Kết quả' });
  await expect(result.getByText(/Giấy khai sinh/)).toBeVisible();
  const download = page.waitForEvent('download');
  await result.getByRole('button', { name: 'Tải kết quả' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.pdf$/);
  await result.getByRole('link', { name: 'Mở kho dữ liệu' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tài khoản và kho dữ liệu' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Xem Giấy khai sinh — Của: Nguyễn Minh Châu' })).toBeVisible();
  // The receipt no longer promises a date for a result that is here.
  await page.goto(`/dossiers/${code}/receipt`);
  await expect(page.getByText(/^Đã có kết quả\. Bạn có thể tải kết quả điện tử/)).toBeVisible();
  await expect(page.getByText(/Hẹn trả kết quả trước ngày/)).toHaveCount(0);

  // Offline, the list shows the last known status and when it was known.
  await page.goto('/dossiers');
  // Status changes arrive in the notification centre too.
  await expect(page.getByRole('link', { name: `Hồ sơ ${code}: Cần bổ sung` })).toBeVisible();
  await expect(page.getByRole('link', { name: `Hồ sơ ${code}: Đã có kết quả` })).toBeVisible();
  await expect(page.getByText(code, { exact: true })).toBeVisible();
  await expectAccessible(page, 'my dossiers');
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByText(/Trạng thái lúc \d\d:\d\d/).first()).toBeVisible();
  await expect(page.getByText(code, { exact: true })).toBeVisible();
  await page.getByText(code, { exact: true }).click();
  await expect(page.getByText('Trạng thái: Đã có kết quả')).toBeVisible();
  await expect(page.getByText(/Trạng thái lúc \d\d:\d\d/).first()).toBeVisible();
  await context.setOffline(false);
});

test('a criminal record certificate: a 500 and a closed procedure lose nothing, the fee is paid once through the gateway, and anyone can track it', async ({
  page,
  context,
  browser,
  request,
  backend,
}) => {
  await page.goto('/services/3.000333/apply');
  await signInAs(page, 'Lê Thị Lan');
  await expect(page.getByRole('heading', { level: 1, name: 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp' })).toBeVisible();
  // Never typed: the provincial police of where Lan lives is chosen already, the others are offered.
  const office = page.getByRole('combobox', { name: /Cơ quan tiếp nhận/ });
  await expect(office).toHaveValue('province-police-92');
  await expect(office.locator('option:checked')).toHaveText('Công an Thành phố Cần Thơ');
  await expect(page.getByRole('textbox', { name: /Cơ quan tiếp nhận/ })).toHaveCount(0);
  await page.getByRole('radio', { name: /Phiếu số 1/ }).check();
  await page.getByRole('combobox', { name: 'Mục đích sử dụng phiếu' }).selectOption({ label: 'Xin việc, bổ sung hồ sơ cán bộ, nhân viên' });
  // One certificate to start with; the parents from the household; where she has lived from the
  // residence database (two places), left to check rather than typed.
  await expect(page.getByRole('textbox', { name: /Số lượng phiếu/ })).toHaveValue('1');
  // Three certificates: 2 are included, the 3rd costs 5.000 ₫ more.
  await page.getByRole('textbox', { name: /Số lượng phiếu/ }).fill('3');
  await expect(page.getByRole('textbox', { name: /Họ, chữ đệm và tên cha/ })).toHaveValue('Lê Văn Tư');
  await expect(page.getByRole('textbox', { name: /Họ, chữ đệm và tên mẹ/ })).toHaveValue('Huỳnh Thị Nga');
  const residence = page.getByRole('group', { name: /Nơi cư trú 1/i });
  await expect(residence.getByRole('textbox', { name: /Từ năm/ })).toHaveValue('2015');
  await expect(residence.getByRole('textbox', { name: /Nơi thường trú hoặc tạm trú/ })).toHaveValue(/Phường Ninh Kiều/);
  await expect(page.getByRole('group', { name: /Nơi cư trú 2/i }).getByRole('textbox', { name: /Nơi thường trú hoặc tạm trú/ })).toHaveValue(/Ký túc xá B/);
  await page.getByRole('radio', { name: 'Bản điện tử trên ứng dụng VNeID' }).check();
  await page.getByRole('checkbox', { name: /Tôi cam đoan/ }).check();
  await page.getByRole('button', { name: 'Tiếp tục: xem lại câu trả lời' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Xem lại câu trả lời' })).toBeVisible();
  await expect(page.getByText('Công an Thành phố Cần Thơ')).toBeVisible();
  const fees = page.getByRole('region', { name: 'Phí, lệ phí phải nộp' });
  await expect(fees.getByText(/200\.000\s?₫ và 1 bản thêm × 5\.000\s?₫/)).toBeVisible();
  await expect(fees.getByText(/^205\.000\s?₫$/).last()).toBeVisible();
  await page.getByRole('link', { name: /đính kèm giấy tờ và nộp hồ sơ/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Giấy tờ kèm theo' })).toBeVisible();
  // The fee stated before submitting is the one the office will charge: the online rule, per copy.
  await expect(page.getByText(/Phí, lệ phí: 205\.000\s?₫/)).toBeVisible();

  // The office is not taking applications: the dossier stays on the phone, with the reason.
  expect((await request.post('/api/__mock/procedures/3.000333/closed', { data: { closed: true } })).ok()).toBe(true);
  // An impatient double tap: still one dossier (asserted below).
  await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).dblclick();
  await expect(page).toHaveURL(/\/outbox\//);
  await expect(page.getByRole('heading', { name: 'Cơ quan chưa nhận hồ sơ' })).toBeVisible();
  await expect(page.getByText('Thủ tục này hiện không nhận hồ sơ trực tuyến. Hồ sơ của bạn vẫn được giữ trên máy.')).toBeVisible();
  await expectAccessible(page, 'submission refused');
  expect(await backendDossiers(request)).toHaveLength(0);

  // Open again, but the server fails once: still nothing lost, and a retry goes through once.
  expect((await request.post('/api/__mock/procedures/3.000333/closed', { data: { closed: false } })).ok()).toBe(true);
  await backend.faults({ rules: [{ path: '/api/dossiers', status: 500, times: 1 }] });
  await page.getByRole('button', { name: 'Gửi lại ngay' }).click();
  // The 500 puts it back in the queue, and the app tries again by itself a moment later.
  await expect(page.getByText(/Lần gửi trước chưa thành công: mạng chập chờn hoặc máy chủ chưa phản hồi. Máy sẽ tự thử lại/)).toBeVisible();
  await expect(page).toHaveURL(/\/receipt$/, { timeout: 30_000 });
  expect(((await (await request.get('/api/__mock/faults')).json()) as { rules: unknown[] }).rules).toEqual([]);
  const held = await backendDossiers(request);
  expect(held).toHaveLength(1);
  const code = held[0]?.code ?? '';
  await expect(page.getByText(/Chưa nộp: 205\.000\s?₫/)).toBeVisible();
  // A fee still due is paid from the receipt too; the receipt is saved as a PDF a phone can open.
  await expect(page.getByText('Chưa nộp phí', { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Nộp phí: 205\.000\s?₫/ })).toHaveAttribute('href', /\/pay$/);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Lưu biên nhận (PDF)' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toMatch(/^bien-nhan-.+\.pdf$/);
  expect((await readFile(await saved.path())).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await expect(page.getByRole('link', { name: /Đã tạo tệp biên nhận bien-nhan-.+\.pdf/ })).toBeVisible();

  // Paying needs a connection, and says so; the dossier stays safe.
  await page.goto(`/dossiers/${code}`);
  await expect(page.getByText('Chưa nộp phí. Hồ sơ được giải quyết sau khi phí được nộp.')).toBeVisible();
  await context.setOffline(true);
  await page.getByRole('link', { name: /Nộp phí: 205\.000\s?₫/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Thanh toán phí, lệ phí' })).toBeVisible();
  await expect(page.getByText(/Thanh toán cần kết nối mạng/)).toBeVisible();
  const paymentAnswer = page
    .waitForResponse((r) => r.request().method() === 'POST' && /\/api\/dossiers\/[^/]+\/payment$/.test(r.url()) && r.ok())
    .then((r) => r.json() as Promise<{ qrPayload: string; amount: number }>);
  await context.setOffline(false);

  // VietQR for a bank app, or the card page; a declined card charges nothing. The code itself
  // asks the bank for 205.000 ₫ (EMVCo tag 54).
  await expect(page.getByRole('img', { name: /Mã VietQR thanh toán 205\.000\s?₫/ })).toBeVisible();
  expect((await paymentAnswer).qrPayload).toContain('5406205000');
  // The phone showing the code cannot scan it: the same transfer in words, to copy, and the image.
  await expect(page.getByText(/Mã thanh toán còn hiệu lực 1[45] phút/)).toBeVisible();
  const transfer = page.getByRole('region', { name: 'Không quét được mã trên chính điện thoại này?' });
  await expect(transfer.getByText(code, { exact: true })).toBeVisible();
  await expect(transfer.getByRole('button', { name: 'Sao chép Số tài khoản' })).toBeVisible();
  const qrImage = page.waitForEvent('download');
  await transfer.getByRole('button', { name: 'Lưu ảnh mã QR' }).click();
  expect((await qrImage).suggestedFilename()).toMatch(/^vietqr-.+\.png$/);
  await expectAccessible(page, 'payment');

  // A payment request left too long expires; a new one is one tap away.
  const cardUrl = (await page.getByRole('link', { name: 'Thanh toán bằng thẻ' }).getAttribute('href')) ?? '';
  const paymentId = /\/pay\/([^/?#]+)/.exec(cardUrl)?.[1] ?? '';
  expect(paymentId).not.toBe('');
  expect((await request.post(`/api/__mock/payments/${paymentId}/expire`)).ok()).toBe(true);
  await expect(page.getByRole('heading', { name: 'Mã thanh toán đã hết hạn' })).toBeVisible({ timeout: 15_000 });
  await page.getByRole('button', { name: 'Tạo mã thanh toán mới' }).click();
  await expect(page.getByRole('img', { name: /Mã VietQR thanh toán 205\.000\s?₫/ })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Thanh toán bằng thẻ' })).not.toHaveAttribute('href', cardUrl);
  await page.getByRole('link', { name: 'Thanh toán bằng thẻ' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Thanh toán phí, lệ phí' })).toBeVisible();
  await expectAccessible(page, 'payment gateway');
  await page.getByLabel('Số thẻ').fill('4000 0000 0000 0002');
  await page.getByLabel('Tên chủ thẻ').fill('LE THI LAN');
  await page.getByRole('button', { name: 'Thanh toán', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/dossiers/${code.replaceAll('.', '\\.')}\\?payment=`));
  await expect(page.getByText('Thanh toán không thành công. Bạn chưa bị trừ tiền; hãy thử lại.')).toBeVisible();

  // The second try is paid, once.
  await page.getByRole('link', { name: /Nộp phí: 205\.000\s?₫/ }).click();
  await page.getByRole('link', { name: 'Thanh toán bằng thẻ' }).click();
  await page.getByLabel('Số thẻ').fill('4111 1111 1111 1111');
  await page.getByLabel('Tên chủ thẻ').fill('LE THI LAN');
  await page.getByRole('button', { name: 'Thanh toán', exact: true }).click();
  await expect(page.getByText('Thanh toán thành công. Cảm ơn bạn!')).toBeVisible();
  await expect(page.getByText(/Đã thanh toán 205\.000\s?₫/)).toBeVisible();
  await expect(page.getByRole('link', { name: /Nộp phí/ })).toHaveCount(0);
  // Old addresses (Back, history) neither ask to pay again nor claim the payment failed.
  await page.goto(`/dossiers/${code}/pay`);
  await expect(page).toHaveURL(new RegExp(`/dossiers/${code.replaceAll('.', '\\.')}$`));
  await expect(page.getByText(/Đã thanh toán 205\.000\s?₫/)).toBeVisible();
  await page.goto(`/dossiers/${code}?payment=failed`);
  await expect(page.getByText(/Đã thanh toán 205\.000\s?₫/)).toBeVisible();
  await expect(page.getByText('Thanh toán không thành công. Bạn chưa bị trừ tiền; hãy thử lại.')).toHaveCount(0);
  const paid = (await request.get('/api/__mock/dossiers').then((r) => r.json())) as { dossiers: { payment: { status: string; amount: number } }[] };
  expect(paid.dossiers.map((d) => d.payment)).toEqual([expect.objectContaining({ status: 'paid', amount: 205_000 })]);

  // Anyone with the code and the phone's last 4 digits can look it up without signing in.
  const stranger = await browser.newContext();
  const visitor = await stranger.newPage();
  await visitor.goto('/track');
  await expect(visitor.getByRole('heading', { level: 1, name: 'Tra cứu hồ sơ' })).toBeVisible();
  await expectAccessible(visitor, 'track');
  await visitor.getByRole('textbox', { name: 'Mã hồ sơ' }).fill('H99-12');
  await visitor.getByRole('textbox', { name: '4 số cuối điện thoại' }).fill('43');
  await visitor.getByRole('button', { name: 'Tra cứu' }).click();
  await expect(visitor.getByText(/Mã hồ sơ chưa đúng dạng/).first()).toBeVisible();
  await expect(visitor.getByText('Nhập đúng 4 chữ số, ví dụ 5678').first()).toBeVisible();
  await visitor.getByRole('textbox', { name: 'Mã hồ sơ' }).fill(code.replace(/-\d{4}$/, '-9999'));
  await visitor.getByRole('textbox', { name: '4 số cuối điện thoại' }).fill('4321');
  await visitor.getByRole('button', { name: 'Tra cứu' }).click();
  await expect(visitor.getByText('Không tìm thấy hồ sơ với mã và số điện thoại này')).toBeVisible();
  await visitor.getByRole('textbox', { name: 'Mã hồ sơ' }).fill(` ${code.toLowerCase()} `);
  await visitor.getByRole('button', { name: 'Tra cứu' }).click();
  await expect(visitor.getByText('Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam')).toBeVisible();
  await expect(visitor.getByText('Lê Thị Lan')).toHaveCount(0);
  await expectAccessible(visitor, 'track result');
  await stranger.close();

  // The citizen changes her mind: withdrawing asks first, and the answer is final.
  await page.getByRole('button', { name: 'Rút hồ sơ' }).click();
  await expect(page.getByRole('heading', { name: 'Bạn chắc chắn muốn rút hồ sơ này?' })).toBeFocused();
  await page.getByRole('button', { name: 'Không rút' }).click();
  await expect(page.getByRole('button', { name: 'Rút hồ sơ' })).toBeFocused();
  await page.getByRole('button', { name: 'Rút hồ sơ' }).click();
  await page.getByRole('button', { name: 'Xác nhận rút hồ sơ' }).click();
  await expect(page.getByText(`Đã rút hồ sơ ${code}.`)).toBeVisible();
  await expect(page.getByText('Trạng thái: Đã rút')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Rút hồ sơ' })).toHaveCount(0);
  expect((await backendDossiers(request)).map((d) => d.status)).toEqual(['withdrawn']);
});
