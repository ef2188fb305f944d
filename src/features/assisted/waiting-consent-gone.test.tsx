import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import { validAnswers } from '../../../mocks/answers.ts';
import { endConsent, revokeConsent } from '../../../mocks/assisted.ts';
import { issueAccessToken, issueDelegatedToken } from '../../../mocks/idp.ts';
import { submitDossier } from '../../api/dossiers/requests.ts';
import { ApiError } from '../../api/errors.ts';
import { OIDC_STORAGE_PREFIX } from '../../auth/config.ts';
import { setActingSession } from '../../auth/session.ts';
import { assistedSecret, drainOutbox, enqueue, listAssistedWaiting, type OutboxTransport } from '../../offline/outbox.ts';
import { consentBySms, MARITAL, VOLUNTEER } from '../../test/assisted.ts';
import { personalPageTests } from '../../test/page-setup.ts';
import { renderAt } from '../../test/render-route.tsx';
import { CITIZEN } from '../../test/session.ts';

/**
 * A resident's dossier queued on the volunteer's phone whose consent the resident revoked (or
 * that ended) before the signal returned (docs/domain/assisted.md): the backend refuses it with
 * 403 `consent-revoked` / `consent-ended`. /assist says so — not that the office refused it — and
 * what can be done, and the dossier stays on the phone.
 */
const RESIDENT_NAME = 'Nguyễn Văn An';

personalPageTests();

beforeEach(() => {
  const claims = Buffer.from(JSON.stringify({ sub: VOLUNTEER, name: 'Trần Văn Hùng', roles: ['community-digital-volunteer'], volunteer_team: 'Tổ công nghệ số cộng đồng phường Kim Long' })).toString('base64url');
  sessionStorage.setItem(
    `${OIDC_STORAGE_PREFIX}user:test`,
    JSON.stringify({ access_token: issueAccessToken(VOLUNTEER), id_token: `e30.${claims}.sig`, expires_at: Math.floor(Date.now() / 1000) + 3600, profile: { sub: VOLUNTEER, name: 'Trần Văn Hùng' } }),
  );
});
afterEach(() => {
  act(() => setActingSession(null));
});

/** The outbox's requests as the app makes them: the dossier with the resident's delegated token. */
const transport: OutboxTransport = {
  upload: vi.fn(),
  submitDossier: (item, documents) => submitDossier({ procedureId: item.procedureId, values: item.values, documents }, item.id, assistedSecret(item.id)?.token),
  submitSupplement: vi.fn(),
  submitRating: vi.fn(),
  endConsent: vi.fn(async () => undefined),
};

/** Hùng filed An's dossier offline under a consent, then ended the help; the dossier waits. */
const queuedForAn = async (): Promise<string> => {
  const consentId = consentBySms();
  const token = `delegated-${crypto.randomUUID()}`;
  const expiresAt = Math.floor(Date.now() / 1000) + 3600;
  issueDelegatedToken(token, CITIZEN, { actorId: VOLUNTEER, consentId }, expiresAt * 1000);
  setActingSession({ sub: CITIZEN, name: RESIDENT_NAME, accessToken: token, idToken: '', expiresAt, consentId, actorSub: VOLUNTEER });
  await enqueue({ id: 'waiting-1', owner: CITIZEN, type: 'dossier', procedureId: MARITAL, procedureName: 'Cấp Giấy xác nhận tình trạng hôn nhân', values: validAnswers(MARITAL, CITIZEN), attachments: [] });
  setActingSession(null);
  return consentId;
};

describe('a waiting dossier whose consent no longer holds', () => {
  it('says the resident withdrew consent, what they can do, and keeps the dossier — not that the office refused it', async () => {
    const consentId = await queuedForAn();
    expect(revokeConsent(CITIZEN, consentId).ok).toBe(true);
    await drainOutbox(VOLUNTEER, transport);
    expect(await listAssistedWaiting()).toMatchObject([{ id: 'waiting-1', state: 'failed', lastError: { code: 'consent-revoked' } }]);

    renderAt('/assist?ended=1');
    const waiting = await screen.findByRole('region', { name: '1 hồ sơ của người dân đang chờ gửi' }, { timeout: 10_000 });
    expect(within(waiting).getByRole('alert')).toHaveTextContent(
      'Nguyễn Văn An đã thu hồi sự đồng ý trước khi hồ sơ được gửi, nên cơ quan chưa nhận hồ sơ này. Hồ sơ vẫn được giữ trên điện thoại: Nguyễn Văn An có thể tự nộp, hoặc đồng ý lại (bắt đầu hỗ trợ lần nữa) để hồ sơ được gửi.',
    );
    expect(within(waiting).queryByText(/Cơ quan không nhận hồ sơ này/)).not.toBeInTheDocument();
  });

  it('says the consent ended (ended elsewhere before the signal returned), keeping the dossier', async () => {
    const consentId = await queuedForAn();
    expect(endConsent(VOLUNTEER, consentId).ok).toBe(true);
    await drainOutbox(VOLUNTEER, transport);
    expect(await listAssistedWaiting()).toMatchObject([{ id: 'waiting-1', state: 'failed', lastError: { code: 'consent-ended' } }]);

    renderAt('/assist?ended=1');
    const waiting = await screen.findByRole('region', { name: '1 hồ sơ của người dân đang chờ gửi' }, { timeout: 10_000 });
    expect(within(waiting).getByRole('alert')).toHaveTextContent(/^Sự đồng ý của Nguyễn Văn An cho phiên hỗ trợ đã kết thúc trước khi hồ sơ được gửi/);
    expect(within(waiting).queryByText(/Cơ quan không nhận hồ sơ này/)).not.toBeInTheDocument();
  });

  it('still says the office refused it when it did', async () => {
    await queuedForAn();
    await drainOutbox(VOLUNTEER, { ...transport, submitDossier: () => Promise.reject(new ApiError('invalid-input', 'HTTP 422', { status: 422, code: 'procedure-not-online' })) });
    renderAt('/assist?ended=1');
    const waiting = await screen.findByRole('region', { name: '1 hồ sơ của người dân đang chờ gửi' }, { timeout: 10_000 });
    expect(within(waiting).getByText('Cơ quan không nhận hồ sơ này. Hãy liên hệ người dân.')).toBeInTheDocument();
    expect(within(waiting).queryByRole('alert')).not.toBeInTheDocument();
  });
});
