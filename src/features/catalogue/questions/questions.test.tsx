import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import i18next from 'i18next';
import { server } from '../../../../mocks/node.ts';
import { problem } from '../../../../mocks/handlers/problem.ts';
import { allQuestions, askQuestion, forceAnswer } from '../../../../mocks/questions/store.ts';
import { seededQuestions } from '../../../../mocks/questions/seed.ts';
import { initI18n } from '../../../i18n/i18n.ts';
import { renderAt } from '../../../test/render-route.tsx';
import { CITIZEN, signIn } from '../../../test/session.ts';
import { filterQuestions } from './search.ts';

beforeAll(async () => {
  await initI18n('vi');
});
beforeEach(() => sessionStorage.clear());
afterEach(() => {
  sessionStorage.clear();
  vi.restoreAllMocks();
});

const section = () => screen.findByRole('region', { name: 'Hỏi đáp' });

describe('filterQuestions', () => {
  it('matches every word typed, with or without diacritics, in the question or the answer, in either language', () => {
    const birth = seededQuestions.filter((q) => q.procedureId === '1.001193');
    expect(filterQuestions(birth, 'qua 60 ngay').map((q) => q.id)).toEqual(['hd-ks-002']);
    expect(filterQuestions(birth, 'QUÁ HẠN').map((q) => q.id)).toEqual(['hd-ks-002']);
    expect(filterQuestions(birth, 'benh vien').map((q) => q.id)).toEqual(['hd-ks-001']);
    expect(filterQuestions(birth, 'qua han').map((q) => q.id)).toEqual(['hd-ks-002']); // "qua", a whole word, is not "quan hệ"
    expect(filterQuestions(birth, 'fine').map((q) => q.id)).toEqual(['hd-ks-002']);
    expect(filterQuestions(birth, '  ')).toHaveLength(birth.length);
    expect(filterQuestions(birth, 'hộ chiếu')).toEqual([]);
  });
});

