import { describe, expect, it } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { advanceDossier, submitDossier } from '../../../mocks/dossiers/lifecycle.ts';
import { validAnswers } from '../../../mocks/answers.ts';
import { rateDossier } from '../../../mocks/ratings/rate.ts';
import { liveRatings, ratingTokens } from '../../../mocks/ratings/store.ts';
import { http } from 'msw';
import { server } from '../../../mocks/node.ts';
import { problem } from '../../../mocks/handlers/problem.ts';
import { listOutbox, putOutboxItem } from '../../offline/personal-db.ts';
import { KIOSK_CONFIG_KEY } from '../../auth/kiosk-config.ts';
import { personalPageTests, setOnline } from '../../test/page-setup.ts';
import { renderAt } from '../../test/render-route.tsx';
import { CITIZEN, signIn } from '../../test/session.ts';
import { answerErrors } from './answers.ts';
import { queryClient } from '../../test/render-route.tsx';
import { provinceStatsQueryOptions } from '../../api/stats/queries.ts';

personalPageTests();

/** A dossier of An's (residence registration, no fee) moved to `to` by the office. */
const dossier = (to: 'result-ready' | 'returned' | 'rejected' | 'withdrawn' | 'in-progress' = 'result-ready') => {
  const outcome = submitDossier(CITIZEN, crypto.randomUUID(), { procedureId: '1.004873', values: validAnswers('1.004873', CITIZEN), documents: [] });
  if (!outcome.ok) throw new Error(outcome.title);
  const moved = advanceDossier(outcome.value.code, to);
  if (!moved.ok) throw new Error(moved.title);
  return outcome.value.code;
};

/**
 * The ratings of the agency that handles 1.004873 as the app's cache gives them: a copy still
 * fresh (a minute) is not asked again, unless a sent rating has marked it stale.
 */
const shownRatings = async () => (await queryClient.fetchQuery(provinceStatsQueryOptions(null))).agencies.find((a) => a.agency.id === 'commune-pc')?.figures.ratings.count;

const overall = () => screen.findByRole('group', { name: 'Nhìn chung, bạn có hài lòng với việc giải quyết hồ sơ này không?' });

describe('answers', () => {
  it('needs the overall answer, and a comment of at most 1,000 characters that is not only spaces', () => {
    const empty = { overall: null, convenience: null, indicators: {}, comment: '' };
    expect(answerErrors(empty).map((e) => e.key)).toEqual(['overallRequired']);
    expect(answerErrors({ ...empty, overall: 'satisfied', comment: 'x'.repeat(1000) })).toEqual([]);
    expect(answerErrors({ ...empty, overall: 'satisfied', comment: 'x'.repeat(1001) }).map((e) => e.key)).toEqual(['tooLong']);
    expect(answerErrors({ ...empty, overall: 'satisfied', comment: '  \n ' }).map((e) => e.key)).toEqual(['blank']);
  });
});

