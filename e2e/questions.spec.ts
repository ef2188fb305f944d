import { test, expect, expectAccessible, signInAs, waitForServiceWorker, apiUrl, scrollToFoot } from './fixtures.ts';

/**
 * Questions and feedback (hỏi đáp, phản ánh – kiến nghị): a citizen asks about a procedure, the
 * office answers (forced through the simulated backend's control endpoint), the answer arrives
 * as a notification and is then public on the procedure page without the asker's name; and a
 * problem report made offline waits on the phone and reaches the backend exactly once.
 */

const QUESTION = 'Tôi làm việc ở Hà Nội nhưng thường trú ở Huế, có đăng ký khai sinh cho con ở Hà Nội được không?';
const ANSWER = 'Được. Ông/bà đăng ký tại UBND cấp xã nơi cha hoặc mẹ đang cư trú, kể cả nơi tạm trú.';

test('ask a question → the office answers → a notification → the answer is public on the procedure page', async ({ page, request, backend: _backend }) => {
  await page.goto('/services/1.001193');
  // The questions are at the foot of the page, drawn as the reader scrolls there.
  await scrollToFoot(page);
  const qa = page.getByRole('region', { name: 'Hỏi đáp' });
  await expect(qa.getByText('3 câu hỏi đã được trả lời')).toBeVisible();
  await expectAccessible(page, 'procedure page with its questions');

  await qa.getByRole('link', { name: 'Đăng nhập để đặt câu hỏi' }).click();
  await signInAs(page, 'Nguyễn Văn An', true);
  await expect(page).toHaveURL(/\/services\/1\.001193#ask$/);
  const box = page.getByRole('region', { name: 'Hỏi đáp' }).getByRole('textbox', { name: /Câu hỏi của bạn/ });
  // Only spaces: refused next to the field before anything is sent.
  await box.fill('     ');
  await page.getByRole('button', { name: 'Gửi câu hỏi' }).click();
  await expect(page.getByText('Hãy viết vài chữ trước khi gửi.')).toBeVisible();
  await box.fill(QUESTION);
  await page.getByRole('button', { name: 'Gửi câu hỏi' }).click();
  await expect(page.getByText(/Đã gửi câu hỏi\./)).toBeVisible();
  await expectAccessible(page, 'procedure page, question sent');

  // The office answers (the simulated backend's clock is stopped in e2e: a test plays the office).
  const held = (await (await request.get(`${apiUrl}/__mock/questions`)).json()) as { questions: { id: string; question: string; status: string }[] };
  expect(held.questions).toEqual([expect.objectContaining({ question: QUESTION, status: 'waiting' })]);
  const id = held.questions[0]!.id;
  const answered = await request.post(`${apiUrl}/__mock/questions/${id}/answer`, { data: { text: ANSWER } });
  expect(answered.ok()).toBe(true);

  // The notification, among the dossiers' ones, leads to the answer in My questions.
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Hồ sơ' }).click();
  const notifications = page.getByRole('region', { name: /Thông báo mới/ });
  await expect(notifications).toBeVisible();
  await expectAccessible(page, 'dossiers with the answer notification');
  await notifications.getByRole('link', { name: 'Cơ quan đã trả lời câu hỏi của bạn về “Đăng ký khai sinh”' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Câu hỏi của tôi' })).toBeVisible();
  await expect(page.getByText(ANSWER)).toBeVisible();
  await expect(page.getByText('Đã trả lời')).toBeVisible();
  await expectAccessible(page, 'my questions');

  // Public on the procedure page, found without diacritics, and without the asker's name.
  await page.getByRole('link', { name: 'Xem thủ tục' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Đăng ký khai sinh' })).toBeVisible();
  await scrollToFoot(page);
  const published = page.getByRole('region', { name: 'Hỏi đáp' });
  await expect(published.getByText('4 câu hỏi đã được trả lời')).toBeVisible();
  await published.getByRole('searchbox', { name: 'Tìm trong hỏi đáp' }).fill('thuong tru o hue');
  await expect(published.getByText('Tìm thấy 1 câu hỏi')).toBeVisible();
  await expect(published.getByRole('heading', { name: QUESTION })).toBeVisible();
  await expect(published.getByText(ANSWER)).toBeVisible();
  await expect(published.getByText('Nguyễn Văn An')).toHaveCount(0);
  await expectAccessible(page, 'procedure page with the published answer');
  // And for anyone: the public list holds it, without who asked.
  const publicList = await (await request.get(`${apiUrl}/procedures/1.001193/questions`)).text();
  expect(publicList).toContain(QUESTION);
  expect(publicList).not.toMatch(/vneid|Nguyễn Văn An/);
});

test('"report a problem" made offline waits on the phone, then reaches the backend exactly once', async ({ page, context, request, backend: _backend }) => {
  await page.goto('/services');
  await waitForServiceWorker(page);
  const footerButton = page.getByRole('button', { name: 'Báo lỗi trang này' });
  await footerButton.click();
  const form = page.getByRole('region', { name: 'Báo lỗi trang này' });
  await expect(form.getByText(/Chúng tôi không trả lời từng báo lỗi/)).toBeVisible();
  await expect(form.getByText(/Đừng ghi họ tên, số định danh/)).toBeVisible();
  await expectAccessible(page, 'report form');

  await context.setOffline(true);
  await form.getByRole('textbox', { name: /Bạn gặp lỗi gì\?/ }).fill('Ô tìm kiếm không hiện kết quả khi gõ “khai sinh”');
  await form.getByRole('button', { name: 'Gửi báo lỗi' }).click();
  await expect(form.getByText(/Chờ gửi: bạn đang ngoại tuyến/)).toBeVisible();
  await expectAccessible(page, 'report waiting to send');
  const none = (await (await request.get(`${apiUrl}/__mock/feedback`)).json()) as { reports: unknown[] };
  expect(none.reports).toEqual([]);

  await context.setOffline(false);
  await expect(form.getByText('Báo lỗi đang chờ đã được gửi. Cảm ơn bạn.')).toBeVisible();
  // Woken again (another online event, a reload): nothing more is sent.
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await page.reload();
  await expect(page.getByRole('button', { name: 'Báo lỗi trang này' })).toBeVisible();
  await expect
    .poll(async () => ((await (await request.get(`${apiUrl}/__mock/feedback`)).json()) as { reports: { path: string; text: string }[] }).reports)
    .toEqual([expect.objectContaining({ path: '/services', text: 'Ô tìm kiếm không hiện kết quả khi gõ “khai sinh”' })]);
});
