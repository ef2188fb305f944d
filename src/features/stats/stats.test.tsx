import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next from 'i18next';
import { initI18n } from '../../i18n/i18n.ts';
import { queryClient, renderAt } from '../../test/render-route.tsx';
import { agencyStatsQueryOptions, statsKeys } from '../../api/stats/queries.ts';
import type { Figures } from '../../api/stats/schema.ts';
import { parseCsv, toCsv } from './csv.ts';
import { Overview } from './Overview.tsx';
import { clearSavedFiles, savedFiles } from '../../test/saved-files.ts';

vi.mock('../../components/documents/download.ts', () => import('../../test/saved-files.ts'));

beforeAll(async () => {
  await initI18n('vi');
  await i18next.loadNamespaces('stats');
});
beforeEach(() => {
  clearSavedFiles();
});

const year = String(new Date(Date.now() + 7 * 3_600_000).getUTCFullYear());

/** What a table shows: the header row, then each row's cells, as text. */
const tableText = (table: HTMLElement): string[][] =>
  [...table.querySelectorAll('tr')].map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent?.replace(/[↑↓]/g, '').trim() ?? ''));

const lastCsv = async () => parseCsv(await (savedFiles.at(-1)?.blob.text() ?? Promise.resolve('')));

describe('csv', () => {
  it('quotes what needs quoting, neutralises formulas, and reads back what it wrote', () => {
    const rows = [
      ['Cơ quan', 'Hài lòng'],
      ['Sở "A", tỉnh B', '92,5%'],
      ['=HYPERLINK("x")', 'dòng 1\r\ndòng 2'],
    ];
    const csv = toCsv(rows);
    expect(csv.startsWith('\uFEFFCơ quan,Hài lòng\r\n"Sở ""A"", tỉnh B","92,5%"\r\n')).toBe(true);
    expect(parseCsv(csv)).toEqual([rows[0], rows[1], ["'=HYPERLINK(\"x\")", 'dòng 1\r\ndòng 2']]);
  });
});

