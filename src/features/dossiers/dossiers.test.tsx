import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { advanceDossier, submitDossier } from '../../../mocks/dossiers/lifecycle.ts';
import { resetDossiers } from '../../../mocks/dossiers/state.ts';
import { trackDossier } from '../../../mocks/dossiers/tracking.ts';
import { db } from '../../../mocks/db.ts';
import { dataStoreFor } from '../../../mocks/idp.ts';
import { initI18n } from '../../i18n/i18n.ts';
import { openDB } from 'idb';
import { PERSONAL_DB, deleteOutboxItem, listOutbox, loadSnapshot, personalDb, putOutboxItem } from '../../offline/personal-db.ts';
import { validateTrackForm } from './TrackPage.tsx';
import { formatDateTime } from './format.ts';
import { todayInVietnam } from '../../lib/vn/dates.ts';
import { renderAt } from '../../test/render-route.tsx';
import { CITIZEN, signIn } from '../../test/session.ts';
import { outboxItem } from '../../test/factories.ts';


beforeAll(async () => {
  await initI18n('vi');
});

beforeEach(() => {
  resetDossiers();
  sessionStorage.clear();
});

afterEach(() => {
  sessionStorage.clear();
});

/** A dossier of An's (Phường Thuận Hoá, Huế): its office, and each required paper from the data store. */
const file = (procedureId: string, key: string, values: Record<string, unknown> = {}) => {
  const procedure = db.procedures.get(procedureId);
  const stored = dataStoreFor(CITIZEN)?.documents ?? [];
  if (!procedure) throw new Error(`no procedure ${procedureId}`);
  const office = `${procedure.agency.id}-${procedure.agency.tier === 'commune' ? '19789' : '46'}`;
  const documents = procedure.documents
    .filter((d) => !d.optional && !d.providedBy)
    .map((d) => ({ requirement: d.id, source: 'data-store' as const, ref: stored.find((doc) => d.accepts.includes(doc.type))?.id ?? '' }));
  const outcome = submitDossier(CITIZEN, key, { procedureId, values: { receivingAgency: office, ...values }, documents });
  if (!outcome.ok) throw new Error(outcome.title);
  return outcome.value.code;
};

describe('validateTrackForm', () => {
  it('normalises the code and requires exactly four digits', () => {
    expect(validateTrackForm(' 000.00.12.h62 - 201105 – 0004 ', ' 56 78 ')).toEqual({ code: '000.00.12.H62-201105-0004', phone: '5678', errors: {} });
    expect(validateTrackForm('', '').errors).toEqual({ code: 'codeRequired', phone: 'phoneRequired' });
    expect(validateTrackForm('000.00.12.H62-2011050004', '567').errors).toEqual({ code: 'codeFormat', phone: 'phoneFormat' });
    expect(validateTrackForm('000.00.12.H62-201105-0004', '12a4').errors).toEqual({ phone: 'phoneFormat' });
  });
});