describe('Questions on the procedure page', () => {
  it('lists the answered questions and searches them diacritic-insensitively; asking needs signing in, and comes back here', async () => {
    renderAt('/services/1.001193');
    const qa = await section();
    expect(await within(qa).findByText('3 câu hỏi đã được trả lời')).toBeInTheDocument();
    await userEvent.type(within(qa).getByRole('searchbox', { name: 'Tìm trong hỏi đáp' }), 'qua han');
    expect(within(qa).getByText('Tìm thấy 1 câu hỏi')).toBeInTheDocument();
    expect(within(qa).getByRole('heading', { name: /Quá 60 ngày mới đi đăng ký khai sinh/ })).toBeInTheDocument();
    expect(within(qa).queryByRole('heading', { name: /bệnh viện tỉnh khác/ })).not.toBeInTheDocument();
    await userEvent.clear(within(qa).getByRole('searchbox'));
    await userEvent.type(within(qa).getByRole('searchbox'), 'hộ chiếu');
    expect(within(qa).getByText('Không có câu hỏi nào khớp với “hộ chiếu”.')).toBeInTheDocument();
    expect(within(qa).getByRole('link', { name: 'Đăng nhập để đặt câu hỏi' })).toHaveAttribute('href', `/signin?returnTo=${encodeURIComponent('/services/1.001193#ask')}`);
    expect(within(qa).queryByRole('textbox')).not.toBeInTheDocument();
  });

  it('shows a published <script> as text, never as markup', async () => {
    const asked = askQuestion(CITIZEN, '1.004222', 'k-script', { text: '<script>window.hacked = 1</script><b>Đăng ký</b> thường trú ở nhà thuê?' });
    if (!asked.ok) throw new Error(asked.title);
    forceAnswer(asked.value.id, '<img src=x onerror="window.hacked=2"> Được, nếu chủ nhà đồng ý.');
    renderAt('/services/1.004222');
    const qa = await section();
    expect(await within(qa).findByRole('heading', { name: '<script>window.hacked = 1</script><b>Đăng ký</b> thường trú ở nhà thuê?' })).toBeInTheDocument();
    expect(within(qa).getByText('<img src=x onerror="window.hacked=2"> Được, nếu chủ nhà đồng ý.')).toBeInTheDocument();
    expect(qa.querySelector('script, b, img')).toBeNull();
    expect((window as { hacked?: number }).hacked).toBeUndefined();
  });

  it('lets a signed-in citizen ask: refused text next to the field, then sent once, and listed in My questions as waiting', async () => {
    signIn();
    renderAt('/services/1.001193');
    const qa = await section();
    const box = await within(qa).findByRole('textbox', { name: /Câu hỏi của bạn/ });
    await userEvent.type(box, '   ');
    await userEvent.click(within(qa).getByRole('button', { name: 'Gửi câu hỏi' }));
    expect(await within(qa).findByText('Hãy viết vài chữ trước khi gửi.')).toBeInTheDocument();
    await userEvent.clear(box);
    await userEvent.type(box, 'Con tôi sinh ở nước ngoài thì đăng ký ở đâu?');
    await userEvent.click(within(qa).getByRole('button', { name: 'Gửi câu hỏi' }));
    expect(await within(qa).findByText(/Đã gửi câu hỏi\./)).toBeInTheDocument();
    expect(box).toHaveValue('');
    expect(allQuestions()).toEqual([expect.objectContaining({ citizenId: CITIZEN, question: 'Con tôi sinh ở nước ngoài thì đăng ký ở đâu?', status: 'waiting' })]);
    await userEvent.click(within(qa).getAllByRole('link', { name: 'Câu hỏi của tôi' })[0]!);
    expect(await screen.findByRole('heading', { level: 1, name: 'Câu hỏi của tôi' })).toBeInTheDocument();
    expect(await screen.findByText('Chờ trả lời')).toBeInTheDocument();
    expect(screen.getByText('Con tôi sinh ở nước ngoài thì đăng ký ở đâu?')).toBeInTheDocument();
  });

  it('says when the citizen may ask again (429), and that an offline question was not sent, keeping the text each time', async () => {
    signIn();
    server.use(
      http.post('*/api/procedures/:id/questions', () => {
        const response = problem(429, 'too-many-questions', 'slow down', { retryAfter: 1800 });
        response.headers.set('Retry-After', '1800');
        return response;
      }, { once: true }),
    );
    renderAt('/services/1.001193');
    const qa = await section();
    const box = await within(qa).findByRole('textbox', { name: /Câu hỏi của bạn/ });
    await userEvent.type(box, 'Làm lại giấy khai sinh bị mất thế nào?');
    await userEvent.click(within(qa).getByRole('button', { name: 'Gửi câu hỏi' }));
    expect(await within(qa).findByText(/Có thể gửi lại sau \d{1,2}:\d{2}/)).toBeInTheDocument();
    expect(box).toHaveValue('Làm lại giấy khai sinh bị mất thế nào?');
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    await userEvent.click(within(qa).getByRole('button', { name: 'Gửi câu hỏi' }));
    expect(await within(qa).findByText(/Bạn đang ngoại tuyến nên câu hỏi chưa được gửi/)).toBeInTheDocument();
    expect(box).toHaveValue('Làm lại giấy khai sinh bị mất thế nào?');
    expect(allQuestions()).toEqual([]);
  });

  it('says so when the questions cannot be loaded, and the rest of the page stays', async () => {
    server.use(http.get('*/api/procedures/:id/questions', () => problem(500, 'injected', 'down')));
    renderAt('/services/1.001193');
    const qa = await section();
    expect(await within(qa).findByText(/Chưa tải được hỏi đáp/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Đăng ký khai sinh' })).toBeInTheDocument();
    server.resetHandlers();
    await userEvent.click(within(qa).getByRole('button', { name: 'Thử lại' }));
    await waitFor(() => expect(within(qa).getByText('3 câu hỏi đã được trả lời')).toBeInTheDocument());
  });

  it('an answer arrives as a notification among the dossiers, leading to it in My questions', async () => {
    signIn();
    const asked = askQuestion(CITIZEN, '3.000333', 'k-notify', { text: 'Xin phiếu lý lịch tư pháp cho người thân được không?' });
    if (!asked.ok) throw new Error(asked.title);
    forceAnswer(asked.value.id, 'Được, với Phiếu số 1 và văn bản ủy quyền.');
    renderAt('/dossiers');
    const notifications = await screen.findByRole('region', { name: /Thông báo mới/ });
    const link = within(notifications).getByRole('link', { name: /Cơ quan đã trả lời câu hỏi của bạn về “Cấp Phiếu lý lịch tư pháp/ });
    expect(link).toHaveAttribute('href', `/me/questions#${asked.value.id}`);
    await userEvent.click(link);
    expect(await screen.findByText('Được, với Phiếu số 1 và văn bản ủy quyền.')).toBeInTheDocument();
    expect(screen.getByText('Đã trả lời')).toBeInTheDocument();
  });
});

describe('Questions on the procedure page, for a reader of English', () => {
  afterEach(async () => {
    await i18next.changeLanguage('vi');
  });

  it('shows the office’s English where it gave one, and marks the Vietnamese and the office’s name lang="vi"; the app’s own line is English', async () => {
    await i18next.changeLanguage('en');
    renderAt('/services/1.001193');
    const questions = await screen.findByRole('region', { name: 'Questions and answers' });
    const english = await within(questions).findByRole('heading', { level: 3, name: /Can I register the birth in the ward where I live/ });
    expect(english).not.toHaveAttribute('lang');
    // hd-ks-003 has no English: the words as asked and answered, in Vietnamese, marked so.
    const vietnamese = within(questions).getByRole('heading', { level: 3, name: /Bố mẹ chưa đăng ký kết hôn/ });
    expect(vietnamese).toHaveAttribute('lang', 'vi');
    const item = vietnamese.closest('li')!;
    expect(item).not.toHaveAttribute('lang');
    expect(within(item).getByText(/^Nếu cha, mẹ chưa đăng ký kết hôn/)).toHaveAttribute('lang', 'vi');
    const office = within(english.closest('li')!).getByText('UBND phường Thuận Hóa, thành phố Huế');
    expect(office).toHaveAttribute('lang', 'vi');
    expect(office.closest('p')).toHaveTextContent(/^Answered by UBND phường Thuận Hóa, thành phố Huế, /);
    expect(office.closest('p')).not.toHaveAttribute('lang');
  });
});
