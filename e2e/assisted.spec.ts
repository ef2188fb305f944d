import type { APIRequestContext, Page } from '@playwright/test';
import { apiUrl, expect, expectAccessible, signInAs, storedDraftValues, test, waitForServiceWorker } from './fixtures.ts';

/**
 * Assisted mode (docs/domain/assisted.md, issue "Assisted mode"): a volunteer of a community
 * digital-technology team helps two residents one after another where the signal comes and goes,
 * each with consent by an SMS code; their dossiers wait encrypted on the phone and are sent exactly
 * once, each the resident's own with the volunteer as actor; nothing else of theirs stays.
 */
const HAI = { name: 'Phạm Văn Hải', idNumber: '060048000123', phone: '0378123456' };
const DUC = { name: 'Võ Minh Đức', idNumber: '046203009876', phone: '0365432198' };
const VOLUNTEER = 'Trần Văn Hùng';
const MARITAL = '1.004873';
/** Anything that would tell who A or B is. */
const PERSONAL = [HAI.name, HAI.idNumber, HAI.phone, DUC.name, DUC.idNumber, DUC.phone, '27 Kim Long', '1948-02-02', '02/02/1948'];

const codeSentTo = async (request: APIRequestContext, phone: string) => {
  const { messages } = (await (await request.get(`${apiUrl}/__mock/sms?to=${phone}`)).json()) as { messages: { kind: string; text: string }[] };
  const text = messages.filter((m) => m.kind === 'consent-code').at(-1)?.text ?? '';
  return /Mã xác nhận: (\d{6})/.exec(text)?.[1] ?? '';
};

/** Everything the browser holds for this origin, as text: IndexedDB (every store), web storage, Cache Storage keys. */
const storageDump = (page: Page) =>
  page.evaluate(async () => {
    const out: Record<string, unknown> = { local: { ...localStorage }, session: { ...sessionStorage } };
    const cached: string[] = [];
    for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) cached.push(`${name} ${r.url}`);
    out.caches = cached;
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(name);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error ?? new Error('open failed'));
      });
      for (const store of db.objectStoreNames) {
        const all = db.transaction(store).objectStore(store).getAll();
        out[`${name}/${store}`] = await new Promise((resolve) => {
          all.onsuccess = () => resolve(all.result);
          all.onerror = () => resolve([]);
        });
      }
      db.close();
    }
    // Bytes are shown as their length: sealed data is not text to search.
    return JSON.stringify(out, (_k, v: unknown) => (v instanceof ArrayBuffer || ArrayBuffer.isView(v) ? `[${(v as ArrayBuffer).byteLength} bytes]` : v));
  });

const queued = (page: Page) =>
  page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('mcs-personal');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('open failed'));
    });
    const all = db.transaction('outbox').objectStore('outbox').getAll();
    const items = await new Promise<{ state: string; values: object; assisted?: { sealed?: unknown } }[]>((resolve) => {
      all.onsuccess = () => resolve(all.result as never);
    });
    db.close();
    return items.map((i) => ({ state: i.state, clearValues: Object.keys(i.values).length, sealed: Boolean(i.assisted?.sealed) }));
  });