describe('/stats', () => {
  it('shows the province and every agency ranked by the index, as a chart, then as a table; the CSV is exactly what is shown', async () => {
    renderAt('/stats');
    expect(await screen.findByRole('heading', { level: 1, name: 'Chất lượng phục vụ' })).toBeInTheDocument();
    expect(screen.getByText(`Số liệu Năm ${year}`)).toBeInTheDocument();
    const chart = screen.getByRole('figure');
    const items = within(chart).getAllByRole('listitem');
    expect(items.length).toBe(10);
    // Ranked by the index, best first, each value as text.
    const values = items.map((li) => Number(li.querySelector('[data-measure="index"]')?.textContent?.replace(',', '.')));
    expect(values.every((v) => v > 0 && v <= 100)).toBe(true);
    expect([...values].sort((a, b) => b - a)).toEqual(values);

    await userEvent.click(screen.getByRole('button', { name: 'Tải về (CSV)' }));
    const chartCsv = await lastCsv();
    expect(chartCsv[0]).toEqual(['Cơ quan', 'Chỉ số (/100)']);
    expect(chartCsv.slice(1)).toEqual(items.map((li) => [li.querySelector('.bar-chart__label')?.textContent, li.querySelector('.bar-chart__value')?.textContent]));
    expect(savedFiles.at(-1)?.name).toBe(`Chất lượng phục vụ ${year}.csv`);

    const toggle = screen.getByRole('button', { name: 'Xem dạng bảng' });
    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    const table = screen.getByRole('table', { name: /Các cơ quan, Năm/ });
    const shown = tableText(table);
    expect(shown[0]).toEqual(['Cơ quan', 'Chỉ số (/100)', 'Số đánh giá', 'Hài lòng', 'Đúng hạn', 'Ngày giải quyết trung bình', 'Nộp trực tuyến', 'Thanh toán trực tuyến', 'Hồ sơ tiếp nhận']);
    expect(shown).toHaveLength(11);
    await userEvent.click(screen.getByRole('button', { name: 'Tải về (CSV)' }));
    expect(await lastCsv()).toEqual(shown);
  });

  it('sorts by any column, and the other way on a second click', async () => {
    renderAt('/stats');
    await userEvent.click(await screen.findByRole('button', { name: 'Xem dạng bảng' }));
    await userEvent.click(screen.getByRole('button', { name: /^Số đánh giá/ }));
    const counts = () => [...document.querySelectorAll('tbody td[data-measure="ratings"]')].map((td) => Number(td.textContent?.replace(/\./g, '')));
    const down = counts();
    expect(down.length).toBe(10);
    expect([...down].sort((a, b) => b - a)).toEqual(down);
    expect(screen.getByRole('columnheader', { name: /Số đánh giá/ })).toHaveAttribute('aria-sort', 'descending');
    await userEvent.click(screen.getByRole('button', { name: /^Số đánh giá/ }));
    expect(counts()).toEqual([...down].reverse());
    expect(screen.getByRole('columnheader', { name: /Số đánh giá/ })).toHaveAttribute('aria-sort', 'ascending');
  });

  it('says in words that a period in the address is not one', async () => {
    renderAt('/stats?period=2026-13');
    expect(await screen.findByRole('heading', { level: 1, name: 'Kỳ thống kê không hợp lệ' })).toBeInTheDocument();
    expect(screen.getByText(/“2026-13” không phải là một kỳ thống kê/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Xem thống kê năm hiện tại' })).toHaveAttribute('href', '/stats');
  });

  it('says there are no figures for a period outside the history, and which months there are, instead of cards of blanks', async () => {
    renderAt('/stats?period=2019');
    expect(await screen.findByText(/^Không có số liệu cho Năm 2019: hệ thống có số liệu từ Tháng \d\d\/\d{4} đến Tháng \d\d\/\d{4}\. Hãy chọn một kỳ khác\.$/)).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Xếp hạng cơ quan' })).toBeNull();
    expect(document.querySelector('[data-figure="index"]')).toBeNull();
    // The period can be changed right there.
    expect(screen.getByRole('combobox', { name: 'Kỳ thống kê' })).toHaveValue('2019');
  });

  it('says an agency code does not exist', async () => {
    renderAt('/stats/agencies/khong-co');
    expect(await screen.findByRole('heading', { level: 1, name: 'Không tìm thấy cơ quan' })).toBeInTheDocument();
  });
});

describe('/stats/agencies/:code', () => {
  it('shows the agency, the province beside it, and its months as a chart or a table', async () => {
    renderAt(`/stats/agencies/land-registration-office?period=${year}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Văn phòng đăng ký đất đai' })).toBeInTheDocument();
    expect(screen.getByText(/^Toàn tỉnh: \d/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Xem dạng bảng' }));
    const table = screen.getByRole('table', { name: /Văn phòng đăng ký đất đai: Hài lòng theo tháng/ });
    const rows = tableText(table);
    expect(rows[0]?.[0]).toBe('Tháng');
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.at(-1)?.[0]).toMatch(/^Tháng \d\d\/\d{4}$/);
  });
});

describe('figures from too few ratings', () => {
  const figures = (count: number): Figures => ({
    ratings: {
      count,
      levels: count >= 10 ? { 'very-satisfied': 0.5, satisfied: 0.3, dissatisfied: 0.2 } : null,
      satisfiedShare: count >= 10 ? 0.8 : null,
      indicators: [{ id: 'contacts', answers: count, average: count >= 10 ? 1.5 : null }],
    },
    dossiers: { received: 40, settled: 30, onTimeShare: 0.9, averageDays: 4, averageLegalDays: 5, onlineShare: 0.5, paidOnlineShare: null },
    index: { total: count >= 10 ? 80 : null, transparency: 16, progress: 18, digitisation: 20, online: 12, satisfaction: count >= 10 ? 14 : null },
  });
  const labels = [{ id: 'contacts', label: { vi: 'Số lần phải liên hệ', en: 'Number of contacts needed' } }];

  it('are hidden under 10 ratings, saying so', () => {
    render(<Overview figures={figures(9)} minRatings={10} labels={labels} />);
    expect(screen.getByText('Chưa đủ đánh giá để công bố: cần ít nhất 10 đánh giá, hiện có 9.')).toBeInTheDocument();
    expect(screen.queryByText('80,0/100')).toBeNull();
    expect(screen.queryByText('1,50')).toBeNull();
    expect(document.querySelector('[data-figure="satisfied"]')).toHaveTextContent('Chưa đủ đánh giá');
    expect(document.querySelector('[data-figure="index"]')).toHaveTextContent('Chưa đủ đánh giá');
    // Figures that do not come from ratings are still shown.
    expect(screen.getByText(/^90\s?%$/)).toBeInTheDocument();
  });

  it('are shown from 10 ratings', () => {
    render(<Overview figures={figures(10)} minRatings={10} labels={labels} />);
    expect(document.querySelector('[data-figure="satisfied"]')).toHaveTextContent(/^80\s?% hài lòng$/);
    expect(document.querySelector('[data-figure="index"]')).toHaveTextContent('80,0/100');
    expect(screen.getByText('1,50')).toBeInTheDocument();
    expect(screen.queryByText(/Chưa đủ đánh giá/)).toBeNull();
  });
});

describe('the procedure page', () => {
  it('names its agency’s satisfaction and on-time share in one line, linking to the agency', async () => {
    renderAt('/services/1.004873');
    const line = await screen.findByText(/người đánh giá hài lòng, .* hồ sơ giải quyết đúng hạn/, {}, { timeout: 8_000 });
    expect(line.textContent).toMatch(/^Ủy ban nhân dân cấp xã: \d+(,\d)?\s?% người đánh giá hài lòng, \d+(,\d)?\s?% hồ sơ giải quyết đúng hạn \(\d{4}\)\./);
    expect(within(line).getByRole('link', { name: 'Xem chất lượng phục vụ của cơ quan' })).toHaveAttribute('href', '/stats/agencies/commune-pc');
    await waitFor(() => expect(line).toBeVisible());
  });

  it('says there are not enough ratings yet rather than a share of a few, keeping the on-time share', async () => {
    // The agency's year so far with 3 ratings (as a January would have): the backend withholds the share.
    const real = await queryClient.fetchQuery(agencyStatsQueryOptions('commune-pc', null));
    queryClient.setQueryData(statsKeys.agency('commune-pc', null), { ...real, figures: { ...real.figures, ratings: { ...real.figures.ratings, count: 3, satisfiedShare: null, levels: null } } });
    renderAt('/services/1.004873');
    const line = await screen.findByText(/chưa đủ đánh giá để công bố mức hài lòng/, {}, { timeout: 8_000 });
    expect(line.textContent).toMatch(/^Ủy ban nhân dân cấp xã: chưa đủ đánh giá để công bố mức hài lòng; \d+(,\d)?\s?% hồ sơ giải quyết đúng hạn \(\d{4}\)\./);
    expect(line.textContent).not.toMatch(/người đánh giá hài lòng/);
  });
});