describe('/track', () => {
  it('normalises a code typed in lower case with spaces, and finds the dossier without signing in', async () => {
    const code = file('1.001193', 'k1');
    const router = renderAt('/track');
    expect(await screen.findByRole('heading', { level: 1, name: 'Tra cứu hồ sơ' })).toBeInTheDocument();
    const spaced = code.toLowerCase().replace(/-/g, ' - ');
    await userEvent.type(screen.getByLabelText('Mã hồ sơ'), spaced);
    await userEvent.type(screen.getByLabelText('4 số cuối điện thoại'), '5678');
    await userEvent.click(screen.getByRole('button', { name: 'Tra cứu' }));

    const result = await screen.findByRole('region', { name: 'Kết quả tra cứu' });
    expect(screen.getByLabelText('Mã hồ sơ')).toHaveValue(code);
    expect(within(result).getByText(code)).toBeInTheDocument();
    expect(within(result).getByText('Đã tiếp nhận', { selector: '.status-chip' })).toBeInTheDocument();
    expect(within(result).getByText('Đăng ký khai sinh')).toBeInTheDocument();
    expect(within(result).getByRole('list', { name: 'Quá trình xử lý' })).toBeInTheDocument();
    await waitFor(() => expect(within(result).getByRole('heading', { name: 'Kết quả tra cứu' })).toHaveFocus());
    // Phone digits never go into the address bar.
    expect(router.state.location.search).toBe('');
  });

  it('explains a malformed code and sends nothing', async () => {
    renderAt('/track?code=000.00.12.H62-2011050004');
    const input = await screen.findByLabelText('Mã hồ sơ');
    expect(input).toHaveValue('000.00.12.H62-2011050004');
    await userEvent.type(screen.getByLabelText('4 số cuối điện thoại'), '12a4');
    await userEvent.click(screen.getByRole('button', { name: 'Tra cứu' }));

    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('heading', { name: 'Cần sửa thông tin' })).toBeInTheDocument();
    expect(within(summary).getByRole('link', { name: /Mã hồ sơ chưa đúng dạng/ })).toHaveAttribute('href', `#${input.id}`);
    expect(within(summary).getByRole('link', { name: 'Nhập đúng 4 chữ số, ví dụ 5678' })).toBeInTheDocument();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(/Mã hồ sơ chưa đúng dạng/);
    expect(screen.queryByRole('region', { name: 'Kết quả tra cứu' })).not.toBeInTheDocument();
    expect(screen.queryByText(/Không tìm thấy hồ sơ/)).not.toBeInTheDocument();
  });

  it('says the same thing for a wrong phone number as for an unknown code', async () => {
    const code = file('1.001193', 'k1');
    renderAt(`/track?code=${encodeURIComponent(code)}`);
    await userEvent.type(await screen.findByLabelText('4 số cuối điện thoại'), '0000');
    await userEvent.click(screen.getByRole('button', { name: 'Tra cứu' }));
    const wrongPhone = await screen.findByRole('heading', { name: 'Không tìm thấy hồ sơ với mã và số điện thoại này' });
    const message = wrongPhone.closest('[role="alert"]')?.textContent;

    await userEvent.clear(screen.getByLabelText('Mã hồ sơ'));
    await userEvent.type(screen.getByLabelText('Mã hồ sơ'), code.replace(/\d{4}$/, '0999'));
    await userEvent.clear(screen.getByLabelText('4 số cuối điện thoại'));
    await userEvent.type(screen.getByLabelText('4 số cuối điện thoại'), '5678');
    await userEvent.click(screen.getByRole('button', { name: 'Tra cứu' }));
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Không tìm thấy hồ sơ với mã và số điện thoại này' })).toHaveFocus());
    expect(screen.getByRole('heading', { name: 'Không tìm thấy hồ sơ với mã và số điện thoại này' }).closest('[role="alert"]')?.textContent).toBe(message);
    expect(screen.queryByRole('region', { name: 'Kết quả tra cứu' })).not.toBeInTheDocument();
  });
});

describe('/track when look-ups are paused', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('says when to try again (Retry-After as a time in Vietnam) and keeps what was typed', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-01T03:00:00Z'));
    const code = file('1.001193', 'k1');
    // Someone else guessed five times: the code is locked until 03:15 UTC, 10:15 in Vietnam.
    for (const digits of ['0001', '0002', '0003', '0004', '0005']) expect(trackDossier(code, digits, 'someone-else')).toMatchObject({ status: 404 });

    renderAt(`/track?code=${encodeURIComponent(code)}`);
    await userEvent.type(await screen.findByLabelText('4 số cuối điện thoại'), '5678');
    await userEvent.click(screen.getByRole('button', { name: 'Tra cứu' }));

    const heading = await screen.findByRole('heading', { name: 'Tạm dừng tra cứu' });
    expect(heading.closest('[role="alert"]')).toHaveTextContent('hãy thử lại sau 10:15');
    await waitFor(() => expect(heading).toHaveFocus());
    expect(screen.getByLabelText('Mã hồ sơ')).toHaveValue(code);
    expect(screen.getByLabelText('4 số cuối điện thoại')).toHaveValue('5678');
    expect(screen.queryByText(/Không tìm thấy hồ sơ/)).not.toBeInTheDocument();
  });
});

