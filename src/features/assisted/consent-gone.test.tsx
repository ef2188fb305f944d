import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { act, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { revokeConsent } from '../../../mocks/assisted.ts';
import { issueAccessToken, issueDelegatedToken } from '../../../mocks/idp.ts';
import { checkForm } from '../../api/forms/requests.ts';
import { OIDC_STORAGE_PREFIX } from '../../auth/config.ts';
import { setActingSession } from '../../auth/session.ts';
import { ErrorPanel } from '../../components/errors/ErrorPanel.tsx';
import { initI18n } from '../../i18n/i18n.ts';
import { consentBySms, MARITAL, VOLUNTEER } from '../../test/assisted.ts';
import { renderAt } from '../../test/render-route.tsx';
import { CITIZEN } from '../../test/session.ts';

/**
 * The resident revokes their consent from their own phone while the volunteer is still helping
 * (docs/domain/assisted.md): the volunteer's next request is refused (403 `consent-revoked`), and
 * the phone says why — above every page and where it was refused — instead of "try again".
 */
beforeAll(async () => {
  await initI18n('vi');
});

beforeEach(() => {
  sessionStorage.setItem(
    `${OIDC_STORAGE_PREFIX}user:test`,
    JSON.stringify({ access_token: issueAccessToken(VOLUNTEER), id_token: '', expires_at: Math.floor(Date.now() / 1000) + 3600, profile: { sub: VOLUNTEER, name: 'Trần Văn Hùng' } }),
  );
});
afterEach(() => {
  act(() => setActingSession(null));
  sessionStorage.clear();
});

/** Helping An under a confirmed consent, with a delegated token the simulated backend knows. */
const helpingAn = (consentId: string) => {
  const token = `delegated-${crypto.randomUUID()}`;
  const expiresAt = Math.floor(Date.now() / 1000) + 3600;
  issueDelegatedToken(token, CITIZEN, { actorId: VOLUNTEER, consentId }, expiresAt * 1000);
  act(() => setActingSession({ sub: CITIZEN, name: 'Nguyễn Văn An', accessToken: token, idToken: '', expiresAt, consentId, actorSub: VOLUNTEER }));
};

describe('a consent revoked while the volunteer helps', () => {
  it('is said in the banner and where the request was refused, with End and no "try again"', async () => {
    const consentId = consentBySms();
    helpingAn(consentId);
    renderAt('/assist');
    const banner = await screen.findByRole('region', { name: 'Đang hỗ trợ người dân' }, { timeout: 10_000 });
    expect(within(banner).getByText(/^Đang hỗ trợ Nguyễn Văn An — đồng ý đến/)).toBeInTheDocument();
    expect(within(banner).queryByRole('alert')).not.toBeInTheDocument();

    expect(revokeConsent(CITIZEN, consentId).ok).toBe(true);
    const refused = await act(() => checkForm(MARITAL, {}).catch((error: unknown) => error));
    expect(refused).toMatchObject({ status: 403, code: 'consent-revoked' });
    expect(await within(banner).findByRole('alert')).toHaveTextContent('Nguyễn Văn An đã thu hồi sự đồng ý. Bạn không làm gì thay họ được nữa: hãy kết thúc phiên hỗ trợ.');
    expect(within(banner).getByRole('button', { name: 'Kết thúc' })).toBeEnabled();

    render(
      <MemoryRouter>
        <ErrorPanel error={refused} onRetry={() => undefined} headingLevel="h2" />
      </MemoryRouter>,
    );
    expect(await screen.findByRole('heading', { level: 2, name: 'Người dân đã thu hồi sự đồng ý' })).toBeInTheDocument();
    expect(screen.getByText(/Hãy kết thúc phiên hỗ trợ; nếu muốn, người dân có thể đồng ý lại hoặc tự nộp/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Thử lại' })).not.toBeInTheDocument();
  });

  it('is not claimed for a refusal within a running consent (a procedure it does not cover)', async () => {
    const consentId = consentBySms();
    helpingAn(consentId);
    renderAt('/assist');
    const banner = await screen.findByRole('region', { name: 'Đang hỗ trợ người dân' }, { timeout: 10_000 });
    const refused = await act(() => checkForm('3.000333', {}).catch((error: unknown) => error));
    expect(refused).toMatchObject({ status: 403, code: 'outside-consent' });
    expect(within(banner).getByText(/^Đang hỗ trợ Nguyễn Văn An — đồng ý đến/)).toBeInTheDocument();
    expect(within(banner).queryByRole('alert')).not.toBeInTheDocument();
  });
});
