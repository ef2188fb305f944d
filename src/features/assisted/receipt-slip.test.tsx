import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { issueDelegatedToken } from '../../../mocks/idp.ts';
import { setActingSession } from '../../auth/session.ts';
import { wipePersonalData } from '../../auth/wipe.ts';
import { initI18n } from '../../i18n/i18n.ts';
import { drainOutbox, enqueue, type OutboxTransport } from '../../offline/outbox.ts';
import { beginPersonalSession } from '../../offline/personal-db.ts';
import { consentBySms, fileWithHelp, VOLUNTEER } from '../../test/assisted.ts';
import { renderAt } from '../../test/render-route.tsx';
import { CITIZEN } from '../../test/session.ts';
import { OIDC_STORAGE_PREFIX } from '../../auth/config.ts';
import { issueAccessToken } from '../../../mocks/idp.ts';

/**
 * The receipt reaches the resident (docs/domain/assisted.md): on the volunteer's screen a slip
 * with the QR code to scan and a print of its own, right after sending and, while the help is
 * open, for what the outbox sent later; once the help has ended, the screen says the SMS is it.
 */
const RESIDENT_NAME = 'Nguyễn Văn An';

beforeAll(async () => {
  await initI18n('vi');
});

/** Hùng signed in as himself, his ID token naming his role (volunteerClaims reads it). */
const volunteerSignedIn = () => {
  const claims = Buffer.from(JSON.stringify({ sub: VOLUNTEER, name: 'Trần Văn Hùng', roles: ['community-digital-volunteer'], volunteer_team: 'Tổ công nghệ số cộng đồng phường Kim Long' })).toString('base64url');
  sessionStorage.setItem(
    `${OIDC_STORAGE_PREFIX}user:test`,
    JSON.stringify({ access_token: issueAccessToken(VOLUNTEER), id_token: `e30.${claims}.sig`, expires_at: Math.floor(Date.now() / 1000) + 3600, profile: { sub: VOLUNTEER, name: 'Trần Văn Hùng' } }),
  );
};

/** Helping An under a confirmed consent, with a delegated token the simulated backend knows. */
const helpingAn = (consentId: string) => {
  const token = `delegated-${crypto.randomUUID()}`;
  const expiresAt = Math.floor(Date.now() / 1000) + 3600;
  issueDelegatedToken(token, CITIZEN, { actorId: VOLUNTEER, consentId }, expiresAt * 1000);
  setActingSession({ sub: CITIZEN, name: RESIDENT_NAME, accessToken: token, idToken: '', expiresAt, consentId, actorSub: VOLUNTEER });
};

const transport = (code: string): OutboxTransport => ({
  upload: vi.fn(),
  submitDossier: vi.fn(async () => ({ code })),
  submitSupplement: vi.fn(),
  submitRating: vi.fn(),
  endConsent: vi.fn(async () => undefined),
});

beforeEach(async () => {
  sessionStorage.clear();
  await wipePersonalData();
  beginPersonalSession();
  volunteerSignedIn();
});
afterEach(() => {
  act(() => setActingSession(null));
  sessionStorage.clear();
  vi.restoreAllMocks();
});

describe('the receipt slip for the resident', () => {
  it('shows on the receipt while helping: code, procedure, date, QR and tracking link, nothing personal; prints alone', async () => {
    const consentId = consentBySms();
    const code = fileWithHelp(consentId);
    helpingAn(consentId);
    renderAt(`/dossiers/${encodeURIComponent(code)}/receipt`);
    const slip = await screen.findByRole('region', { name: 'Phiếu biên nhận cho người dân' }, { timeout: 10_000 });
    expect(within(slip).getByText(code)).toBeInTheDocument();
    expect(within(slip).getByText('Cấp Giấy xác nhận tình trạng hôn nhân')).toBeInTheDocument();
    expect(within(slip).getByRole('img', { name: `Mã QR để tra cứu hồ sơ ${code}` })).toBeInTheDocument();
    expect(within(slip).getByText(new RegExp(`Tra cứu tại: .*/track\\?code=${code.replace(/\./g, '\\.')}`))).toBeInTheDocument();
    expect(within(slip).getByText('Nộp với sự hỗ trợ của tình nguyện viên Trần Văn Hùng.')).toBeInTheDocument();
    expect(slip.textContent).not.toContain(RESIDENT_NAME);
    expect(slip.textContent).not.toMatch(/0912345678|046095001234/);
    // Only the resident themself replaces their QR code.
    expect(screen.queryByRole('button', { name: /mã QR mới|Đổi mã QR/i })).not.toBeInTheDocument();
    let printedAlone = false;
    vi.spyOn(window, 'print').mockImplementation(() => {
      printedAlone = document.documentElement.classList.contains('printing-slip');
    });
    await userEvent.click(within(slip).getByRole('button', { name: 'In phiếu cho người dân' }));
    expect(printedAlone).toBe(true);
    expect(document.documentElement.classList.contains('printing-slip')).toBe(false);
  });

  it('shows for a dossier the outbox sent later, from the help page, while the help is open', async () => {
    const consentId = consentBySms();
    const code = fileWithHelp(consentId);
    helpingAn(consentId);
    await enqueue({ id: 'later-1', owner: CITIZEN, type: 'dossier', procedureId: '1.004873', procedureName: 'Cấp Giấy xác nhận tình trạng hôn nhân', values: { fullName: RESIDENT_NAME }, attachments: [] });
    await drainOutbox(VOLUNTEER, transport(code));
    renderAt('/assist');
    const sent = await screen.findByRole('region', { name: `1 hồ sơ đã gửi của ${RESIDENT_NAME}` }, { timeout: 10_000 });
    await userEvent.click(within(sent).getByText(new RegExp(`${code.replace(/\./g, '\\.')}: xem phiếu biên nhận`)));
    const slip = within(sent).getByRole('region', { name: 'Phiếu biên nhận cho người dân' });
    expect(within(slip).getByRole('img', { name: `Mã QR để tra cứu hồ sơ ${code}` })).toBeInTheDocument();
    expect(within(slip).getByRole('button', { name: 'In phiếu cho người dân' })).toBeInTheDocument();
    expect(screen.queryByText(/phiên hỗ trợ đã kết thúc nên điện thoại này không hiển thị phiếu/)).not.toBeInTheDocument();
  });

  it('says, once the help has ended, that the SMS is what reaches the resident', async () => {
    const consentId = consentBySms();
    helpingAn(consentId);
    await enqueue({ id: 'waiting-1', owner: CITIZEN, type: 'dossier', procedureId: '1.004873', procedureName: 'Cấp Giấy xác nhận tình trạng hôn nhân', values: { fullName: RESIDENT_NAME }, attachments: [] });
    act(() => setActingSession(null));
    renderAt('/assist?ended=1');
    const waiting = await screen.findByRole('region', { name: '1 hồ sơ của người dân đang chờ gửi' }, { timeout: 10_000 });
    expect(within(waiting).getByText(/biên nhận \(mã hồ sơ và đường dẫn tra cứu\) đến người dân bằng tin nhắn SMS/)).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Phiếu biên nhận cho người dân' })).not.toBeInTheDocument();
  });
});