describe('/dossiers', () => {
  it('asks to sign in first', async () => {
    const router = renderAt('/dossiers');
    await waitFor(() => expect(router.state.location.pathname).toBe('/signin'));
    expect(router.state.location.search).toBe('?returnTo=%2Fdossiers');
  });

  it('lists the dossiers with their status in words, and searches without diacritics', async () => {
    const birth = file('1.001193', 'k1');
    const marriage = file('1.000894', 'k2');
    const residence = file('1.004194', 'k3');
    advanceDossier(marriage, 'supplement-requested');
    advanceDossier(residence, 'in-progress');
    advanceDossier(residence, 'result-ready');
    signIn();
    renderAt('/dossiers');
    expect(await screen.findByRole('heading', { level: 1, name: 'Hồ sơ của tôi' })).toBeInTheDocument();
    await screen.findByText(birth, {}, { timeout: 3000 });
    const card = (code: string) => screen.getByText(code).closest('li') as HTMLElement;
    expect(within(card(birth)).getByText('Đã tiếp nhận')).toHaveClass('status-chip');
    expect(within(card(marriage)).getByText('Cần bổ sung')).toHaveClass('status-chip');
    expect(within(card(residence)).getByText('Đã có kết quả')).toHaveClass('status-chip');
    expect(within(card(birth)).getByRole('link', { name: 'Đăng ký khai sinh' })).toHaveAttribute('href', `/dossiers/${encodeURIComponent(birth)}`);
    expect(screen.getByText('Có 3 hồ sơ')).toHaveAttribute('role', 'status');

    await userEvent.type(screen.getByRole('searchbox', { name: 'Tìm hồ sơ' }), 'ket hon');
    expect(screen.getByText('Tìm thấy 1 hồ sơ')).toBeInTheDocument();
    expect(screen.getByText(marriage)).toBeInTheDocument();
    expect(screen.queryByText(birth)).not.toBeInTheDocument();
    expect(screen.queryByText(residence)).not.toBeInTheDocument();

    await userEvent.clear(screen.getByRole('searchbox', { name: 'Tìm hồ sơ' }));
    await userEvent.type(screen.getByRole('searchbox', { name: 'Tìm hồ sơ' }), residence.slice(-11).toLowerCase());
    expect(screen.getByText(residence)).toBeInTheDocument();
    expect(screen.queryByText(marriage)).not.toBeInTheDocument();

    await userEvent.clear(screen.getByRole('searchbox', { name: 'Tìm hồ sơ' }));
    await userEvent.type(screen.getByRole('searchbox', { name: 'Tìm hồ sơ' }), 'giay phep lai xe');
    expect(screen.getByText('Không có hồ sơ nào khớp với “giay phep lai xe”.')).toBeInTheDocument();
  });

  it('shows unread notifications linking to their dossier, and marks them read', async () => {
    const birth = file('1.001193', 'k1');
    signIn();
    renderAt('/dossiers');
    const section = await screen.findByRole('region', { name: /Thông báo mới/ });
    expect(within(section).getByRole('link', { name: `Hồ sơ ${birth}: Đã tiếp nhận` })).toHaveAttribute('href', `/dossiers/${encodeURIComponent(birth)}`);
    await userEvent.click(within(section).getByRole('button', { name: 'Đánh dấu đã đọc' }));
    expect(await screen.findByText('Đã đánh dấu các thông báo là đã đọc.')).toHaveFocus();
    expect(screen.queryByRole('region', { name: /Thông báo mới/ })).not.toBeInTheDocument();
  });

  it('says so when a waiting submission an older version saved could not be read, and lists the rest', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    signIn();
    await personalDb(); // created and upgraded by the app, as on a phone that had it already
    const raw = await openDB(PERSONAL_DB);
    await raw.put('outbox', { id: 'outbox-old-1', owner: CITIZEN, state: 'queued', payload: { childFullName: 'Nguyễn Minh Châu' } });
    raw.close();
    await putOutboxItem(outboxItem({ id: 'outbox-good-1', owner: CITIZEN, state: 'failed', lastError: { kind: 'server' } }));
    try {
      renderAt('/dossiers');
      expect(await screen.findByText(/1 hồ sơ chờ gửi do phiên bản trước của ứng dụng lưu trên máy này không đọc được nữa/)).toBeInTheDocument();
      expect(await screen.findByRole('region', { name: 'Đang chờ gửi (1)' })).toBeInTheDocument();
      expect((await listOutbox(CITIZEN)).map((i) => i.id)).toEqual(['outbox-good-1']);
    } finally {
      await deleteOutboxItem('outbox-good-1');
    }
  });

  it('lists what waits in the outbox, with progress and the reason it failed, and sends it again', async () => {
    signIn();
    const item = outboxItem({
      id: 'outbox-test-1',
      owner: CITIZEN,
      values: {},
      attachments: [],
      state: 'failed',
      createdAt: new Date().toISOString(),
      attempts: 1,
      lastError: { kind: 'invalid-input', code: 'unknown-document' },
      progress: 0.4,
    });
    await putOutboxItem(item);
    const drain = vi.fn();
    window.addEventListener('mcs:drain-outbox', drain);
    try {
      renderAt('/dossiers');
      const section = await screen.findByRole('region', { name: 'Đang chờ gửi (1)' });
      expect(within(section).getByText('Gửi không thành công')).toBeInTheDocument();
      expect(within(section).getByRole('progressbar', { name: 'Tiến độ tải lên: Đăng ký khai sinh' })).toHaveAttribute('value', '0.4');
      expect(within(section).getByText('Lần gửi trước: hệ thống không chấp nhận một số thông tin hoặc giấy tờ.')).toBeInTheDocument();
      await userEvent.click(within(section).getByRole('button', { name: /^Gửi lại\s*Đăng ký khai sinh$/ }));
      await waitFor(() => expect(drain).toHaveBeenCalledTimes(1));
      // Queued again (the outbox agent may already be sending it): no longer failed, error cleared.
      const stored = (await listOutbox(CITIZEN)).find((i) => i.id === item.id);
      expect(stored?.state).not.toBe('failed');
      expect(stored?.lastError).toBeUndefined();
      await waitFor(() => expect(within(section).queryByText('Gửi không thành công')).not.toBeInTheDocument());
      expect(screen.getByText('Đang gửi lại “Đăng ký khai sinh”.')).toHaveAttribute('role', 'status');
    } finally {
      window.removeEventListener('mcs:drain-outbox', drain);
      await deleteOutboxItem(item.id);
    }
  });

  it('says when an application told to wait (429 with Retry-After) will be sent again', async () => {
    signIn();
    const retryAt = new Date(Date.now() + 10 * 60_000);
    const item = outboxItem({
      id: 'outbox-test-429',
      owner: CITIZEN,
      values: {},
      attachments: [],
      state: 'queued',
      createdAt: new Date().toISOString(),
      attempts: 1,
      lastError: { kind: 'rate-limited', code: 'daily-dossiers-quota' },
      progress: 0,
      retryAt: retryAt.toISOString(),
    });
    await putOutboxItem(item);
    try {
      renderAt('/dossiers');
      const section = await screen.findByRole('region', { name: 'Đang chờ gửi (1)' });
      expect(within(section).getByText(`Hệ thống đang quá tải: máy sẽ gửi lại lúc ${formatDateTime(retryAt.toISOString(), 'vi')}.`)).toBeInTheDocument();
    } finally {
      await deleteOutboxItem(item.id);
    }
  });

  it('falls back on the last saved list when offline, saying how old it is', async () => {
    const birth = file('1.001193', 'k1');
    signIn();
    renderAt('/dossiers');
    expect(await screen.findByText(birth)).toBeInTheDocument();
    await waitFor(async () => expect((await loadSnapshot(CITIZEN, 'dossiers'))?.data).toMatchObject({ dossiers: [{ code: birth }] }));
    cleanup();

    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    window.dispatchEvent(new Event('offline'));
    try {
      renderAt('/dossiers');
      expect(await screen.findByText(/^Trạng thái lúc \d\d:\d\d \d\d\/\d\d\/\d{4} — bạn đang ngoại tuyến$/)).toBeInTheDocument();
      expect(screen.getByText(birth)).toBeInTheDocument();
      expect(screen.getByText('Đã tiếp nhận', { selector: '.status-chip' })).toBeInTheDocument();
    } finally {
      onLine.mockRestore();
      window.dispatchEvent(new Event('online'));
    }
  });
});

