import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import i18next from 'i18next';
import { server } from '../../../mocks/node.ts';
import { setFaults } from '../../../mocks/faults.ts';
import { initI18n } from '../../i18n/i18n.ts';
import { renderAt } from '../../test/render-route.tsx';

const ONLY_VI = 'This part is only available in Vietnamese.';

const requested: string[] = [];
const record = ({ request }: { request: Request }) => void requested.push(new URL(request.url).pathname);

beforeAll(async () => {
  await initI18n('en');
  server.events.on('request:start', record);
});
beforeEach(async () => {
  requested.length = 0;
  await i18next.changeLanguage('en');
});
afterEach(() => setFaults({ rules: [] }));

const section = (name: string) => screen.getByRole('region', { name });

describe('a procedure page for a reader of English', () => {
  it('shows the backend’s English for every part it covers, the official name marked as Vietnamese', async () => {
    renderAt('/services/1.001193');
    const title = await screen.findByRole('heading', { level: 1, name: 'Đăng ký khai sinh' });
    expect(title).toHaveAttribute('lang', 'vi');
    expect(screen.getByText('Birth registration')).toHaveAttribute('lang', 'en');
    expect(screen.getByText(/Translated from the official Vietnamese/)).toBeInTheDocument();
    expect(within(section('Steps')).getAllByRole('listitem')[0]).toHaveTextContent('Prepare the application form');
    expect(within(section('Required documents')).getByText('Birth notice (from the hospital or midwife)')).not.toHaveAttribute('lang');
    expect(within(section('Fees')).getByText(/No fee when the birth is registered on time/)).toBeInTheDocument();
    expect(within(section('Result')).getByText(/The birth certificate \(original\)/)).toBeInTheDocument();
    expect(screen.getByText(/The same day a complete dossier is received/)).toBeInTheDocument();
    // The laws' titles are only ever official Vietnamese, and say so.
    const legal = section('Legal basis');
    expect(within(legal).getByText(ONLY_VI)).toBeInTheDocument();
    expect(within(legal).getByRole('list')).toHaveAttribute('lang', 'vi');
    expect(screen.getAllByText(ONLY_VI)).toHaveLength(1);
  });

  it('keeps a part the translation leaves out in Vietnamese, with lang="vi", and says so there', async () => {
    renderAt('/services/3.000333');
    await screen.findByRole('heading', { level: 1 });
    expect(screen.getByText(/Some parts of this procedure are only available in Vietnamese/)).toBeInTheDocument();
    const faq = section('Frequently asked questions');
    expect(within(faq).getByText(ONLY_VI)).toBeInTheDocument();
    expect(within(faq).getByText(/Phiếu số 1 và số 2 khác nhau/).closest('details')).toHaveAttribute('lang', 'vi');
    expect(within(section('Steps')).queryByText(ONLY_VI)).not.toBeInTheDocument();
    expect(within(section('Fees')).getByText(/VND 200,000 per request per person/)).toBeInTheDocument();
  });

  it('says the details are only in Vietnamese when the backend has no English, part by part', async () => {
    renderAt('/services/1.000689');
    await screen.findByRole('heading', { level: 1 });
    expect(screen.getByText(/The details of this procedure are only available in Vietnamese/)).toBeInTheDocument();
    for (const name of ['Steps', 'Required documents', 'Fees', 'Result', 'Legal basis']) expect(within(section(name)).getByText(ONLY_VI)).toBeInTheDocument();
    expect(within(section('Steps')).getByRole('list')).toHaveAttribute('lang', 'vi');
    // The headings, facts and buttons are the app's own English.
    expect(screen.getByRole('link', { name: 'Apply online' })).toBeInTheDocument();
  });

  it('does not claim a part is Vietnamese-only when the English could not be fetched', async () => {
    setFaults({ rules: [{ path: '/api/procedures/1.001193/translations/en', status: 503 }] });
    renderAt('/services/1.001193');
    expect(await screen.findByText(/The English version of this procedure could not be loaded/)).toBeInTheDocument();
    expect(screen.queryByText(ONLY_VI)).not.toBeInTheDocument();
    expect(within(section('Steps')).getByRole('list')).toHaveAttribute('lang', 'vi');
  });

  it('lists the papers to prepare in English where the backend has them', async () => {
    renderAt('/services/1.000656/apply');
    await screen.findByRole('heading', { level: 1, name: 'Get ready to apply' });
    expect(screen.getByText('Death notice, or a paper that replaces it')).toBeInTheDocument();
    expect(screen.queryByText(ONLY_VI)).not.toBeInTheDocument();
  });
});

describe('a procedure page for a reader of Vietnamese', () => {
  it('asks for no translation and marks nothing', async () => {
    await i18next.changeLanguage('vi');
    renderAt('/services/1.001193');
    expect(await screen.findByRole('heading', { level: 1, name: 'Đăng ký khai sinh' })).not.toHaveAttribute('lang');
    expect(screen.getByRole('region', { name: 'Trình tự thực hiện' })).toHaveTextContent('Chuẩn bị tờ khai');
    expect(screen.queryByText('Phần này chỉ có bằng tiếng Việt.')).not.toBeInTheDocument();
    expect(requested).toContain('/api/procedures/1.001193');
    expect(requested.filter((path) => path.includes('/translations/'))).toEqual([]);
  });
});
