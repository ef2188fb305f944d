import { validAnswers } from '../mocks/answers.ts';
import { randomUUID } from 'node:crypto';
import type { APIRequestContext } from '@playwright/test';
import { test, expect, expectAccessible, signInAs, tokenFor, waitForServiceWorker } from './fixtures.ts';

/** Nguyễn Văn An at the simulated VNeID; his phone ends in 5678. */
const AN = 'vneid-046095001234';

interface HeldRating {
  dossierCode: string;
  channel: string;
  overall: string;
  indicators: Record<string, number>;
  comment?: string;
}
const heldRatings = async (request: APIRequestContext) => {
  const response = await request.get('/api/__mock/ratings');
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { ratings: HeldRating[] }).ratings;
};

test('a finished dossier is rated offline and sent once, a second rating is refused with what was given, and a dossier is rated from /track without signing in', async ({
  page,
  context,
  browser,
  request,
  backend,
  baseURL,
}) => {
  void backend;
  // Two browsers, eight pages checked by axe: longer than most journeys on a busy 2-core machine.
  test.slow();
  // Two dossiers of An's (marital status certificate, no fee; complete answers, as the app sends them), which the office finishes.
  const token = await tokenFor(request, baseURL ?? '', AN);
  const file = async () => {
    const response = await request.post('/api/dossiers', {
      headers: { Authorization: `Bearer ${token}`, 'Idempotency-Key': randomUUID() },
      data: { procedureId: '1.004873', values: validAnswers('1.004873', AN), documents: [] },
    });
    expect(response.status()).toBe(201);
    return ((await response.json()) as { code: string }).code;
  };
  const advance = async (code: string, to: string) => expect((await request.post(`/api/__mock/dossiers/${code}/advance`, { data: { to } })).ok()).toBe(true);
  // The public statistics before: this year's ratings of the agency that handles the procedure.
  const year = String(new Date().getFullYear());
  const agencyRatings = async () => {
    const response = await request.get(`/api/stats?period=${year}`);
    expect(response.ok()).toBe(true);
    const body = (await response.json()) as { agencies: { agency: { id: string }; figures: { ratings: { count: number; satisfiedShare: number | null } } }[] };
    return body.agencies.find((a) => a.agency.id === 'commune-pc')?.figures.ratings;
  };
  const before = await agencyRatings();
  expect(before, 'the statistics list the commune People’s Committees').toBeDefined();
  const rated = await file();
  const counter = await file();
  await advance(rated, 'result-ready');
  await advance(counter, 'returned');

  await page.goto('/');
  await waitForServiceWorker(page);
  await page.goto(`/dossiers/${rated}`);
  await signInAs(page, 'Nguyễn Văn An');

  // The finished dossier asks how it went.
  await expect(page.getByRole('heading', { level: 1, name: 'Cấp Giấy xác nhận tình trạng hôn nhân' })).toBeVisible();
  const offer = page.getByRole('region', { name: 'Bạn thấy việc giải quyết hồ sơ thế nào?' });
  await expect(offer.getByRole('link', { name: 'Đánh giá hồ sơ này' })).toBeVisible();
  await expectAccessible(page, 'finished dossier');

  // Meanwhile, someone at the counter looks the same dossier up and starts rating it, without signing in.
  const stranger = await browser.newContext();
  const visitor = await stranger.newPage();
  const lookUp = async (code: string) => {
    await visitor.goto(`/track?code=${code}`);
    await visitor.getByRole('textbox', { name: '4 số cuối điện thoại' }).fill('5678');
    await visitor.getByRole('button', { name: 'Tra cứu' }).click();
    const result = visitor.getByRole('region', { name: 'Kết quả tra cứu' });
    await expect(result.getByText(code, { exact: true })).toBeVisible();
    return result;
  };
  await (await lookUp(rated)).getByRole('link', { name: 'Đánh giá hồ sơ này' }).click();
  await expect(visitor.getByRole('heading', { level: 1, name: 'Đánh giá mức độ hài lòng' })).toBeVisible();
  await expect(visitor.getByText(/Bạn đánh giá mà không cần đăng nhập/)).toBeVisible();
  await visitor.getByRole('radio', { name: 'Không hài lòng' }).check();
  await expectAccessible(visitor, 'rating without signing in');

  // The signal drops; the citizen rates anyway.
  await context.setOffline(true);
  await offer.getByRole('link', { name: 'Đánh giá hồ sơ này' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Đánh giá mức độ hài lòng' })).toBeVisible();
  const overall = page.getByRole('group', { name: 'Nhìn chung, bạn có hài lòng với việc giải quyết hồ sơ này không?' });
  await expect(overall.getByRole('radio')).toHaveCount(3);
  // Big, quick answers: every target at least 48 px high.
  for (const label of await overall.locator('label').all()) expect((await label.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(48);
  await overall.getByRole('radio', { name: 'Hài lòng', exact: true }).check();
  await page.getByText('Cho chúng tôi biết thêm (không bắt buộc)').click();
  await page.getByRole('group', { name: 'Thời gian giải quyết hồ sơ so với thời hạn theo quy định' }).getByRole('radio', { name: 'Sớm hơn hoặc đúng hẹn' }).check();
  const comment = page.getByRole('textbox', { name: 'Ý kiến thêm (không bắt buộc)' });
  await expect(comment).toHaveAccessibleDescription(/Đừng ghi số định danh cá nhân/);
  await expect(comment).toHaveAccessibleDescription(/Không ai trả lời riêng ý kiến đánh giá/);
  await comment.fill('Nhanh, đúng hẹn. <b>Cảm ơn</b>');
  await expectAccessible(page, 'rating form');
  await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await expect(page.getByRole('heading', { name: 'Đang chờ gửi' })).toBeVisible();
  await expect(page.getByText(/Đánh giá đã được lưu trên máy và sẽ tự gửi một lần duy nhất khi có mạng/)).toBeVisible();
  await expectAccessible(page, 'rating waiting to send');
  expect(await heldRatings(request)).toEqual([]);

  // The dossier and the outbox say the same, honestly.
  await page.getByRole('link', { name: 'Quay lại hồ sơ' }).click();
  await expect(page.getByText('Đánh giá của bạn đang chờ gửi: đã lưu trên máy, sẽ tự gửi khi có mạng.')).toBeVisible();
  await page.getByRole('link', { name: 'Hồ sơ của tôi' }).first().click();
  const outbox = page.getByRole('region', { name: 'Đang chờ gửi (1)' });
  await expect(outbox.getByText(`Đánh giá hồ sơ ${rated}`)).toBeVisible();
  await expectAccessible(page, 'my dossiers with a rating waiting');

  // Back online: it goes by itself, once.
  await context.setOffline(false);
  await expect(page.getByRole('region', { name: /Đang chờ gửi/ })).toHaveCount(0, { timeout: 30_000 });
  await expect.poll(async () => (await heldRatings(request)).length).toBe(1);
  expect(await heldRatings(request)).toEqual([
    expect.objectContaining({ dossierCode: rated, channel: 'online', overall: 'satisfied', indicators: { 'total-time': 2 }, comment: 'Nhanh, đúng hẹn. <b>Cảm ơn</b>' }),
  ]);
  await page.getByRole('link', { name: `Hồ sơ ${rated}: Đã có kết quả` }).click();
  await expect(page.getByText(/^Bạn đã đánh giá hồ sơ này: Hài lòng\./)).toBeVisible();

  // Rating again is refused, saying it was rated and what was given; nothing typed is lost.
  await visitor.getByRole('button', { name: 'Gửi đánh giá' }).click();
  const refusal = visitor.getByRole('region', { name: 'Hồ sơ này đã được đánh giá' });
  await expect(refusal.getByText('Hài lòng', { exact: true })).toBeVisible();
  // The markup is shown as the text it is.
  await expect(refusal.getByText('Nhanh, đúng hẹn. <b>Cảm ơn</b>')).toBeVisible();
  await expect(visitor.getByRole('region', { name: 'Câu trả lời của bạn vẫn được giữ:' }).getByText('Không hài lòng')).toBeVisible();
  await expectAccessible(visitor, 'second rating refused');
  expect(await heldRatings(request)).toHaveLength(1);
  // The citizen's own page says the same.
  await page.getByRole('region', { name: 'Bạn thấy việc giải quyết hồ sơ thế nào?' }).getByRole('link', { name: 'Xem chi tiết' }).click();
  await expect(page.getByRole('region', { name: 'Hồ sơ này đã được đánh giá' }).getByText('Hài lòng', { exact: true })).toBeVisible();
  await expectAccessible(page, 'already rated');

  // The other finished dossier, rated from /track without signing in.
  await (await lookUp(counter)).getByRole('link', { name: 'Đánh giá hồ sơ này' }).click();
  await visitor.getByRole('radio', { name: 'Rất hài lòng' }).check();
  await visitor.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await expect(visitor.getByRole('heading', { name: 'Cảm ơn bạn đã đánh giá' })).toBeVisible();
  await expectAccessible(visitor, 'rated without signing in');
  const held = await heldRatings(request);
  expect(held).toHaveLength(2);
  expect(held.find((r) => r.dossierCode === counter)).toMatchObject({ channel: 'counter', overall: 'very-satisfied' });
  // Looking it up again says it has been rated.
  await expect((await lookUp(counter)).getByText('Hồ sơ này đã được đánh giá. Mỗi hồ sơ chỉ được đánh giá một lần.')).toBeVisible();

  // The public statistics count both: the agency's ratings two higher, its share recomputed, and
  // the page's table says the same number.
  const after = await agencyRatings();
  expect(after?.count).toBe((before?.count ?? 0) + 2);
  expect(after?.satisfiedShare).not.toBe(before?.satisfiedShare);
  await visitor.goto(`/stats?period=${year}`);
  await visitor.getByRole('button', { name: 'Xem dạng bảng' }).first().click();
  const cell = visitor.locator('tr[data-agency="commune-pc"] td[data-measure="ratings"]').first();
  await expect.poll(async () => Number((await cell.textContent())?.replace(/\D/g, ''))).toBe(after?.count);
  await expectAccessible(visitor, 'statistics after rating');
  await stranger.close();
});