describe('/dossiers/:code/rate, signed in', () => {
  it('asks the overall question first, folds the rest, and sends the rating once with its channel', async () => {
    const code = dossier('returned');
    signIn();
    renderAt(`/dossiers/${code}/rate`);
    const question = await overall();
    expect(within(question).getAllByRole('radio').map((r) => r.closest('label')?.textContent)).toEqual(['Rất hài lòng', 'Hài lòng', 'Không hài lòng']);
    // The nine indicators and convenience wait behind "Tell us more".
    const more = screen.getByText('Cho chúng tôi biết thêm (không bắt buộc)').closest('details') as HTMLDetailsElement;
    expect(more.open).toBe(false);
    expect(within(more).getAllByRole('group')).toHaveLength(10);
    // The comment warns against personal data and says nobody replies.
    const comment = screen.getByRole('textbox', { name: 'Ý kiến thêm (không bắt buộc)' });
    expect(comment).toHaveAccessibleDescription(/Đừng ghi số định danh cá nhân.*Không ai trả lời riêng ý kiến đánh giá/);

    // Nothing chosen: said, next to the question, and nothing sent.
    await userEvent.click(screen.getByRole('button', { name: 'Gửi đánh giá' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Hãy chọn mức độ hài lòng chung' })).toBeInTheDocument();
    expect(liveRatings()).toHaveLength(0);

    await userEvent.click(within(question).getByRole('radio', { name: 'Hài lòng' }));
    await userEvent.click(within(more).getByText('Cho chúng tôi biết thêm (không bắt buộc)'));
    await userEvent.click(within(screen.getByRole('group', { name: 'Thái độ của cán bộ, công chức' })).getByRole('radio', { name: 'Lịch sự, tận tình' }));
    const script = '<script>window.hacked = true</script> Cán bộ nhiệt tình';
    await userEvent.type(comment, script.replace(/[{[]/g, '$&$&'));
    await userEvent.click(screen.getByRole('button', { name: 'Gửi đánh giá' }));

    expect(await screen.findByRole('heading', { name: 'Cảm ơn bạn đã đánh giá' })).toBeInTheDocument();
    // The comment is shown as the text it is, never as markup.
    expect(screen.getByText(script)).toBeInTheDocument();
    expect(document.querySelector('.rate script')).toBeNull();
    expect(liveRatings()).toEqual([
      expect.objectContaining({ dossierCode: code, channel: 'online', overall: 'satisfied', indicators: { attitude: 2 }, comment: script, procedureId: '1.004873', criteriaVersion: '766-2022.1' }),
    ]);
    await waitFor(async () => expect((await listOutbox(CITIZEN)).map((i) => i.state)).toEqual(['sent']));
  });

  it('keeps a comment that is too long, says so, and sends nothing', async () => {
    const code = dossier();
    signIn();
    renderAt(`/dossiers/${code}/rate`);
    await userEvent.click(within(await overall()).getByRole('radio', { name: 'Rất hài lòng' }));
    const comment = screen.getByRole('textbox', { name: 'Ý kiến thêm (không bắt buộc)' });
    const long = 'Chậm. '.repeat(200);
    await userEvent.click(comment);
    await userEvent.paste(long);
    await userEvent.click(screen.getByRole('button', { name: 'Gửi đánh giá' }));
    expect(await screen.findByRole('link', { name: /Ý kiến dài hơn 1000 ký tự \(1200 ký tự\)/ })).toBeInTheDocument();
    expect(comment).toHaveValue(long);
    expect(comment).toHaveAttribute('aria-invalid', 'true');
    expect(await listOutbox(CITIZEN)).toEqual([]);
  });

  it('offline: the rating waits on the phone, says so honestly, and goes once the signal is back; the statistics then count it', async () => {
    const code = dossier();
    signIn();
    const before = await shownRatings();
    renderAt(`/dossiers/${code}/rate`);
    const question = await overall();
    act(() => setOnline(false));
    await userEvent.click(within(question).getByRole('radio', { name: 'Không hài lòng' }));
    await userEvent.click(screen.getByRole('button', { name: 'Gửi đánh giá' }));
    expect(await screen.findByRole('heading', { name: 'Đang chờ gửi' })).toBeInTheDocument();
    expect(screen.getByText(/Đánh giá đã được lưu trên máy và sẽ tự gửi một lần duy nhất/)).toBeInTheDocument();
    expect((await listOutbox(CITIZEN)).map((i) => [i.type, i.state, i.dossierCode])).toEqual([['rating', 'queued', code]]);
    expect(liveRatings()).toHaveLength(0);

    act(() => setOnline(true));
    expect(await screen.findByRole('heading', { name: 'Cảm ơn bạn đã đánh giá' })).toBeInTheDocument();
    expect(liveRatings()).toEqual([expect.objectContaining({ dossierCode: code, overall: 'dissatisfied' })]);
    expect(await shownRatings()).toBe((before ?? 0) + 1);
  });

  it('says a dossier was already rated, and shows what was given', async () => {
    const code = dossier('rejected');
    const given = rateDossier({ citizenId: CITIZEN }, code, 'k', { channel: 'counter', criteriaVersion: '766-2022.1', overall: 'very-satisfied', comment: 'Tận tình' });
    expect(given.ok).toBe(true);
    signIn();
    renderAt(`/dossiers/${code}/rate`);
    const panel = await screen.findByRole('region', { name: 'Hồ sơ này đã được đánh giá' });
    expect(within(panel).getByText('Rất hài lòng')).toBeInTheDocument();
    expect(within(panel).getByText('Tận tình')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Gửi đánh giá' })).not.toBeInTheDocument();
  });

  it('shows a refusal from the backend with what was given there, keeps the answers, and lets them go', async () => {
    const code = dossier();
    rateDossier({ citizenId: CITIZEN }, code, 'first', { channel: 'online', criteriaVersion: '766-2022.1', overall: 'satisfied' });
    await putOutboxItem({
      id: 'second',
      owner: CITIZEN,
      type: 'rating',
      procedureId: '1.004873',
      procedureName: 'Cấp Giấy xác nhận tình trạng hôn nhân',
      dossierCode: code,
      values: { channel: 'online', criteriaVersion: '766-2022.1', overall: 'dissatisfied', comment: 'Phải đi lại ba lần' },
      attachments: [],
      state: 'failed',
      createdAt: new Date().toISOString(),
      attempts: 1,
      lastError: { kind: 'conflict', code: 'already-rated' },
      progress: 0,
    });
    signIn();
    renderAt(`/dossiers/${code}/rate`);
    const refusal = await screen.findByRole('region', { name: 'Hồ sơ này đã được đánh giá' });
    expect(await within(refusal).findByText('Hài lòng')).toBeInTheDocument();
    const kept = screen.getByRole('region', { name: 'Câu trả lời của bạn vẫn được giữ:' });
    expect(within(kept).getByText('Không hài lòng')).toBeInTheDocument();
    expect(within(kept).getByText('Phải đi lại ba lần')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Bỏ đánh giá chưa gửi' }));
    await waitFor(async () => expect(await listOutbox(CITIZEN)).toEqual([]));
    expect(liveRatings()).toHaveLength(1);
  });

  it('does not offer a rating before the dossier is finished', async () => {
    const code = dossier('in-progress');
    signIn();
    renderAt(`/dossiers/${code}/rate`);
    expect(await screen.findByText(/Hồ sơ này chưa giải quyết xong/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Gửi đánh giá' })).not.toBeInTheDocument();
  });
});

describe('rating without signing in, after /track', () => {
  let router: ReturnType<typeof renderAt>;
  const lookUp = async (code: string) => {
    router = renderAt('/track');
    await userEvent.type(await screen.findByLabelText('Mã hồ sơ'), code);
    await userEvent.type(screen.getByLabelText('4 số cuối điện thoại'), '5678');
    await userEvent.click(screen.getByRole('button', { name: 'Tra cứu' }));
    return screen.findByRole('region', { name: 'Kết quả tra cứu' });
  };
  /** Looks the dossier up, opens its rating and answers the overall question. */
  const answerAfterLookUp = async (code: string, level: string) => {
    const result = await lookUp(code);
    await userEvent.click(within(result).getByRole('link', { name: 'Đánh giá hồ sơ này' }));
    await userEvent.click(within(await overall()).getByRole('radio', { name: level }));
  };

  it('rates the dossier just found, with the counter channel, and keeps the token out of the address; the statistics then count it', async () => {
    const code = dossier('returned');
    const before = await shownRatings();
    const result = await lookUp(code);
    await userEvent.click(within(result).getByRole('link', { name: 'Đánh giá hồ sơ này' }));
    expect(await screen.findByText(/Bạn đánh giá mà không cần đăng nhập/)).toBeInTheDocument();
    // The token travels in the router's state, never in the address (history, logs, shoulder-surfing).
    expect(router.state.location.pathname).toBe(`/dossiers/${code}/rate`);
    expect(router.state.location.search).toBe('');
    expect(router.state.location.state).toMatchObject({ ratingToken: expect.any(String), channel: 'counter' });
    await userEvent.click(within(await overall()).getByRole('radio', { name: 'Rất hài lòng' }));
    await userEvent.click(screen.getByRole('button', { name: 'Gửi đánh giá' }));
    expect(await screen.findByRole('heading', { name: 'Cảm ơn bạn đã đánh giá' })).toBeInTheDocument();
    expect(liveRatings()).toEqual([expect.objectContaining({ dossierCode: code, channel: 'counter', overall: 'very-satisfied' })]);
    expect(await shownRatings()).toBe((before ?? 0) + 1);
  });

  it('on an enrolled hall kiosk, rates the dossier just found with the kiosk channel (read at run time, not from the build)', async () => {
    localStorage.setItem(KIOSK_CONFIG_KEY, '{}');
    try {
      const code = dossier('result-ready');
      const result = await lookUp(code);
      await userEvent.click(within(result).getByRole('link', { name: 'Đánh giá hồ sơ này' }));
      expect(router.state.location.state).toMatchObject({ channel: 'kiosk' });
      await userEvent.click(within(await overall()).getByRole('radio', { name: 'Hài lòng' }));
      await userEvent.click(screen.getByRole('button', { name: 'Gửi đánh giá' }));
      expect(await screen.findByRole('heading', { name: 'Cảm ơn bạn đã đánh giá' })).toBeInTheDocument();
      expect(liveRatings()).toEqual([expect.objectContaining({ dossierCode: code, channel: 'kiosk', overall: 'satisfied' })]);
    } finally {
      localStorage.removeItem(KIOSK_CONFIG_KEY);
    }
  });

  it('says it was rated meanwhile, with what was given, and keeps what this person chose', async () => {
    const code = dossier();
    await answerAfterLookUp(code, 'Không hài lòng');
    rateDossier({ citizenId: CITIZEN }, code, 'owner', { channel: 'online', criteriaVersion: '766-2022.1', overall: 'satisfied' });
    await userEvent.click(screen.getByRole('button', { name: 'Gửi đánh giá' }));
    const refusal = await screen.findByRole('region', { name: 'Hồ sơ này đã được đánh giá' });
    expect(within(refusal).getByText('Hài lòng')).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Câu trả lời của bạn vẫn được giữ:' })).getByText('Không hài lòng')).toBeInTheDocument();
    expect(liveRatings()).toHaveLength(1);
  });

  it('says the look-up expired, offers to look it up again, and keeps the answers', async () => {
    const code = dossier();
    await answerAfterLookUp(code, 'Hài lòng');
    ratingTokens().clear();
    await userEvent.click(screen.getByRole('button', { name: 'Gửi đánh giá' }));
    const refusal = await screen.findByRole('alert');
    expect(within(refusal).getByRole('heading', { name: 'Đánh giá chưa được nhận' })).toHaveFocus();
    expect(refusal).toHaveTextContent(/Phiên tra cứu đã hết hạn/);
    expect(within(refusal).getByRole('link', { name: 'Tra cứu hồ sơ' })).toHaveAttribute('href', `/track?code=${encodeURIComponent(code)}`);
    expect(within(await overall()).getByRole('radio', { name: 'Hài lòng' })).toBeChecked();
    expect(liveRatings()).toHaveLength(0);
  });

  it('says when to try again after too many sends, without a way to look it up again', async () => {
    const code = dossier();
    await answerAfterLookUp(code, 'Hài lòng');
    server.use(
      http.post('*/api/dossiers/:code/rating', () => {
        const response = problem(429, 'too-many-ratings', 'Too many ratings');
        response.headers.set('Retry-After', '120');
        return response;
      }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Gửi đánh giá' }));
    const refusal = await screen.findByRole('alert');
    expect(refusal).toHaveTextContent(/Có quá nhiều lượt gửi\. Hãy thử lại sau \d{2}:\d{2}\./);
    expect(within(refusal).queryByRole('link')).not.toBeInTheDocument();
    expect(liveRatings()).toHaveLength(0);
  });

  it('says a rated dossier was rated instead of offering it again', async () => {
    const code = dossier();
    rateDossier({ citizenId: CITIZEN }, code, 'owner', { channel: 'online', criteriaVersion: '766-2022.1', overall: 'satisfied' });
    const result = await lookUp(code);
    expect(within(result).getByText(/Hồ sơ này đã được đánh giá/)).toBeInTheDocument();
    expect(within(result).queryByRole('link', { name: 'Đánh giá hồ sơ này' })).not.toBeInTheDocument();
  });
});

describe('where the rating is offered', () => {
  it('on a finished dossier’s page, in its notification and on its receipt; then says what was given', async () => {
    const code = dossier('result-ready');
    signIn();
    const router = renderAt('/dossiers');
    const notifications = await screen.findByRole('region', { name: /Thông báo mới/ });
    expect(within(notifications).getByRole('link', { name: `Đánh giá hồ sơ ${code}` })).toHaveAttribute('href', `/dossiers/${code}/rate`);

    await act(() => router.navigate(`/dossiers/${code}`));
    const offer = await screen.findByRole('region', { name: 'Bạn thấy việc giải quyết hồ sơ thế nào?' });
    expect(within(offer).getByRole('link', { name: 'Đánh giá hồ sơ này' })).toHaveAttribute('href', `/dossiers/${code}/rate`);

    await act(() => router.navigate(`/dossiers/${code}/receipt`));
    expect(await screen.findByRole('link', { name: 'Đánh giá hồ sơ này' })).toHaveAttribute('href', `/dossiers/${code}/rate`);

  });

  it('says what was given once the dossier is rated', async () => {
    const code = dossier('withdrawn');
    rateDossier({ citizenId: CITIZEN }, code, 'k', { channel: 'online', criteriaVersion: '766-2022.1', overall: 'very-satisfied' });
    signIn();
    renderAt(`/dossiers/${code}`);
    const given = await screen.findByRole('region', { name: 'Bạn thấy việc giải quyết hồ sơ thế nào?' });
    expect(await within(given).findByText(/^Bạn đã đánh giá hồ sơ này: Rất hài lòng\./)).toBeInTheDocument();
    expect(within(given).queryByRole('link', { name: 'Đánh giá hồ sơ này' })).not.toBeInTheDocument();
  });

  it('not on a dossier the office is still working on', async () => {
    const code = dossier('in-progress');
    signIn();
    renderAt(`/dossiers/${code}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Cấp Giấy xác nhận tình trạng hôn nhân' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Bạn thấy việc giải quyết hồ sơ thế nào?' })).not.toBeInTheDocument();
  });
});
