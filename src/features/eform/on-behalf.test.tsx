import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
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
import { beginPersonalSession, listOutbox, saveDraft } from '../../offline/personal-db.ts';
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

const draftFor = (owner: string) =>
  saveDraft({
    owner,
    procedureId: LLTP,
    procedureName: 'Cấp Phiếu lý lịch tư pháp',
    definitionVersion: 1,
    values: validAnswers(LLTP, CITIZEN),
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
