import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { openDB } from 'idb';
import { initI18n } from '../../i18n/i18n.ts';
import { PERSONAL_DB, beginPersonalSession, closePersonalDb, listDrafts, personalDb } from '../../offline/personal-db.ts';
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

const NOTICE = /Bản nháp lưu trên máy này từ phiên bản trước của ứng dụng không đọc được nữa/;

describe('the e-form and a draft an older version left on the phone', () => {
  it('starts afresh from the data store, says why, and keeps no unreadable draft', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const db = await openDB(PERSONAL_DB);
    await db.put('drafts', { owner: CITIZEN, procedureId: '1.001193', values: 'Nguyễn Minh Châu', savedAt: 1732064400000 });
    db.close();

    renderAt('/services/1.001193/apply');
    expect(await screen.findByRole('heading', { level: 1, name: 'Tờ khai đăng ký khai sinh' })).toBeInTheDocument();
    expect(await screen.findByText(NOTICE)).toBeInTheDocument();
    expect(screen.getByText(NOTICE).closest('[role="status"]')).not.toBeNull();
    // The form is there, filled from the data store, and a readable draft replaced the old one.
    expect(await screen.findByText(/Đã điền sẵn \d+ trên \d+ mục/)).toBeInTheDocument();
    const [draft] = await listDrafts(CITIZEN);
    expect(draft?.prefilledCount).toBeGreaterThan(0);
  });

  it('says nothing of the kind when the draft is readable', async () => {
    renderAt('/services/1.001193/apply');
    expect(await screen.findByText(/Đã điền sẵn \d+ trên \d+ mục/)).toBeInTheDocument();
    expect(screen.queryByText(NOTICE)).not.toBeInTheDocument();
  });
});
