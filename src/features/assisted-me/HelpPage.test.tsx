import { describe, expect, it, vi } from 'vitest';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { assistedState, expireConsentNow } from '../../../mocks/assisted.ts';
import { setFaults } from '../../../mocks/faults.ts';
import { problem } from '../../../mocks/handlers/problem.ts';
import { server } from '../../../mocks/node.ts';
import { http } from 'msw';
import { loadSnapshot } from '../../offline/personal-db.ts';
import { consentBySms, fileWithHelp, forgetQueries } from '../../test/assisted.ts';
import { personalPageTests, setOnline } from '../../test/page-setup.ts';
import { renderAt } from '../../test/render-route.tsx';
import { CITIZEN, signIn } from '../../test/session.ts';

personalPageTests();

describe('/me/help, the resident signed in as themself', () => {
  it('shows who acted, when and what was filed, and revokes a running consent after asking', async () => {
    const consentId = consentBySms();
    const code = fileWithHelp(consentId);
    signIn();
    renderAt('/me/help');
    const consents = await screen.findByRole('region', { name: 'Sự đồng ý bạn đã cho' });
    expect(await within(consents).findByText('Trần Văn Hùng — Tổ công nghệ số cộng đồng phường Kim Long')).toBeInTheDocument();
    expect(within(consents).getByText(/^Đang hiệu lực đến/)).toBeInTheDocument();
    expect(within(consents).getByText('Dữ liệu được dùng: thông tin nhân thân, nơi cư trú, số điện thoại, email')).toBeInTheDocument();

    const audit = screen.getByRole('region', { name: 'Việc đã làm thay bạn' });
    const filed = within(audit).getByText('Nộp hồ sơ thay bạn').closest('li') as HTMLElement;
    expect(within(filed).getByRole('link', { name: `Hồ sơ ${code}` })).toHaveAttribute('href', `/dossiers/${code}`);
    expect(within(filed).getByText(/Trần Văn Hùng \(Tổ công nghệ số cộng đồng phường Kim Long\)/)).toBeInTheDocument();
    expect(within(audit).getAllByRole('listitem').map((li) => li.querySelector('strong')?.textContent)).toEqual([
      'Nộp hồ sơ thay bạn',
      'Bạn đã đồng ý',
      'Yêu cầu bạn đồng ý (gửi mã đến điện thoại của bạn)',
    ]);

    // Asked first: "no" leaves the consent running.
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    const revoke = within(consents).getByRole('button', { name: /Thu hồi sự đồng ý/ });
    await userEvent.click(revoke);
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('Trần Văn Hùng'));
    expect(assistedState().consents[0]?.status).toBe('active');
    await userEvent.click(revoke);
    expect(await within(consents).findByText(/Đã thu hồi sự đồng ý cho Trần Văn Hùng/)).toBeInTheDocument();
    expect(assistedState().consents[0]?.status).toBe('revoked');
    expect(await within(consents).findByText('Bạn đã thu hồi')).toBeInTheDocument();
    expect(within(consents).queryByRole('button', { name: /Thu hồi sự đồng ý/ })).not.toBeInTheDocument();
    expect(await within(audit).findByText('Bạn đã thu hồi sự đồng ý')).toBeInTheDocument();
  });

  it('says so when the consent ended meanwhile, in words, and shows it ended', async () => {
    const consentId = consentBySms();
    signIn();
    renderAt('/me/help');
    const consents = await screen.findByRole('region', { name: 'Sự đồng ý bạn đã cho' });
    const revoke = await within(consents).findByRole('button', { name: /Thu hồi sự đồng ý/ });
    expireConsentNow(consentId);
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    await userEvent.click(revoke);
    expect(await within(consents).findByRole('alert')).toHaveTextContent('Sự đồng ý này đã kết thúc trước đó, không cần thu hồi nữa.');
    expect(await within(consents).findByText('Đã hết hạn')).toBeInTheDocument();
  });

  it('offline: shows the copy kept on the phone, with its time, and offers no revoking', async () => {
    const consentId = consentBySms();
    fileWithHelp(consentId);
    signIn();
    renderAt('/me/help');
    await screen.findByText('Nộp hồ sơ thay bạn');
    // The copy is written once the page has the data.
    await waitFor(async () => expect((await loadSnapshot(CITIZEN, 'assisted:audit'))?.data).toMatchObject({ entries: expect.arrayContaining([expect.objectContaining({ action: 'submit-dossier' })]) }));
    await waitFor(async () => expect(await loadSnapshot(CITIZEN, 'assisted:consents')).toBeDefined());
    cleanup();
    forgetQueries();
    // A fresh start with no signal: the backend cannot be reached.
    act(() => setOnline(false));
    setFaults({ rules: [{ path: '/api/me/assisted', status: 'network' }] });
    renderAt('/me/help');
    expect(await screen.findByText(/Bạn đang ngoại tuyến\. Đây là bản lưu trên máy lúc/)).toBeInTheDocument();
    expect(screen.getByText('Nộp hồ sơ thay bạn')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Thu hồi sự đồng ý/ })).not.toBeInTheDocument();
  });

  it('rates the help once, apart from the dossier, with channel "assisted"', async () => {
    const consentId = consentBySms();
    signIn();
    const router = renderAt('/me/help');
    await userEvent.click(await screen.findByRole('link', { name: 'Đánh giá sự hỗ trợ của Trần Văn Hùng' }));
    const question = await screen.findByRole('group', { name: 'Bạn có hài lòng với sự hỗ trợ của Trần Văn Hùng không?' });
    // The dossier's nine indicators are about the office, not the volunteer: not asked here.
    expect(screen.queryByText('Cho chúng tôi biết thêm (không bắt buộc)')).not.toBeInTheDocument();
    const comment = screen.getByRole('textbox', { name: 'Ý kiến thêm (không bắt buộc)' });
    await userEvent.click(comment);
    await userEvent.paste('x'.repeat(501));
    await userEvent.click(within(question).getByRole('radio', { name: 'Rất hài lòng' }));
    await userEvent.click(screen.getByRole('button', { name: 'Gửi đánh giá' }));
    expect(await screen.findByRole('link', { name: /Ý kiến dài hơn 500 ký tự \(501 ký tự\)/ })).toBeInTheDocument();
    expect(assistedState().helpRatings).toEqual([]);
    await userEvent.clear(comment);
    await userEvent.type(comment, 'Anh Hùng kiên nhẫn');
    await userEvent.click(screen.getByRole('button', { name: 'Gửi đánh giá' }));
    expect(await screen.findByRole('heading', { name: 'Cảm ơn bạn đã đánh giá' })).toBeInTheDocument();
    expect(assistedState().helpRatings).toEqual([expect.objectContaining({ consentId, channel: 'assisted', overall: 'very-satisfied', comment: 'Anh Hùng kiên nhẫn' })]);

    await act(() => router.navigate('/me/help'));
    expect(await screen.findByText('Bạn đã đánh giá: Rất hài lòng')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Đánh giá sự hỗ trợ/ })).not.toBeInTheDocument();
  });

  it('says a rating of help was refused, in words, with the answer still chosen', async () => {
    const consentId = consentBySms();
    signIn();
    server.use(http.post('*/api/me/assisted/consents/:id/rating', () => problem(422, 'invalid-rating', 'Expected { overall, comment? }')));
    renderAt(`/me/help/${consentId}/rate`);
    const question = await screen.findByRole('group', { name: 'Bạn có hài lòng với sự hỗ trợ của Trần Văn Hùng không?' });
    await userEvent.click(within(question).getByRole('radio', { name: 'Hài lòng' }));
    await userEvent.click(screen.getByRole('button', { name: 'Gửi đánh giá' }));
    const refusal = await screen.findByRole('alert');
    await waitFor(() => expect(within(refusal).getByRole('heading', { name: 'Đánh giá chưa được nhận' })).toHaveFocus());
    expect(refusal).toHaveTextContent('Hệ thống không chấp nhận một số câu trả lời. Hãy kiểm tra và gửi lại.');
    expect(within(screen.getByRole('group', { name: 'Bạn có hài lòng với sự hỗ trợ của Trần Văn Hùng không?' })).getByRole('radio', { name: 'Hài lòng' })).toBeChecked();
    expect(assistedState().helpRatings).toEqual([]);
  });

  it('rates the help without a connection: it waits on the phone and is sent exactly once when the signal returns', async () => {
    const consentId = consentBySms();
    signIn();
    renderAt(`/me/help/${consentId}/rate`);
    const question = await screen.findByRole('group', { name: 'Bạn có hài lòng với sự hỗ trợ của Trần Văn Hùng không?' });
    setOnline(false);
    await userEvent.click(within(question).getByRole('radio', { name: 'Hài lòng' }));
    await userEvent.click(screen.getByRole('button', { name: 'Gửi đánh giá' }));
    expect(await screen.findByRole('heading', { name: 'Đang chờ gửi' })).toBeInTheDocument();
    expect(assistedState().helpRatings).toEqual([]);
    setOnline(true);
    expect(await screen.findByRole('heading', { name: 'Cảm ơn bạn đã đánh giá' }, { timeout: 10_000 })).toBeInTheDocument();
    expect(assistedState().helpRatings).toEqual([expect.objectContaining({ consentId, channel: 'assisted', overall: 'satisfied' })]);
    // Asked to send again (another online event): nothing more goes.
    act(() => window.dispatchEvent(new Event('mcs:drain-outbox')));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(assistedState().helpRatings).toHaveLength(1);
  });

  it('marks a dossier filed with help in the list and on the detail, linking to the trail', async () => {
    const code = fileWithHelp(consentBySms());
    signIn();
    const router = renderAt('/dossiers');
    const card = (await screen.findByRole('link', { name: 'Cấp Giấy xác nhận tình trạng hôn nhân' })).closest('li') as HTMLElement;
    expect(within(card).getByText('Nộp với sự hỗ trợ của Trần Văn Hùng')).toBeInTheDocument();
    await act(() => router.navigate(`/dossiers/${code}`));
    expect(await screen.findByText('Nộp với sự hỗ trợ của Trần Văn Hùng')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Xem ai đã làm gì thay bạn' })).toHaveAttribute('href', '/me/help');
  });

  it('is the resident’s own: another citizen sees none of it', async () => {
    fileWithHelp(consentBySms());
    signIn('vneid-092301004567', 'Lê Thị Lan');
    renderAt('/me/help');
    const consents = await screen.findByRole('region', { name: 'Sự đồng ý bạn đã cho' });
    expect(within(consents).getByText('Chưa có tình nguyện viên nào làm thủ tục thay bạn.')).toBeInTheDocument();
    expect(screen.queryByText(/Trần Văn Hùng/)).not.toBeInTheDocument();
  });
});
