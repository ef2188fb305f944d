import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { confirmConsent, startConsent } from '../../../mocks/assisted.ts';
import { validAnswers } from '../../../mocks/answers.ts';
import { issueAccessToken } from '../../../mocks/idp.ts';
import { sentSms } from '../../../mocks/sms.ts';
import { ACCESS_TOKEN_TYPE, CONSENT_TOKEN_TYPE, TOKEN_EXCHANGE_GRANT } from '../../api/assisted/schema.ts';
import { setActingSession } from '../../auth/session.ts';
import { wipePersonalData } from '../../auth/wipe.ts';
import { initI18n } from '../../i18n/i18n.ts';
import { beginPersonalSession, listOutbox, loadDraft, saveDraft } from '../../offline/personal-db.ts';
import { assistedSecret, drainOutbox, enqueue, type OutboxTransport } from '../../offline/outbox.ts';
import { submitDossier } from '../../api/dossiers/requests.ts';
import { VOLUNTEER } from '../../test/assisted.ts';
import { renderAt } from '../../test/render-route.tsx';
import { CITIZEN, signIn } from '../../test/session.ts';

/** The criminal-record certificate: filing it for someone else needs their written authorisation (docs/domain/assisted.md). */
const LLTP = '3.000333';
const RELATIONSHIP = /Bạn là gì của Nguyễn Văn An\?/;

/** Hùng helps An with the criminal-record certificate: consent by SMS code, the delegated token, the app acting as An. */
const helpAn = async (): Promise<string> => {
  signIn(VOLUNTEER, 'Trần Văn Hùng');
  const started = startConsent(VOLUNTEER, { residentIdNumber: '046095001234', scope: { procedures: [LLTP], data: ['identity', 'residence', 'contact'] }, minutes: 60 });
  if (!started.ok) throw new Error(started.title);
  const code = /Mã xác nhận: (\d{6})/.exec(sentSms('0912345678').at(-1)?.text ?? '')?.[1] ?? '';
  const grant = confirmConsent(VOLUNTEER, started.value.id, code);
  if (!grant.ok) throw new Error(grant.title);
  const response = await fetch('http://localhost:3000/idp/token', {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: TOKEN_EXCHANGE_GRANT,
      client_id: 'mot-cua-so',
      subject_token: grant.value.consentToken,
      subject_token_type: CONSENT_TOKEN_TYPE,
      actor_token: issueAccessToken(VOLUNTEER),
      actor_token_type: ACCESS_TOKEN_TYPE,
    }),
  });
  const { access_token: token } = (await response.json()) as { access_token: string };
  const claims = JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as { sub: string; exp: number };
  setActingSession({ sub: claims.sub, name: 'Nguyễn Văn An', accessToken: token, idToken: '', expiresAt: claims.exp, consentId: grant.value.consent.id, actorSub: VOLUNTEER });
  await draftFor(claims.sub);
  return claims.sub;
};

const draftFor = (owner: string, overrides: Record<string, unknown> = {}) =>
  saveDraft({
    owner,
    procedureId: LLTP,
    procedureName: 'Cấp Phiếu lý lịch tư pháp',
    definitionVersion: 1,
    values: validAnswers(LLTP, CITIZEN, overrides),
    provenance: {},
    prefilledCount: 0,
    updatedAt: new Date().toISOString(),
    attachments: [],
  });

beforeAll(async () => {
  await initI18n('vi');
});
beforeEach(async () => {
  sessionStorage.clear();
  setActingSession(null);
  await wipePersonalData();
  beginPersonalSession();
});
afterEach(() => {
  setActingSession(null);
  sessionStorage.clear();
});

