import { readFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { ACCESS_TOKEN_TYPE, CONSENT_TOKEN_TYPE, TOKEN_EXCHANGE_GRANT } from '../src/api/assisted/schema.ts';
import { validAnswers } from '../mocks/answers.ts';
import { test, expect, expectAccessible, signInAs, tokenFor, waitForServiceWorker } from './fixtures.ts';

/** Nguyễn Văn An (ID 046095001234, phone 0912345678) and the volunteer Trần Văn Hùng. */
const AN = 'vneid-046095001234';
const HUNG = 'vneid-046088005555';
const MARITAL = '1.004873';

interface AssistedState {
  consents: { id: string; status: string; residentId: string }[];
  helpRatings: { consentId: string; channel: string; overall: string }[];
}

test('the resident sees the dossier filed with a volunteer’s help and the audit trail (offline too), revokes the consent and rates the help; the volunteer’s page shows the month without personal data and downloads the CSV', async ({
  page,
  context,
  browser,
  request,
  backend,
  baseURL,
}) => {
  void backend;
  test.slow();
  // Hùng helps An, as his app does (docs/domain/assisted.md): a code to An's phone on record,
  // confirmed, exchanged for a delegated token (RFC 8693) that files An's dossier.
  const volunteer = await tokenFor(baseURL ?? '', HUNG);
  const asVolunteer = { Authorization: `Bearer ${volunteer}` };
  const started = await request.post('/api/assisted/consents', {
    headers: asVolunteer,
    data: { residentIdNumber: '046095001234', scope: { procedures: [MARITAL], data: ['identity', 'residence', 'contact'] }, minutes: 60 },
  });
  expect(started.status()).toBe(201);
  const consentId = ((await started.json()) as { id: string }).id;
  const sms = (await (await request.get('/api/__mock/sms?to=0912345678')).json()) as { messages: { text: string }[] };
  const code = /Mã xác nhận: (\d{6})/.exec(sms.messages.at(-1)?.text ?? '')?.[1] ?? '';
  const confirmed = await request.post(`/api/assisted/consents/${consentId}/confirm`, { headers: asVolunteer, data: { code } });
  expect(confirmed.status()).toBe(200);
  const { consentToken } = (await confirmed.json()) as { consentToken: string };
  const exchanged = await request.post('/idp/token', {
    form: { grant_type: TOKEN_EXCHANGE_GRANT, client_id: 'mot-cua-so', subject_token: consentToken, subject_token_type: CONSENT_TOKEN_TYPE, actor_token: volunteer, actor_token_type: ACCESS_TOKEN_TYPE },
  });
  expect(exchanged.status()).toBe(200);
  const delegated = ((await exchanged.json()) as { access_token: string }).access_token;
  const filed = await request.post('/api/dossiers', {
    headers: { Authorization: `Bearer ${delegated}`, 'Idempotency-Key': randomUUID() },
    data: { procedureId: MARITAL, values: validAnswers(MARITAL, AN), documents: [] },
  });
  expect(filed.status()).toBe(201);
  const dossierCode = ((await filed.json()) as { code: string }).code;
  const held = async () => (await (await request.get('/api/__mock/assisted')).json()) as AssistedState;

  // An, on his own phone.
  await page.goto('/');
  await waitForServiceWorker(page);
  await page.goto('/dossiers');
  await signInAs(page, 'Nguyễn Văn An');
  const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Cấp Giấy xác nhận tình trạng hôn nhân' }) });
  await expect(card.getByText('Nộp với sự hỗ trợ của Trần Văn Hùng')).toBeVisible();
  await expectAccessible(page, 'dossier list with a dossier filed with help');
  await card.getByRole('link', { name: 'Cấp Giấy xác nhận tình trạng hôn nhân' }).click();
  await expect(page.getByText(dossierCode, { exact: true }).first()).toBeVisible();
  await expect(page.getByText('Nộp với sự hỗ trợ của Trần Văn Hùng')).toBeVisible();
  await expectAccessible(page, 'dossier filed with help');

  await page.getByRole('link', { name: 'Xem ai đã làm gì thay bạn' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hỗ trợ nộp hồ sơ thay bạn' })).toBeVisible();
  const audit = page.getByRole('region', { name: 'Việc đã làm thay bạn' });
  const entry = audit.getByRole('listitem').filter({ hasText: 'Nộp hồ sơ thay bạn' });
  await expect(entry.getByRole('link', { name: `Hồ sơ ${dossierCode}` })).toBeVisible();
  await expect(entry.getByText(/Trần Văn Hùng \(Tổ công nghệ số cộng đồng phường Kim Long\)/)).toBeVisible();
  await expectAccessible(page, 'help page');

  // No signal: the trail is still there, from the phone, with its time; nothing to revoke offline.
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByText(/Bạn đang ngoại tuyến\. Đây là bản lưu trên máy lúc/)).toBeVisible();
  await expect(audit.getByText('Nộp hồ sơ thay bạn')).toBeVisible();
  await expect(page.getByRole('button', { name: /Thu hồi sự đồng ý/ })).toHaveCount(0);
  await expectAccessible(page, 'help page offline');
  // Back online, the page renews the kept session at once; reloading before the new refresh token
  // is stored would present the spent one, and the provider ends the session (as RFC 9700
  // §4.14.2 says it must). Waiting for the token endpoint's answer was not enough (the reload
  // came between the answer and the encrypted write: seen in CI). So the reload waits for the
  // outbox's wake-up, which src/auth/keep.ts sends once the renewed session is stored.
  const renewed = page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        window.addEventListener('mcs:drain-outbox', () => resolve(), { once: true });
        setTimeout(resolve, 15_000);
      }),
  );
  await context.setOffline(false);
  await renewed;
  await page.reload();

  // Revoke the running consent, after saying yes.
  const consents = page.getByRole('region', { name: 'Sự đồng ý bạn đã cho' });
  page.once('dialog', (dialog) => void dialog.accept());
  await consents.getByRole('button', { name: /Thu hồi sự đồng ý/ }).click();
  await expect(consents.getByText(/Đã thu hồi sự đồng ý cho Trần Văn Hùng/)).toBeVisible();
  await expect(consents.getByText('Bạn đã thu hồi')).toBeVisible();
  expect((await held()).consents.find((c) => c.id === consentId)?.status).toBe('revoked');
  // The delegated token stops at once.
  expect((await request.get('/api/me', { headers: { Authorization: `Bearer ${delegated}` } })).status()).toBe(403);
  await expectAccessible(page, 'help page, consent revoked');

  // Rate the help, apart from the dossier.
  await consents.getByRole('link', { name: 'Đánh giá sự hỗ trợ của Trần Văn Hùng' }).click();
  await page.getByRole('group', { name: 'Bạn có hài lòng với sự hỗ trợ của Trần Văn Hùng không?' }).getByRole('radio', { name: 'Hài lòng', exact: true }).check();
  await expectAccessible(page, 'rating the help');
  await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await expect(page.getByRole('heading', { name: 'Cảm ơn bạn đã đánh giá' })).toBeVisible();
  expect((await held()).helpRatings).toEqual([expect.objectContaining({ consentId, channel: 'assisted', overall: 'satisfied' })]);
  await expectAccessible(page, 'help rated');

  // Hùng, on his phone: his page, the month's figures, nothing personal, the CSV.
  const hisContext = await browser.newContext({ acceptDownloads: true });
  const his = await hisContext.newPage();
  await his.goto('/volunteer');
  await signInAs(his, 'Trần Văn Hùng');
  await expect(his.getByRole('heading', { level: 1, name: 'Trang tình nguyện viên' })).toBeVisible();
  const table = his.getByRole('table');
  await expect(table.getByRole('cell', { name: dossierCode })).toBeVisible();
  await expect(his.getByRole('definition').first()).toHaveText('1');
  const text = (await his.locator('main').textContent()) ?? '';
  for (const personal of ['Nguyễn Văn An', '046095001234', '0912345678']) expect(text).not.toContain(personal);
  await expectAccessible(his, 'volunteer page');
  const download = his.waitForEvent('download');
  await his.getByRole('button', { name: 'Tải báo cáo CSV' }).click();
  const csv = await readFile((await (await download).path()) as string, 'utf8');
  const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
  expect(lines[0]).toBe('month,procedure_id,procedure_name,dossier_code,status,submitted_at');
  expect(lines.slice(1).map((l) => l.split(',')[3])).toEqual([dossierCode]);
  expect(csv).not.toContain('Nguyễn Văn An');
  await hisContext.close();
});
