import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { initI18n } from '../../i18n/i18n.ts';
import { beginPersonalSession, closePersonalDb, listOutbox, personalDb, saveDraft } from '../../offline/personal-db.ts';
import { wipePersonalData } from '../../auth/wipe.ts';
import { renderAt } from '../../test/render-route.tsx';
import { CITIZEN, signIn } from '../../test/session.ts';

beforeAll(async () => {
  await initI18n('vi');
});

beforeEach(async () => {
  await wipePersonalData();
  beginPersonalSession();
  await personalDb();
  await closePersonalDb();
  signIn();
});

const draft = (attachments: Parameters<typeof saveDraft>[0]['attachments'], values: Record<string, unknown> = {}, procedureId = '1.001193') =>
  saveDraft({
    owner: CITIZEN,
    procedureId,
    procedureName: 'Đăng ký khai sinh',
    definitionVersion: 1,
    values,
    provenance: {},
    prefilledCount: 0,
    updatedAt: new Date().toISOString(),
    attachments,
  });

describe('the documents step', () => {
  it('refuses a health-insurance card offered as the birth notice, next to that paper, and queues nothing', async () => {
    await draft([{ kind: 'data-store', requirement: 'giay-chung-sinh', documentId: 'doc-an-bhyt', title: 'Thẻ bảo hiểm y tế' }]);
    renderAt('/services/1.001193/apply/documents');
    const notice = await screen.findByRole('region', { name: /^Giấy chứng sinh/ });
    // The data store must be loaded for the check to know the paper's type.
    await within(notice).findByRole('option', { name: /Thẻ bảo hiểm y tế/ });
    await userEvent.click(screen.getByRole('button', { name: 'Nộp hồ sơ' }));
    expect(await within(notice).findByText(/Giấy tờ này không dùng được cho mục này\. Hãy chọn Giấy chứng sinh trong kho dữ liệu/)).toBeInTheDocument();
    expect(await listOutbox(CITIZEN)).toEqual([]);
  });

  it('shows the refusal the office sent back, next to the paper, with nothing lost', async () => {
    await draft([{ kind: 'data-store', requirement: 'giay-chung-sinh', documentId: 'doc-an-bhyt', title: 'Thẻ bảo hiểm y tế' }]);
    renderAt('/services/1.001193/apply/documents?refused=giay-chung-sinh');
    const notice = await screen.findByRole('region', { name: /^Giấy chứng sinh/ });
    expect(await within(notice).findByText(/Giấy tờ này không dùng được cho mục này/)).toBeInTheDocument();
  });

  it('shows the fee the office will charge: 205.000 ₫ for 3 criminal-record certificates', async () => {
    await draft([], { copyCount: 3 }, '3.000333');
    renderAt('/services/3.000333/apply/documents');
    expect(await screen.findByText(/Phí, lệ phí: 205\.000/)).toBeInTheDocument();
  });
});