describe('the documents step when a volunteer files for a resident', () => {
  it('asks who the volunteer is to the resident, then requires the written authorisation unless a relative the rule names', async () => {
    const owner = await helpAn();
    const user = userEvent.setup();
    renderAt(`/services/${LLTP}/apply/documents`);
    const relationship = await screen.findByRole('combobox', { name: RELATIONSHIP });
    const authorisation = await screen.findByRole('region', { name: /^Văn bản ủy quyền/ });
    // No relationship: said next to the field, nothing queued.
    await user.click(screen.getByRole('button', { name: 'Nộp hồ sơ' }));
    expect(await screen.findByText(/Hãy chọn quan hệ của bạn với người dân/)).toBeInTheDocument();
    expect(relationship).toHaveAttribute('aria-invalid', 'true');
    expect(await listOutbox(owner)).toEqual([]);
    // A volunteer with no family tie: the authorisation is required, and refused when missing.
    await user.selectOptions(relationship, 'none');
    expect(screen.getByText(/Nộp thay thủ tục này cần văn bản uỷ quyền của Nguyễn Văn An/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Nộp hồ sơ' }));
    expect(await within(authorisation).findByText('Cần đính kèm giấy tờ này')).toBeInTheDocument();
    expect(await listOutbox(owner)).toEqual([]);
    // Their child: none needed; queued with the relationship, for the backend to record.
    await user.selectOptions(relationship, 'child');
    expect(screen.getByText(/Với quan hệ bạn đã chọn, nộp thay cho Nguyễn Văn An không cần văn bản uỷ quyền/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Nộp hồ sơ' }));
    await screen.findByRole('heading', { name: /Đang chờ gửi|Đang gửi|Đã gửi|Biên nhận/ });
    const [queued] = await listOutbox(owner);
    expect(queued?.onBehalf).toEqual({ relationship: 'child' });
  });

  it('shows the backend’s refusal for want of the relationship next to the field', async () => {
    await helpAn();
    renderAt(`/services/${LLTP}/apply/documents?relationship=required`);
    const relationship = await screen.findByRole('combobox', { name: RELATIONSHIP });
    expect(relationship).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText(/Hãy chọn quan hệ của bạn với người dân/)).toBeInTheDocument();
  });

  it('asks nothing of a resident filing for themself', async () => {
    signIn();
    await draftFor(CITIZEN);
    renderAt(`/services/${LLTP}/apply/documents`);
    await screen.findByRole('region', { name: /^Văn bản ủy quyền/ });
    expect(screen.queryByRole('combobox', { name: /Bạn là gì của/ })).toBeNull();
  });
});

/** The Phiếu số 2 choice of the form, and what only the resident may ask for (Luật Lý lịch tư pháp 2009, art. 46(2)). */
const TYPE2 = /^Phiếu số 2/;
const NOT_OFFERED = 'Không nộp thay được: Nguyễn Văn An phải tự mình yêu cầu.';
const REFUSED = /Lựa chọn này không nộp thay được: người dân phải tự mình yêu cầu/;

/** Sends the outbox to the simulated backend as the app does, the resident's dossier with its delegated token. */
const backend: OutboxTransport = {
  upload: vi.fn(),
  submitDossier: (item, documents) => submitDossier({ procedureId: item.procedureId, values: item.values, documents }, item.id, assistedSecret(item.id)?.token),
  submitSupplement: vi.fn(),
  submitRating: vi.fn(),
  endConsent: vi.fn(),
};

describe('the e-form when a volunteer files for a resident: what only the resident may ask for', () => {
  it('offers Phiếu số 2 disabled, saying why beside it; Phiếu số 1 as usual', async () => {
    await helpAn();
    renderAt(`/services/${LLTP}/apply`);
    const type2 = await screen.findByRole('radio', { name: TYPE2 });
    expect(type2).toBeDisabled();
    expect(type2).toHaveAccessibleDescription(NOT_OFFERED);
    expect(screen.getByText(NOT_OFFERED)).toBeVisible();
    expect(screen.getByRole('radio', { name: /^Phiếu số 1/ })).toBeEnabled();
    expect(screen.getByRole('radio', { name: /^Phiếu số 1/ })).toBeChecked();
  });

  it('refuses Phiếu số 2 kept in a draft beside its field, and on the documents step, before anything is queued', async () => {
    const owner = await helpAn();
    await draftFor(owner, { certificateType: 'type2' });
    const user = userEvent.setup();
    const router = renderAt(`/services/${LLTP}/apply`);
    await user.click(await screen.findByRole('button', { name: /^Tiếp tục/ }));
    const group = screen.getByRole('group', { name: /Loại phiếu/ });
    expect(await within(group).findByText(REFUSED)).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`/services/${LLTP}/apply`);
    // Straight to the documents step: said, nothing queued, and one tap back to the field.
    router.navigate(`/services/${LLTP}/apply/documents`).catch(() => undefined);
    expect(await screen.findByText(/Tờ khai có lựa chọn không nộp thay được: Loại phiếu/)).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: RELATIONSHIP }), 'child');
    await user.click(screen.getByRole('button', { name: 'Nộp hồ sơ' }));
    expect(await listOutbox(owner)).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Sửa tờ khai' }));
    expect(await within(await screen.findByRole('group', { name: /Loại phiếu/ })).findByText(REFUSED)).toBeInTheDocument();
  });

  it('shows the backend’s refusal of a queued dossier at the field, losing nothing typed', async () => {
    const owner = await helpAn();
    // Queued by a version of the app that did not know the rule: the backend refuses it (422 answer-not-on-behalf).
    const values = validAnswers(LLTP, CITIZEN, { certificateType: 'type2', purposeOther: undefined, purpose: 'study' });
    await enqueue({ id: 'lltp-type2', owner, type: 'dossier', procedureId: LLTP, procedureName: 'Cấp Phiếu lý lịch tư pháp', values, form: { values, provenance: {}, prefilledCount: 0, definitionVersion: 1 }, attachments: [], onBehalf: { relationship: 'child' } });
    await drainOutbox(owner, backend);
    expect((await listOutbox(owner))[0]).toMatchObject({ state: 'failed', lastError: { code: 'answer-not-on-behalf', fields: [{ path: 'certificateType', code: 'validation.notOnBehalf' }] } });
    const user = userEvent.setup();
    const router = renderAt('/outbox/lltp-type2');
    expect(await screen.findByText(/Cơ quan không nhận một lựa chọn trong tờ khai khi nộp thay/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Sửa câu trả lời' }));
    await vi.waitFor(() => expect(router.state.location.pathname).toBe(`/services/${LLTP}/apply`));
    expect(await within(await screen.findByRole('group', { name: /Loại phiếu/ })).findByText(REFUSED)).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: /Mục đích sử dụng phiếu/ })).toHaveValue('study');
    expect((await loadDraft(owner, LLTP))?.values).toMatchObject({ purpose: 'study', certificateType: 'type2' });
    // Phiếu số 1 chosen instead: the refusal goes as the form is checked again.
    await user.click(screen.getByRole('radio', { name: /^Phiếu số 1/ }));
    await user.click(screen.getByRole('button', { name: /^Tiếp tục/ }));
    await vi.waitFor(() => expect(router.state.location.pathname).toBe(`/services/${LLTP}/apply/check`));
  });

  it('offers a resident filing for themself both certificates', async () => {
    signIn();
    await draftFor(CITIZEN);
    renderAt(`/services/${LLTP}/apply`);
    expect(await screen.findByRole('radio', { name: TYPE2 })).toBeEnabled();
    expect(screen.queryByText(/Không nộp thay được/)).toBeNull();
  });
});