describe('/dossiers/:code', () => {
  it('shows a translated not-found panel for a code that is not the citizen’s', async () => {
    signIn();
    renderAt('/dossiers/000.00.31.H99-260101-0999');
    expect(await screen.findByRole('heading', { level: 1, name: 'Không tìm thấy hồ sơ' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Thử lại' })).not.toBeInTheDocument();
  });

  it('shows the office’s request for more documents and withdraws after confirming', async () => {
    const code = file('1.001193', 'k1');
    advanceDossier(code, 'supplement-requested');
    signIn();
    renderAt(`/dossiers/${encodeURIComponent(code)}?payment=paid`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Đăng ký khai sinh' })).toBeInTheDocument();
    expect(screen.getByText(code, { selector: 'p.code' })).toBeInTheDocument();
    expect(screen.getByText('Cần bổ sung', { selector: '.status-chip' })).toBeInTheDocument();
    // An address that claims a payment this dossier never had (no fee here) says nothing about it.
    expect(screen.queryByText('Thanh toán thành công. Cảm ơn bạn!')).not.toBeInTheDocument();
    const supplement = screen.getByRole('region', { name: 'Cơ quan yêu cầu bổ sung' });
    expect(within(supplement).getByText(/Ảnh chụp Giấy chứng sinh bị mờ/)).toBeInTheDocument();
    expect(within(supplement).getByRole('link', { name: 'Bổ sung giấy tờ' })).toHaveAttribute('href', `/dossiers/${encodeURIComponent(code)}/supplement`);
    expect(screen.getByRole('link', { name: 'Xem biên nhận' })).toHaveAttribute('href', `/dossiers/${encodeURIComponent(code)}/receipt`);

    await userEvent.click(screen.getByRole('button', { name: 'Rút hồ sơ' }));
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Bạn chắc chắn muốn rút hồ sơ này?' })).toHaveFocus());
    await userEvent.click(screen.getByRole('button', { name: 'Xác nhận rút hồ sơ' }));
    await waitFor(() => expect(screen.getByText(`Đã rút hồ sơ ${code}.`)).toHaveFocus());
    expect(screen.getByText('Đã rút', { selector: '.status-chip' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Rút hồ sơ' })).not.toBeInTheDocument();
  });
});

describe('a late registration', () => {
  it('says "late registration" on the dossier’s page and receipt where the backend flagged it, and nowhere else', async () => {
    const late = file('1.001193', 'k-late', { childDateOfBirth: todayInVietnam(new Date(Date.now() - 75 * 86_400_000)) });
    const onTime = file('1.001193', 'k-on-time', { childDateOfBirth: todayInVietnam(new Date(Date.now() - 20 * 86_400_000)) });
    signIn();
    renderAt(`/dossiers/${encodeURIComponent(late)}`);
    const term = await screen.findByText('Đăng ký quá hạn', { selector: 'dt' });
    expect(term.nextElementSibling).toHaveTextContent('Nộp sau 75 ngày (thời hạn 60 ngày). Cơ quan vẫn tiếp nhận và giải quyết như bình thường.');
    cleanup();
    renderAt(`/dossiers/${encodeURIComponent(late)}/receipt`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Biên nhận hồ sơ' })).toBeInTheDocument();
    expect(screen.getByText('Đăng ký quá hạn')).toBeInTheDocument();
    expect(screen.getByText(/^Nộp sau 75 ngày \(thời hạn 60 ngày\)/)).toBeInTheDocument();
    cleanup();
    renderAt(`/dossiers/${encodeURIComponent(onTime)}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Đăng ký khai sinh' })).toBeInTheDocument();
    expect(screen.queryByText('Đăng ký quá hạn')).not.toBeInTheDocument();
  });
});

describe('/dossiers/:code/receipt', () => {
  it('shows the code, a QR code that opens the tracking page, and what happens next', async () => {
    const code = file('1.001193', 'k1');
    signIn();
    renderAt(`/dossiers/${encodeURIComponent(code)}/receipt`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Biên nhận hồ sơ' })).toBeInTheDocument();
    expect(await screen.findByRole('img', { name: `Mã QR để tra cứu hồ sơ ${code}` })).toBeInTheDocument();
    expect(screen.getByText(`Tra cứu tại: ${window.location.origin}/track?code=${encodeURIComponent(code)}`)).toBeInTheDocument();
    expect(screen.getByText('Nguyễn Văn An')).toBeInTheDocument();
    expect(screen.getByText(/Cơ quan đã tiếp nhận hồ sơ/)).toBeInTheDocument();
    expect(screen.getByText(/^Hẹn trả kết quả trước ngày \d\d\/\d\d\/\d{4}\.$/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'In biên nhận' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Trang tra cứu hồ sơ' })).toHaveAttribute('href', `/track?code=${encodeURIComponent(code)}`);
  });

  it('offers to pay a fee still due, here and in the list', async () => {
    const code = file('3.000333', 'k-fee');
    signIn();
    renderAt(`/dossiers/${encodeURIComponent(code)}/receipt`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Biên nhận hồ sơ' })).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: /^Nộp phí: 200\.000/ })).toHaveAttribute('href', `/dossiers/${encodeURIComponent(code)}/pay`);
    expect(screen.getByText('Chưa nộp phí', { selector: '.status-chip' })).toBeInTheDocument();
    cleanup();
    renderAt('/dossiers');
    const card = (await screen.findByRole('link', { name: /Lý lịch tư pháp/i })).closest('li') as HTMLElement;
    expect(within(card).getByText('Chưa nộp phí')).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: /^Nộp phí: 200\.000/ })).toBeInTheDocument();
  });

  it('no longer gives a due date once the result is ready', async () => {
    const code = file('1.001193', 'k-done');
    advanceDossier(code, 'in-progress');
    advanceDossier(code, 'result-ready');
    signIn();
    renderAt(`/dossiers/${encodeURIComponent(code)}/receipt`);
    expect(await screen.findByText(/^Đã có kết quả\. Bạn có thể tải kết quả điện tử/)).toBeInTheDocument();
    expect(screen.queryByText(/Hẹn trả kết quả trước ngày/)).not.toBeInTheDocument();
    expect(screen.queryByText('Hạn trả kết quả')).not.toBeInTheDocument();
  });
});
