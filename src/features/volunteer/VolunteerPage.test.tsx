import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { startConsent } from '../../../mocks/assisted.ts';
import { advanceDossier } from '../../../mocks/dossiers/lifecycle.ts';
import { initI18n } from '../../i18n/i18n.ts';
import { consentBySms, fileWithHelp, MARITAL, VOLUNTEER } from '../../test/assisted.ts';
import { renderAt } from '../../test/render-route.tsx';
import { signIn } from '../../test/session.ts';
import { issueAccessToken } from '../../../mocks/idp.ts';
import { OIDC_STORAGE_PREFIX } from '../../auth/config.ts';
import { VOLUNTEER_ROLE } from '../../api/assisted/schema.ts';
import { clearSavedFiles, savedFiles } from '../../test/saved-files.ts';

vi.mock('../../components/documents/download.ts', () => import('../../test/saved-files.ts'));

beforeAll(async () => {
  await initI18n('vi');
});
beforeEach(() => {
  sessionStorage.clear();
  clearSavedFiles();
});

const LAN = { id: 'vneid-092301004567', idNumber: '092301004567', phone: '0987654321' };
const thisMonth = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 7);

describe('/volunteer', () => {
  it('shows residents helped and the dossiers by month, procedure and code only, and downloads the CSV', async () => {
    const first = fileWithHelp(consentBySms());
    const second = fileWithHelp(consentBySms(LAN), LAN.id);
    advanceDossier(second, 'in-progress');
    signIn(VOLUNTEER, 'Trần Văn Hùng');
    renderAt('/volunteer');
    const [year, month] = thisMonth().split('-');
    const section = await screen.findByRole('region', { name: `Tháng ${Number(month)} năm ${year}` });
    const figures = within(section).getAllByRole('definition').map((d) => d.textContent);
    expect(figures).toEqual(['2', '2']);
    expect(within(section).getAllByRole('listitem').map((li) => li.textContent).sort()).toEqual(['Đang giải quyết: 1', 'Đã tiếp nhận: 1']);
    const table = within(section).getByRole('table');
    const rows = within(table).getAllByRole('row').map((r) => within(r).queryAllByRole('cell').map((c) => c.textContent));
    expect(rows.slice(1).map((r) => r[1]).sort()).toEqual([first, second].sort());
    // Nothing personal: no resident's name, ID number or phone anywhere on the page.
    for (const personal of ['Nguyễn Văn An', 'Lê Thị Lan', '046095001234', LAN.idNumber, '0912345678', LAN.phone]) expect(document.body.textContent).not.toContain(personal);

    await userEvent.click(screen.getByRole('button', { name: 'Tải báo cáo CSV' }));
    await vi.waitFor(() => expect(savedFiles).toHaveLength(1));
    const text = new TextDecoder().decode(await savedFiles[0]!.blob.arrayBuffer());
    const lines = text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('month,procedure_id,procedure_name,dossier_code,status,submitted_at');
    expect(lines.slice(1).map((l) => l.split(',')[3]).sort()).toEqual([first, second].sort());
    expect(lines.every((l) => !l.includes('Nguyễn Văn An'))).toBe(true);
    expect(savedFiles[0]!.name).toMatch(/^ho-tro-nop-ho-so-\d{4}-\d{2}-\d{2}\.csv$/);
  });

  it('shows the flags the team lead sees', async () => {
    // The volunteer typed their own number for the resident: refused, and flagged.
    const refused = startConsent(VOLUNTEER, { residentIdNumber: '046095001234', phone: '0905111222', scope: { procedures: [MARITAL], data: ['identity'] }, minutes: 30 });
    expect(refused.ok).toBe(false);
    signIn(VOLUNTEER, 'Trần Văn Hùng');
    renderAt('/volunteer');
    const flags = await screen.findByRole('region', { name: 'Lưu ý của hệ thống' });
    expect(within(flags).getByText(/mã xác nhận được yêu cầu gửi đến số điện thoại của chính bạn/)).toBeInTheDocument();
    expect(screen.getByText('Bạn chưa hỗ trợ người dân nào.')).toBeInTheDocument();
  });

  it('tells anyone else the page is for volunteers', async () => {
    signIn();
    renderAt('/volunteer');
    expect(await screen.findByRole('heading', { name: 'Trang này dành cho tình nguyện viên' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Tải báo cáo CSV' })).not.toBeInTheDocument();
  });

  it('is offered in /me only to an account whose ID token carries the volunteer role', async () => {
    const jwt = (claims: object) => `e30.${btoa(JSON.stringify(claims)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')}.sig`;
    const session = (sub: string, name: string, idToken: string) =>
      sessionStorage.setItem(
        `${OIDC_STORAGE_PREFIX}user:test`,
        JSON.stringify({ access_token: issueAccessToken(sub), id_token: idToken, expires_at: Math.floor(Date.now() / 1000) + 3600, profile: { sub, name } }),
      );
    session(VOLUNTEER, 'Trần Văn Hùng', jwt({ sub: VOLUNTEER, roles: [VOLUNTEER_ROLE] }));
    renderAt('/me');
    expect(await screen.findByRole('link', { name: 'Trang tình nguyện viên của bạn' })).toHaveAttribute('href', '/volunteer');
    expect(screen.getByRole('link', { name: 'Tình nguyện viên đã làm thay bạn' })).toHaveAttribute('href', '/me/help');
    cleanup();
    sessionStorage.clear();
    session('vneid-046095001234', 'Nguyễn Văn An', jwt({ sub: 'vneid-046095001234' }));
    renderAt('/me');
    expect(await screen.findByRole('link', { name: 'Tình nguyện viên đã làm thay bạn' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Trang tình nguyện viên của bạn' })).not.toBeInTheDocument();
  });
});
