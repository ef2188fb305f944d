import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import i18next from 'i18next';
import { initI18n } from '../../i18n/i18n.ts';
import { beginPersonalSession, closePersonalDb, personalDb, putOutboxItem, saveDraft } from '../../offline/personal-db.ts';
import { wipePersonalData } from '../../auth/wipe.ts';
import { renderAt } from '../../test/render-route.tsx';
import { CITIZEN, signIn } from '../../test/session.ts';

/** The e-form's papers and the outbox for a reader of English (docs/architecture/decisions.md, 15). */
const ONLY_VI = 'This part is only available in Vietnamese.';

beforeAll(async () => {
  await initI18n('en');
});
afterAll(async () => {
  await i18next.changeLanguage('vi');
});

beforeEach(async () => {
  await i18next.changeLanguage('en');
  await wipePersonalData();
  beginPersonalSession();
  await personalDb();
  await closePersonalDb();
  signIn();
});

const draft = (procedureId: string, procedureName: string) =>
  saveDraft({ owner: CITIZEN, procedureId, procedureName, definitionVersion: 1, values: {}, provenance: {}, prefilledCount: 0, updatedAt: new Date().toISOString(), attachments: [] });

const refusedItem = (id: string, procedureId: string, procedureName: string, requirement: string) =>
  putOutboxItem({
    id,
    owner: CITIZEN,
    type: 'dossier',
    procedureId,
    procedureName,
    values: {},
    attachments: [],
    state: 'failed',
    createdAt: new Date().toISOString(),
    attempts: 1,
    lastError: { kind: 'invalid-input', code: 'papers-refused', requirements: [requirement] },
    progress: 0,
  });

describe('the documents step in English', () => {
  it('names each paper in English where the backend has the English, with no note', async () => {
    await draft('1.001193', 'Đăng ký khai sinh');
    renderAt('/services/1.001193/apply/documents');
    const notice = await screen.findByRole('region', { name: /^Birth notice \(from the hospital or midwife\)/ });
    expect(within(notice).getByText('Birth notice (from the hospital or midwife)')).not.toHaveAttribute('lang');
    expect(within(notice).getByText(/Without a birth notice, bring a witness/)).not.toHaveAttribute('lang');
    expect(screen.getByText('Birth registration')).toBeInTheDocument();
    expect(screen.queryByText(ONLY_VI)).not.toBeInTheDocument();
  });

  it('keeps the official Vietnamese names with lang="vi" and says so where the backend has no English', async () => {
    await draft('1.004194', 'Đăng ký tạm trú');
    renderAt('/services/1.004194/apply/documents');
    const proof = await screen.findByRole('region', { name: /^Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp/ });
    expect(within(proof).getByText('Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp')).toHaveAttribute('lang', 'vi');
    expect(await screen.findByText(ONLY_VI)).toBeInTheDocument();
    // The procedure's own name comes from the catalogue's English; the buttons are the app's.
    expect(screen.getByText('Temporary residence registration')).not.toHaveAttribute('lang');
    expect(screen.getAllByText('Choose a file').length).toBeGreaterThan(0);
  });
});

describe('a refused submission in the outbox, in English', () => {
  it('names the refused paper in English where the backend has it', async () => {
    await refusedItem('item-en', '1.001193', 'Đăng ký khai sinh', 'giay-chung-sinh');
    renderAt('/outbox/item-en');
    const paper = await screen.findByText('Birth notice (from the hospital or midwife)');
    expect(paper).not.toHaveAttribute('lang');
    expect(paper.closest('p')).toHaveTextContent(/^The office did not accept the application’s papers: Birth notice/);
    expect(screen.getByText('Birth registration')).toBeInTheDocument();
    expect(screen.queryByText(ONLY_VI)).not.toBeInTheDocument();
  });

  it('marks the official Vietnamese name lang="vi" and says it is only in Vietnamese', async () => {
    await refusedItem('item-vi', '1.004194', 'Đăng ký tạm trú', 'giay-to-tai-lieu-chung-minh-cho-o-hop-phap');
    renderAt('/outbox/item-vi');
    expect(await screen.findByText('Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp')).toHaveAttribute('lang', 'vi');
    expect(await screen.findByText(ONLY_VI)).toBeInTheDocument();
    // The sentence around the name is the app's English, not marked Vietnamese.
    expect(screen.getByText(/The office did not accept the application’s papers/).closest('[lang]')).toHaveAttribute('lang', 'en');
  });
});
