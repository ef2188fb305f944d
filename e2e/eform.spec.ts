import type { Page } from '@playwright/test';
import { test, expect, expectAccessible, expectDraftSaved, signInAs, waitForServiceWorker } from './fixtures.ts';

/** Everything the browser keeps for this origin, to prove sign-out leaves nothing personal. */
const deviceContents = (page: Page) =>
  page.evaluate(async () => {
    const cached: { url: string; body: string }[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        cached.push({ url: request.url, body: response && /json|text|html/.test(response.headers.get('content-type') ?? '') ? await response.text() : '' });
      }
    }
    return {
      databases: (await indexedDB.databases()).map((d) => d.name),
      session: Object.keys(sessionStorage),
      local: Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])),
      cached,
    };
  });

test('a birth registration fills itself from the data store, survives reload and going offline, and sign-out leaves nothing', async ({ page, context, backend: _ }) => {
  // This phone keeps a copy of the form from before the office added a rule (a child is born
  // after the parent applying): the system, which has the current form, still holds to it.
  await context.route('**/api/forms/1.001193', async (route) => {
    const response = await route.fetch();
    const definition = (await response.json()) as { sections: { fields: Record<string, unknown>[] }[] };
    for (const section of definition.sections) for (const field of section.fields) delete field.notBefore;
    await route.fulfill({ response, json: definition });
  });
  await page.goto('/services/1.001193');
  await waitForServiceWorker(page);
  await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).click();
  await signInAs(page, 'Nguyễn Văn An', true);

  await expect(page).toHaveURL(/\/services\/1\.001193\/apply$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Tờ khai đăng ký khai sinh' })).toBeVisible();
  await expect(page.getByRole('link', { name: /Nguyễn Văn An|Tài khoản/ }).first()).toBeVisible();

  // At least half the fields are filled for the citizen, and each one says where it came from.
  const count = page.getByText(/Đã điền sẵn \d+ trên \d+ mục/);
  await expect(count).toBeVisible();
  const [, filled = '0', total = '0'] = /(\d+) trên (\d+)/.exec((await count.textContent()) ?? '') ?? [];
  expect(Number(filled) * 2).toBeGreaterThanOrEqual(Number(total));
  const today = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date());
  // Said once per source for the section; each field carries only a small mark.
  const requester = page.getByRole('region', { name: 'Người yêu cầu: cha hoặc mẹ của trẻ' });
  await expect(requester.getByText(`Điền sẵn từ Cơ sở dữ liệu quốc gia về dân cư ngày ${today}.`)).toHaveCount(1);
  await expect(requester.locator('.provenance--section .provenance__text')).toHaveCount(2);
  await expect(page.locator('.provenance-mark')).toHaveCount(Number(filled));
  await expect(page.getByText(/Đây là thông tin chính thức nên không sửa ở đây/)).toHaveCount(0);

  // Authoritative values are locked and say why; the citizen can report them wrong instead.
  await expect(requester.getByText('Nguyễn Văn An', { exact: true })).toBeVisible();
  await expect(requester.getByText('046095001234')).toBeVisible();
  await expect(requester.getByRole('textbox', { name: /Họ, chữ đệm và tên/ })).toHaveCount(0);
  const mark = requester.getByRole('button', { name: 'CSDL dân cư, chính thức' }).first();
  await mark.click();
  await expect(mark).toHaveAttribute('aria-expanded', 'true');
  await expect(requester.getByText(`Lấy từ Cơ sở dữ liệu quốc gia về dân cư ngày ${today}. Đây là thông tin chính thức nên không sửa ở đây.`)).toBeVisible();

  // "Is this wrong?": the request goes to the agency and shows pending on the field itself.
  const fullName = requester.locator('#f-requesterFullName-group');
  await fullName.getByRole('button', { name: 'Thông tin này sai?' }).click();
  const dialog = page.getByRole('dialog', { name: /Báo thông tin sai/ });
  await dialog.getByRole('textbox', { name: 'Giá trị đúng' }).fill('Nguyễn Văn Ân');
  await dialog.getByRole('button', { name: 'Gửi yêu cầu điều chỉnh' }).click();
  await expect(dialog.getByText(/Đã gửi yêu cầu điều chỉnh, mã YC-/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Đóng' }).click();
  await expect(fullName.getByText('Đang chờ điều chỉnh:')).toBeVisible();
  await expect(fullName).toContainText(`ngày ${today} bạn đã đề nghị sửa thành “Nguyễn Văn Ân”`);
  await expect(fullName.getByText('Nguyễn Văn An', { exact: true })).toBeVisible();
  await expect(requester.getByRole('button', { name: /Thông tin này sai\?/ }).first()).toBeVisible();
  await expect(requester.getByRole('textbox', { name: /Số điện thoại/ })).toHaveValue('0912345678');
  await expectAccessible(page, 'e-form');

  // Every tick box and radio is one size, at least 24 px (WCAG 2.5.8), on a row at least 44 px high.
  const targets = await page.locator('main input[type=checkbox], main input[type=radio]').evaluateAll((inputs) =>
    inputs.map((input) => {
      const box = input.getBoundingClientRect();
      return { size: `${Math.round(box.width)}x${Math.round(box.height)}`, width: box.width, row: (input.closest('label') ?? input).getBoundingClientRect().height };
    }),
  );
  expect(targets.length).toBeGreaterThan(5);
  expect(new Set(targets.map((t) => t.size))).toEqual(new Set([targets[0]?.size]));
  expect(targets[0]?.width).toBeGreaterThanOrEqual(24);
  for (const t of targets) expect(t.row).toBeGreaterThanOrEqual(44);

  // Fill the rest, half of it, then reload: nothing is lost.
  // The receiving office is a choice from the list, the one for An's ward chosen already.
  await expect(requester.getByRole('combobox', { name: /Cơ quan tiếp nhận/ })).toHaveValue('commune-pc-19789');
  // Filled from what the state knows: a man is the father; the other parent's ethnic group from the household.
  await expect(requester.getByRole('radio', { name: 'Cha', exact: true })).toBeChecked();
  await expect(page.getByRole('region', { name: 'Người cha hoặc mẹ còn lại của trẻ' }).getByRole('combobox', { name: /Dân tộc/ })).toHaveValue('Kinh');
  const child = page.getByRole('region', { name: 'Người được khai sinh' });
  await child.getByRole('textbox', { name: /Họ, chữ đệm và tên/ }).fill('Nguyễn Minh Châu');
  // More than 60 days after the birth: a late registration, said beside the date, never refused.
  const born = child.getByRole('textbox', { name: /Ngày, tháng, năm sinh/ });
  await born.fill(new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(Date.now() - 75 * 86_400_000));
  await expect(born).toHaveAccessibleDescription(/Đăng ký quá hạn\. Đã 75 ngày kể từ ngày này/);
  await born.fill('18/11/2026');
  await child.getByRole('radio', { name: 'Nữ', exact: true }).check();
  await expect(page.getByText(/Đã lưu trên thiết bị này lúc \d\d:\d\d/)).toBeVisible();
  await expectDraftSaved(page, '1.001193', { childFullName: 'Nguyễn Minh Châu', childSex: 'female', requesterRelationship: 'father' });
  await page.reload();
  await expect(child.getByRole('textbox', { name: /Họ, chữ đệm và tên/ })).toHaveValue('Nguyễn Minh Châu');
  await expect(child.getByRole('textbox', { name: /Ngày, tháng, năm sinh/ })).toHaveValue('18/11/2026');
  await expect(child.getByRole('radio', { name: 'Nữ', exact: true })).toBeChecked();
  await expect(requester.getByRole('radio', { name: 'Cha', exact: true })).toBeChecked();
  // The backend keeps the correction request: still pending after the reload.
  await expect(fullName).toContainText('Đang chờ điều chỉnh: ngày');

  // Offline: keep editing; the draft is saved on the device and survives a reload.
  await context.setOffline(true);
  await child.getByRole('radio', { name: /Tại cơ sở y tế/ }).check();
  await child.getByRole('textbox', { name: 'Tên cơ sở y tế' }).fill('Bệnh viện Trung ương Huế');
  const birthPlace = child.getByRole('group', { name: 'Nơi sinh' });
  await birthPlace.getByRole('combobox', { name: 'Tỉnh, thành phố' }).selectOption({ label: 'Thành phố Huế' });
  await birthPlace.getByRole('combobox', { name: /Xã, phường/ }).selectOption({ label: 'Phường Thuận Hoá' });
  await birthPlace.getByRole('textbox', { name: /Số nhà/ }).fill('16 Lê Lợi');
  await expectDraftSaved(page, '1.001193', { childBirthFacility: 'Bệnh viện Trung ương Huế', childBirthPlace: { communeName: 'Phường Thuận Hoá', line: '16 Lê Lợi' } });
  await page.reload();
  await expect(page.getByText(/Bạn đang ngoại tuyến/).first()).toBeVisible();
  await expect(child.getByRole('textbox', { name: 'Tên cơ sở y tế' })).toHaveValue('Bệnh viện Trung ương Huế');
  await expect(birthPlace.getByRole('textbox', { name: /Số nhà/ })).toHaveValue('16 Lê Lợi');
  await expectAccessible(page, 'e-form offline');
  await context.setOffline(false);

  // Online again: the birth notice comes from the data store; declare and check the answers.
  await child.getByRole('radio', { name: /Giấy chứng sinh/ }).check();
  await page.getByRole('checkbox', { name: /Tôi cam đoan/ }).check();
  await page.getByRole('button', { name: 'Tiếp tục: xem lại câu trả lời' }).click();
  await expect(page).toHaveURL(/\/services\/1\.001193\/apply\/check$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Xem lại câu trả lời' })).toBeVisible();
  const answers = page.getByRole('region', { name: 'Người được khai sinh' });
  await expect(answers.getByText('Nguyễn Minh Châu')).toBeVisible();
  await expect(answers.getByText('18/11/2026')).toBeVisible();
  await expect(answers.getByText('Bệnh viện Trung ương Huế')).toBeVisible();
  await expect(answers.getByText(/16 Lê Lợi, Phường Thuận Hoá, Thành phố Huế/)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Người yêu cầu: cha hoặc mẹ của trẻ' }).getByText('046095001234')).toBeVisible();
  // Papers and ticked boxes read back in words: never an internal id, never "not answered".
  await expect(page.getByText(/doc-an-/)).toHaveCount(0);
  await expect(page.getByRole('definition').filter({ hasText: /^Giấy chứng sinh$/ }).first()).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: /^Có$/ }).first()).toBeVisible();
  // Offline, checking says it needs a connection; the answers stay on the page.
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Kiểm tra với hệ thống' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Kiểm tra với hệ thống cần kết nối mạng.' })).toBeVisible();
  await expect(answers.getByText('Nguyễn Minh Châu')).toBeVisible();
  await context.setOffline(false);
  await page.getByRole('button', { name: 'Kiểm tra với hệ thống' }).click();
  await expect(page.getByText(/Hệ thống đã kiểm tra câu trả lời ngày .*: hợp lệ/)).toBeVisible();
  await expectAccessible(page, 'check your answers');

  // A slip of the year that this phone's copy of the form lets through (it was kept from before
  // the office added "a child is born after the parent"): the system refuses it, beside the
  // answer and back in the form, and nothing typed is lost.
  await answers.getByRole('link', { name: /Sửa Ngày, tháng, năm sinh/ }).click();
  const childDate = page.getByRole('region', { name: 'Người được khai sinh' }).getByRole('textbox', { name: /Ngày, tháng, năm sinh/ });
  await childDate.fill('18/11/1926');
  await page.getByRole('button', { name: 'Tiếp tục: xem lại câu trả lời' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Xem lại câu trả lời' })).toBeVisible();
  await page.getByRole('button', { name: 'Kiểm tra với hệ thống' }).click();
  const refused = page.getByRole('alert').filter({ hasText: 'Hệ thống chưa chấp nhận một số câu trả lời' });
  await expect(refused).toBeFocused();
  await expect(answers.getByText(/Ngày này sớm hơn ngày mà nó phải đứng sau/)).toBeVisible();
  await expect(page.getByRole('link', { name: /đính kèm giấy tờ và nộp hồ sơ/ })).toHaveCount(0);
  await expectAccessible(page, 'check your answers, refused');
  await refused.getByRole('link', { name: /Ngày, tháng, năm sinh: Ngày này sớm hơn/ }).click();
  await expect(page).toHaveURL(/\/services\/1\.001193\/apply#f-childDateOfBirth$/);
  await expect(page.getByText(/Cơ quan chưa chấp nhận một số câu trả lời/)).toBeVisible();
  await expect(childDate).toHaveAccessibleDescription(/Ngày này sớm hơn ngày mà nó phải đứng sau/);
  await expect(childDate).toHaveValue('18/11/1926');
  await expect(page.getByRole('region', { name: 'Người được khai sinh' }).getByRole('textbox', { name: 'Tên cơ sở y tế' })).toHaveValue('Bệnh viện Trung ương Huế');
  await expectAccessible(page, 'e-form with the system’s refusals');
  await childDate.fill('18/11/2026');
  await page.getByRole('button', { name: 'Tiếp tục: xem lại câu trả lời' }).click();
  await page.getByRole('button', { name: 'Kiểm tra với hệ thống' }).click();
  await expect(page.getByText(/Hệ thống đã kiểm tra câu trả lời ngày .*: hợp lệ/)).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Hệ thống chưa chấp nhận' })).toHaveCount(0);

  // The data store page, then sign out: nothing personal is left on the device.
  await page.getByRole('link', { name: /Tài khoản/ }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tài khoản và kho dữ liệu' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Xem Giấy chứng nhận kết hôn' })).toBeVisible();
  const corrections = page.getByRole('region', { name: 'Đề nghị điều chỉnh thông tin đang chờ' });
  await expect(corrections).toContainText('Họ, chữ đệm và tên: đề nghị sửa “Nguyễn Văn An” thành “Nguyễn Văn Ân”');
  await expect(corrections).toContainText(`Gửi ngày ${today}`);
  await expect(page.getByRole('definition').filter({ hasText: 'Nguyễn Văn An' })).toContainText('Đang chờ xử lý');
  await expect(page.getByText(/Tờ khai đăng ký khai sinh|Đăng ký khai sinh/).first()).toBeVisible();
  await expectAccessible(page, 'data store');
  // The sign-out button is at the bottom of a long page: clicking it scrolls down there.
  await page.getByRole('button', { name: 'Đăng xuất và xoá dữ liệu trên máy' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('link', { name: 'Đăng nhập' })).toBeVisible();
  // Said, and the home page opens at its top (not where /me was scrolled to).
  const signedOut = page.getByRole('status').filter({ hasText: 'Bạn đã đăng xuất' });
  await expect(signedOut).toContainText('Không còn dữ liệu nào của bạn trên điện thoại này');
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
  await expectAccessible(page, 'signed out');
  await signedOut.getByRole('button', { name: 'Đã hiểu' }).click();
  await expect(signedOut).toHaveCount(0);

  const device = await deviceContents(page);
  expect(device.databases).not.toContain('mcs-personal');
  // Only the router's scroll positions (numbers keyed by random ids) may come back after the wipe.
  expect(device.session.filter((k) => k !== 'react-router-scroll-positions')).toEqual([]);
  expect(Object.keys(device.local).every((k) => k === 'mcs.language' || k === 'mcs.textSize')).toBe(true);
  expect(device.cached.filter((c) => /\/api\/me|\/idp\/|\/check/.test(c.url)).map((c) => c.url)).toEqual([]);
  for (const secret of ['046095001234', 'Nguyễn Văn An', 'Nguyễn Minh Châu', '0912345678']) {
    expect(device.cached.filter((c) => c.body.includes(secret)).map((c) => c.url), secret).toEqual([]);
    expect(JSON.stringify(device.local)).not.toContain(secret);
  }

  // Someone else signs in on the same browser: none of the first citizen's data is there.
  await page.goto('/me');
  await signInAs(page, 'Lê Thị Lan');
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByText('Xin chào Lê Thị Lan.')).toBeVisible();
  await expect(page.getByText('Nguyễn Văn An')).toHaveCount(0);
  await expect(page.getByText('Nguyễn Minh Châu')).toHaveCount(0);
  await page.goto('/services/1.001193/apply');
  const lan = page.getByRole('region', { name: 'Người yêu cầu: cha hoặc mẹ của trẻ' });
  await expect(lan.getByText('Lê Thị Lan', { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Người được khai sinh' }).getByRole('textbox', { name: /Họ, chữ đệm và tên/ })).toHaveValue('');
  await expect(page.getByText('Nguyễn Văn An')).toHaveCount(0);
});

test('an expired session mid-form signs in again and returns to the same place with nothing lost', async ({ page, request, backend: _ }) => {
  await page.goto('/services/1.004873/apply');
  await signInAs(page, 'Võ Minh Đức');
  await expect(page).toHaveURL(/\/services\/1\.004873\/apply$/);
  await expect(page.getByRole('combobox', { name: /Cơ quan tiếp nhận/ })).toHaveValue('commune-pc-19774');
  await page.getByRole('combobox', { name: /Cơ quan tiếp nhận/ }).selectOption({ label: 'UBND Phường Hương An' });
  await page.getByRole('combobox', { name: 'Mục đích sử dụng Giấy xác nhận' }).selectOption({ label: 'Để vay vốn ngân hàng' });
  await page.getByRole('textbox', { name: /Số lượng Giấy xác nhận/ }).fill('2');
  await page.getByRole('checkbox', { name: /Tôi cam đoan/ }).check();
  await page.getByRole('button', { name: 'Tiếp tục: xem lại câu trả lời' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Xem lại câu trả lời' })).toBeVisible();

  // The provider ends every session while the app still believes it is signed in.
  expect((await request.post('/api/__mock/expire-sessions')).ok()).toBe(true);
  await page.getByRole('button', { name: 'Kiểm tra với hệ thống' }).click();
  await expect(page.getByRole('heading', { name: 'Phiên đăng nhập đã hết hạn' })).toBeVisible();
  await expectAccessible(page, 'session expired');
  await page.getByRole('button', { name: 'Đăng nhập lại' }).click();
  await page.getByRole('radio', { name: /Võ Minh Đức/ }).check();
  await page.getByRole('button', { name: 'Đồng ý và đăng nhập' }).click();

  // Back on the same page, with every answer still there, and the check now goes through.
  await expect(page).toHaveURL(/\/services\/1\.004873\/apply\/check$/);
  await expect(page.getByText('UBND Phường Hương An')).toBeVisible();
  await expect(page.getByText('Để vay vốn ngân hàng')).toBeVisible();
  await page.getByRole('button', { name: 'Kiểm tra với hệ thống' }).click();
  await expect(page.getByText(/Hệ thống đã kiểm tra câu trả lời ngày .*: hợp lệ/)).toBeVisible();
});

test('the identity provider can be declined, and bad input in the form gets a focused summary', async ({ page, backend: _ }) => {
  await page.goto('/services/1.004873/apply');
  await expect(page).toHaveURL(/\/signin/);
  await page.getByRole('button', { name: 'Đăng nhập bằng VNeID' }).click();
  await page.getByRole('button', { name: 'Từ chối' }).click();
  await expect(page.getByRole('heading', { name: 'Chưa đăng nhập được' })).toBeVisible();
  await expectAccessible(page, 'sign-in declined');
  await page.getByRole('link', { name: 'Đăng nhập lại' }).click();
  await page.goto('/services/1.004873/apply');
  await signInAs(page, 'Lê Thị Lan');

  // Script in a text field is kept as text, never run or rendered as HTML.
  await page.getByRole('combobox', { name: 'Mục đích sử dụng Giấy xác nhận' }).selectOption({ value: 'other' });
  await page.getByRole('textbox', { name: /Ghi rõ mục đích/ }).fill('<img src=x onerror="window.__pwned=1">');
  await page.getByRole('textbox', { name: /Số điện thoại/ }).fill('09abc12345');
  await page.getByRole('textbox', { name: /Thư điện tử/ }).fill('lan@');
  await page.getByRole('button', { name: 'Tiếp tục: xem lại câu trả lời' }).click();
  const summary = page.getByRole('alert').filter({ hasText: /mục cần sửa/ });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: /Số điện thoại không được có chữ cái/ })).toBeVisible();
  await expect(summary.getByRole('link', { name: /Địa chỉ email chưa đúng/ })).toBeVisible();
  await summary.getByRole('link', { name: /Số điện thoại không được có chữ cái/ }).click();
  await expect(page.getByRole('textbox', { name: /Số điện thoại/ })).toBeFocused();
  await expectAccessible(page, 'e-form with errors');
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('the documents step keeps "take a photo" and "choose a file" apart', async ({ page, backend: _ }) => {
  await page.goto('/services/1.004873/apply');
  await signInAs(page, 'Võ Minh Đức');
  // The office serving his commune is chosen already.
  await expect(page.getByRole('combobox', { name: /Cơ quan tiếp nhận/ })).not.toHaveValue('');
  await page.getByRole('combobox', { name: 'Mục đích sử dụng Giấy xác nhận' }).selectOption({ label: 'Để vay vốn ngân hàng' });
  await page.getByRole('checkbox', { name: /Tôi cam đoan/ }).check();
  await page.getByRole('button', { name: 'Tiếp tục: xem lại câu trả lời' }).click();
  await page.getByRole('link', { name: /đính kèm giấy tờ và nộp hồ sơ/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Giấy tờ kèm theo' })).toBeVisible();
  const photo = (await page.locator('label', { hasText: 'Chụp ảnh giấy tờ' }).first().boundingBox())!;
  const file = (await page.locator('label', { hasText: 'Chọn tệp' }).first().boundingBox())!;
  const apart = Math.max(file.x - (photo.x + photo.width), file.y - (photo.y + photo.height));
  expect(apart, 'gap between the two buttons (px)').toBeGreaterThanOrEqual(8);
});