/** `thorough`: the screens' accessibility and a wrong code first; off when helping the same way again. */
const helpResident = async (page: Page, request: APIRequestContext, resident: typeof HAI, thorough = true) => {
  await page.goto('/assist');
  await expect(page.getByRole('heading', { level: 1, name: 'Hỗ trợ người dân nộp hồ sơ' })).toBeVisible();
  await page.getByRole('textbox', { name: /Số định danh cá nhân của người dân/ }).fill(resident.idNumber);
  await page.getByRole('combobox', { name: 'Thủ tục sẽ nộp' }).selectOption(MARITAL);
  // The consent screen names the volunteer, what will be filed, which data, until when.
  await expect(page.getByText(`Tình nguyện viên ${VOLUNTEER}`)).toBeVisible();
  await expect(page.getByText(/Hồ sơ sẽ nộp: Cấp Giấy xác nhận tình trạng hôn nhân/)).toBeVisible();
  await expect(page.getByText(/Đồng ý có hiệu lực đến \d\d:\d\d/)).toBeVisible();
  if (thorough) await expectAccessible(page, 'help a resident: consent');
  await page.getByRole('button', { name: 'Gửi mã tới điện thoại của người dân' }).click();
  await expect(page.getByText(`Đã gửi mã tới số •••• ••• ${resident.phone.slice(-3)}`)).toBeVisible();
  const code = await codeSentTo(request, resident.phone);
  expect(code).toMatch(/^\d{6}$/);
  if (thorough) {
    await expectAccessible(page, 'help a resident: code');
    // A wrong code first: told how many tries are left, nothing lost.
    await page.getByRole('textbox', { name: /Mã xác nhận/ }).fill(code === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await expect(page.getByText('Mã không đúng. Còn 4 lần thử.')).toBeVisible();
  }
  await page.getByRole('textbox', { name: /Mã xác nhận/ }).fill(code);
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await expect(page).toHaveURL(/\/services\/1\.004873\/apply$/);
  await expect(page.getByText(new RegExp(`Đang hỗ trợ ${resident.name} — đồng ý đến \\d\\d:\\d\\d`))).toBeVisible();
  await expect(page.getByRole('button', { name: 'Kết thúc' })).toBeVisible();
};

/** The resident's form, pre-filled from the resident's data store, answered up to the check of the answers. */
const answerForm = async (page: Page, resident: typeof HAI, thorough = true) => {
  await expect(page.getByRole('heading', { level: 1, name: /Tờ khai cấp Giấy xác nhận tình trạng hôn nhân/ })).toBeVisible();
  await expect(page.getByRole('textbox', { name: /Số điện thoại/ })).toHaveValue(resident.phone);
  await expect(page.getByRole('combobox', { name: /Cơ quan tiếp nhận/ })).not.toHaveValue('');
  if (thorough) await expectAccessible(page, `form of ${resident.name}`);
  await page.getByRole('combobox', { name: 'Mục đích sử dụng Giấy xác nhận' }).selectOption({ label: 'Để vay vốn ngân hàng' });
  await page.getByRole('textbox', { name: /Số lượng Giấy xác nhận/ }).fill('1');
  await page.getByRole('checkbox', { name: /Tôi cam đoan/ }).check();
  await page.getByRole('button', { name: 'Tiếp tục: xem lại câu trả lời' }).click();
};

/** The resident's form answered, then submitted with no signal. */
const fileOffline = async (page: Page, resident: typeof HAI) => {
  await answerForm(page, resident);
  await page.getByRole('link', { name: /đính kèm giấy tờ và nộp hồ sơ/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Giấy tờ kèm theo' })).toBeVisible();
  await page.context().setOffline(true);
  await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
  await expect(page).toHaveURL(/\/outbox\//);
  await expect(page.getByRole('heading', { name: 'Đang chờ gửi' })).toBeVisible();
  await expectAccessible(page, `${resident.name}'s dossier waiting`);
};

const endHelp = async (page: Page) => {
  await page.getByRole('button', { name: 'Kết thúc' }).click();
  await expect(page).toHaveURL(/\/assist\?ended=1$/);
  await expect(page.getByText(/Đã kết thúc phiên hỗ trợ/)).toBeVisible();
};

const backendDossiers = async (request: APIRequestContext) =>
  ((await (await request.get(`${apiUrl}/__mock/dossiers`)).json()) as { dossiers: { code: string; applicantName: string; assistedBy?: { volunteer: { name: string } } }[] }).dossiers;

test('a volunteer helps two residents without signal; each dossier is sent once, as theirs, and nothing of them stays; A sees it on her phone and revokes a later help', async ({
  page,
  context,
  browser,
  request,
  backend,
}) => {
  test.setTimeout(300_000);
  await page.goto(`/services/${MARITAL}`);
  await waitForServiceWorker(page);

  // The volunteer signs in as himself and starts a draft of his own.
  await page.goto(`/services/${MARITAL}/apply`);
  await signInAs(page, VOLUNTEER);
  await expect(page).toHaveURL(/\/services\/1\.004873\/apply$/);
  await expect(page.getByRole('textbox', { name: /Số điện thoại/ })).toHaveValue('0905111222');
  await page.getByRole('combobox', { name: 'Mục đích sử dụng Giấy xác nhận' }).selectOption({ label: 'Để vay vốn ngân hàng' });
  await expect.poll(async () => (await storedDraftValues(page, MARITAL))?.purpose ?? '').not.toBe('');
  const ownPurpose = (await storedDraftValues(page, MARITAL))?.purpose;

  // Resident A: consent by the code sent to A's phone; A's form; no signal; submitted.
  await helpResident(page, request, HAI);
  await fileOffline(page, HAI);
  await endHelp(page);
  await expectAccessible(page, 'help ended, offline');

  // A moment of signal for B's code — but not enough to send anything (dossiers' requests drop).
  await backend.faults({ rules: [{ path: '/api/dossiers', status: 'network', times: 1000 }] });
  await context.setOffline(false);
  await helpResident(page, request, DUC);
  await fileOffline(page, DUC);
  await endHelp(page);
  await expect(page.getByRole('heading', { name: /2 hồ sơ của người dân đang chờ gửi/ })).toBeVisible();
  await expectAccessible(page, 'two residents waiting');

  // On the phone: nothing of A or B but two sealed queued dossiers.
  expect(await queued(page)).toEqual([
    { state: 'queued', clearValues: 0, sealed: true },
    { state: 'queued', clearValues: 0, sealed: true },
  ]);
  const atRest = await storageDump(page);
  for (const personal of PERSONAL) expect(atRest, `${personal} at rest`).not.toContain(personal);
  expect(atRest).not.toMatch(/access_token|eyJ/);
  expect(await backendDossiers(request)).toEqual([]);

  // The signal returns for good: both sent, once each, as the residents', with the volunteer as actor.
  await backend.faults({ rules: [] });
  await context.setOffline(false);
  await page.evaluate(() => window.dispatchEvent(new Event('mcs:drain-outbox')));
  await expect.poll(async () => (await backendDossiers(request)).length, { timeout: 30_000 }).toBe(2);
  const dossiers = await backendDossiers(request);
  expect(dossiers.map((d) => d.applicantName).sort()).toEqual([HAI.name, DUC.name].sort());
  expect(dossiers.every((d) => d.assistedBy?.volunteer.name === VOLUNTEER)).toBe(true);
  const assisted = (await (await request.get(`${apiUrl}/__mock/assisted`)).json()) as { audit: { action: string; residentId: string; volunteerId: string; dossierCode: string | null }[] };
  const filed = assisted.audit.filter((a) => a.action === 'submit-dossier');
  expect(filed.map((a) => a.residentId).sort()).toEqual(['vneid-046203009876', 'vneid-060048000123']);
  expect(filed.every((a) => a.volunteerId === 'vneid-046088005555')).toBe(true);
  // Their helps were ended while the dossiers waited: with nothing of theirs waiting now, the consents end too.
  await expect
    .poll(async () => ((await (await request.get(`${apiUrl}/__mock/assisted`)).json()) as { consents: { status: string }[] }).consents.map((c) => c.status))
    .toEqual(['ended', 'ended']);
  // The receipt went to each resident's phone, with the code and the tracking link.
  for (const resident of [HAI, DUC]) {
    const { messages } = (await (await request.get(`${apiUrl}/__mock/sms?to=${resident.phone}`)).json()) as { messages: { kind: string; text: string }[] };
    const receipt = messages.find((m) => m.kind === 'receipt')?.text ?? '';
    expect(receipt).toMatch(/\/track\?code=/);
  }

  // A third resident consents by signing in with her own VNeID on this phone (declining first):
  // the help starts as with a code, and ending it leaves the volunteer signed in as himself.
  await page.goto('/assist');
  await page.getByRole('radio', { name: 'Người dân đăng nhập bằng VNeID trên điện thoại này' }).check();
  await page.getByRole('combobox', { name: 'Thủ tục sẽ nộp' }).selectOption(MARITAL);
  await expect(page.getByText(/Hồ sơ sẽ nộp: Cấp Giấy xác nhận tình trạng hôn nhân/)).toBeVisible();
  await expectAccessible(page, 'help a resident: consent by signing in');
  await page.getByRole('button', { name: 'Người dân đăng nhập bằng VNeID' }).click();
  await expect(page).toHaveURL(/\/idp\/authorize\?.*prompt=login/);
  await page.getByRole('button', { name: 'Từ chối' }).click();
  await expect(page.getByRole('alert')).toContainText('Người dân đã từ chối hoặc huỷ đăng nhập trên VNeID');
  await expectAccessible(page, 'resident declined at VNeID');
  await page.getByRole('button', { name: 'Người dân đăng nhập lại' }).click();
  await page.getByRole('radio', { name: /Lê Thị Lan/ }).check();
  await page.getByRole('button', { name: 'Đồng ý và đăng nhập' }).click();
  await expect(page).toHaveURL(/\/services\/1\.004873\/apply$/);
  await expect(page.getByText(/Đang hỗ trợ Lê Thị Lan — đồng ý đến \d\d:\d\d/)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: /Tờ khai cấp Giấy xác nhận tình trạng hôn nhân/ })).toBeVisible();
  await endHelp(page);

  // The queue is empty and nothing of A or B remains; the volunteer's own draft is still there.
  await expect.poll(async () => (await queued(page)).length, { timeout: 15_000 }).toBe(0);
  await expect(page.getByRole('heading', { name: /đang chờ gửi/ })).toHaveCount(0);
  const after = await storageDump(page);
  for (const personal of PERSONAL) expect(after, `${personal} after sending`).not.toContain(personal);
  expect(await storedDraftValues(page, MARITAL)).toMatchObject({ fullName: VOLUNTEER, purpose: ownPurpose });
  await page.goto(`/services/${MARITAL}/apply`);
  await expect(page.getByRole('textbox', { name: /Số điện thoại/ })).toHaveValue('0905111222');
  await expect(page.getByRole('combobox', { name: 'Mục đích sử dụng Giấy xác nhận' })).not.toHaveValue('');
  await expectAccessible(page, "the volunteer's own draft");

  // A, on her own phone: her dossier says who helped; her help page, what was done, by whom, when;
  // the consent of that help ended with it, so there is nothing to revoke.
  const haiCode = (await backendDossiers(request)).find((d) => d.applicantName === HAI.name)?.code ?? '';
  const hers = await browser.newContext();
  const her = await hers.newPage();
  await her.goto('/dossiers');
  await signInAs(her, HAI.name);
  const card = her.getByRole('listitem').filter({ has: her.getByRole('link', { name: 'Cấp Giấy xác nhận tình trạng hôn nhân' }) });
  await expect(card).toHaveCount(1);
  await expect(card.getByText(`Nộp với sự hỗ trợ của ${VOLUNTEER}`)).toBeVisible();
  await expectAccessible(her, "A's dossiers");
  await her.goto('/me/help');
  await expect(her.getByRole('heading', { level: 1, name: 'Hỗ trợ nộp hồ sơ thay bạn' })).toBeVisible();
  const trail = her.getByRole('region', { name: 'Việc đã làm thay bạn' });
  const filedEntry = trail.getByRole('listitem').filter({ hasText: 'Nộp hồ sơ thay bạn' });
  await expect(filedEntry.getByText(/^\d\d:\d\d \d\d\/\d\d\/\d{4} — Trần Văn Hùng \(Tổ công nghệ số cộng đồng phường Kim Long\)$/)).toBeVisible();
  await expect(filedEntry).toContainText('Nộp hồ sơ thay bạn — Cấp Giấy xác nhận tình trạng hôn nhân');
  await expect(filedEntry.getByRole('link', { name: `Hồ sơ ${haiCode}` })).toBeVisible();
  await expect(trail.getByText('Tình nguyện viên kết thúc phiên hỗ trợ')).toBeVisible();
  const given = her.getByRole('region', { name: 'Sự đồng ý bạn đã cho' });
  await expect(given.getByRole('listitem')).toHaveCount(1);
  await expect(given.getByText('Đã kết thúc', { exact: true })).toBeVisible();
  await expect(given.getByText(/^Kết thúc lúc /)).toBeVisible();
  await expect(given.getByRole('button', { name: /Thu hồi sự đồng ý/ })).toHaveCount(0);
  await expectAccessible(her, "A's help page");

  // Hùng helps her again; she revokes it from her phone; his next request says so, and he ends.
  await helpResident(page, request, HAI, false);
  await answerForm(page, HAI, false);
  await her.reload();
  await expect(given.getByRole('listitem')).toHaveCount(2);
  her.once('dialog', (dialog) => void dialog.accept());
  await given.getByRole('button', { name: /Thu hồi sự đồng ý/ }).click();
  await expect(given.getByText(`Đã thu hồi sự đồng ý cho ${VOLUNTEER}. Từ bây giờ, tình nguyện viên không làm gì thay bạn được nữa.`)).toBeVisible();
  await expect(given.getByText('Bạn đã thu hồi', { exact: true })).toBeVisible();
  await hers.close();
  await expect(page.getByRole('heading', { level: 1, name: 'Xem lại câu trả lời' })).toBeVisible();
  await page.getByRole('button', { name: 'Kiểm tra với hệ thống' }).click();
  await expect(page.getByRole('heading', { name: 'Người dân đã thu hồi sự đồng ý' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Đang hỗ trợ người dân' }).getByRole('alert')).toHaveText(
    `${HAI.name} đã thu hồi sự đồng ý. Bạn không làm gì thay họ được nữa: hãy kết thúc phiên hỗ trợ.`,
  );
  await expect(page.getByRole('button', { name: 'Thử lại' })).toHaveCount(0);
  await expectAccessible(page, 'consent revoked while helping');
  await endHelp(page);
});

test('a citizen who is no volunteer cannot open assisted mode', async ({ page, backend: _ }) => {
  await page.goto('/assist');
  await signInAs(page, 'Nguyễn Văn An');
  await expect(page).toHaveURL(/\/assist$/);
  await expect(page.getByRole('alert')).toContainText('Chỉ thành viên Tổ công nghệ số cộng đồng');
  await expect(page.getByRole('button', { name: 'Gửi mã tới điện thoại của người dân' })).toHaveCount(0);
  await expectAccessible(page, 'assisted mode refused');
});
