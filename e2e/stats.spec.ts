import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test, expect, expectAccessible, waitForServiceWorker } from './fixtures.ts';
import { parseCsv } from '../src/features/stats/csv.ts';

/**
 * Public statistics, without signing in: from the home page to /stats, the province and the
 * agencies ranked; the table behind the chart, sorted; the CSV is exactly what is shown; another
 * period through the URL; an agency's page with its months; a period that is not one; all of it
 * again offline once seen; and in English.
 */

/** Every row of a table as its cells' text (the sort arrows are decoration). */
const tableText = (page: Page, name: RegExp) =>
  page
    .getByRole('table', { name })
    .evaluate((table) => [...table.querySelectorAll('tr')].map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').replace(/[↑↓]/g, '').trim())));

const downloadCsv = async (page: Page, name: string) => {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name }).click();
  const file = await download;
  return { name: file.suggestedFilename(), rows: parseCsv(await readFile((await file.path()) as string, 'utf8')) };
};

const number = (text: string) => Number(text.replace(/\./g, '').replace(',', '.'));

test('statistics: ranked agencies, table and CSV as shown, another period, an agency, a bad period, offline', async ({ page, context, backend: _ }) => {
  await page.goto('/');
  await waitForServiceWorker(page);
  await page.getByRole('link', { name: 'Cơ quan nào phục vụ tốt? Xem chất lượng phục vụ' }).click();
  await expect(page).toHaveURL(/\/stats$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Chất lượng phục vụ' })).toBeVisible();
  const year = String(new Date().getFullYear());
  await expect(page.getByText(`Số liệu Năm ${year}`)).toBeVisible();
  await expect(page.locator('[data-figure="index"]').first()).toHaveText(/^\d+,\d\/100$/);
  await expectAccessible(page, '/stats (chart)');

  // The chart: every agency, best index first, each bar with its value as text.
  const chartValues = await page.locator('.bar-chart [data-measure="index"]').allTextContents();
  expect(chartValues.length).toBe(10);
  expect([...chartValues.map(number)].sort((a, b) => b - a)).toEqual(chartValues.map(number));
  const chartCsv = await downloadCsv(page, 'Tải về (CSV)');
  expect(chartCsv.name).toBe(`Chất lượng phục vụ ${year}.csv`);
  expect(chartCsv.rows).toEqual([['Cơ quan', 'Chỉ số (/100)'], ...(await page.locator('.bar-chart li').evaluateAll((lis) => lis.map((li) => [li.querySelector('.bar-chart__label')?.textContent ?? '', li.querySelector('.bar-chart__value')?.textContent ?? ''])))]);

  // The same figures as a table, sorted by the number of ratings; the CSV is the table.
  await page.getByRole('button', { name: 'Xem dạng bảng' }).click();
  await expect(page.getByRole('button', { name: 'Xem dạng bảng' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: /^Số đánh giá/ }).click();
  await expect(page.getByRole('columnheader', { name: /Số đánh giá/ })).toHaveAttribute('aria-sort', 'descending');
  const counts = (await page.locator('tbody td[data-measure="ratings"]').allTextContents()).map(number);
  expect(counts.length).toBe(10);
  expect([...counts].sort((a, b) => b - a)).toEqual(counts);
  const shown = await tableText(page, /Các cơ quan/);
  expect(shown[0]?.[0]).toBe('Cơ quan');
  expect(shown).toHaveLength(11);
  expect((await downloadCsv(page, 'Tải về (CSV)')).rows).toEqual(shown);
  await expectAccessible(page, '/stats (table)');

  // Another period: the URL says which, the figures follow.
  const quarter = `${year}-Q${Math.ceil((new Date().getMonth() + 1) / 3)}`;
  await page.getByLabel('Kỳ thống kê').selectOption(quarter);
  await page.getByRole('button', { name: 'Xem', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/stats\\?period=${quarter}$`));
  await expect(page.getByText(`Số liệu Quý ${quarter.slice(-1)}/${year}`)).toBeVisible();

  // An agency: its figures, the province beside them, its months as a table. (The table stays a
  // table across periods.)
  await expect(page.getByRole('button', { name: 'Xem dạng bảng' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('table', { name: /Các cơ quan/ }).getByRole('link', { name: 'Văn phòng đăng ký đất đai' }).click();
  await expect(page).toHaveURL(new RegExp(`/stats/agencies/land-registration-office\\?period=${quarter}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Văn phòng đăng ký đất đai' })).toBeVisible();
  await expect(page.getByText(/^Toàn tỉnh: \d+,\d\/100$/)).toBeVisible();
  await expectAccessible(page, 'agency page (chart)');
  await page.getByRole('button', { name: 'Xem dạng bảng' }).click();
  const months = await tableText(page, /theo tháng/);
  expect(months[0]?.[0]).toBe('Tháng');
  expect(months.length).toBeGreaterThanOrEqual(4);
  expect((await downloadCsv(page, 'Tải về (CSV)')).rows).toEqual(months);
  await expectAccessible(page, 'agency page (table)');

  // A period that is not one, typed into the address.
  await page.goto('/stats?period=2026-13');
  await expect(page.getByRole('heading', { level: 1, name: 'Kỳ thống kê không hợp lệ' })).toBeVisible();
  await expect(page.getByText('“2026-13” không phải là một kỳ thống kê', { exact: false })).toBeVisible();
  await expectAccessible(page, 'a bad period');
  await page.getByRole('link', { name: 'Xem thống kê năm hiện tại' }).click();
  await expect(page.getByText(`Số liệu Năm ${year}`)).toBeVisible();

  // Offline: what was seen opens again, figures and all.
  await context.setOffline(true);
  await page.goto('/stats');
  await expect(page.getByRole('heading', { level: 1, name: 'Chất lượng phục vụ' })).toBeVisible();
  await expect(page.locator('.bar-chart [data-measure="index"]')).toHaveCount(10);
  await page.goto(`/stats/agencies/land-registration-office?period=${quarter}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Văn phòng đăng ký đất đai' })).toBeVisible();
  await expect(page.locator('[data-figure="index"]')).toHaveText(/\d/);
  await expectAccessible(page, 'agency page offline');
  await context.setOffline(false);
});

test('statistics in English', async ({ browser, backend: _ }) => {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 412, height: 915 } });
  await context.addInitScript(() => localStorage.setItem('mcs.language', 'en'));
  const page = await context.newPage();
  await page.goto('/stats');
  await expect(page.getByRole('heading', { level: 1, name: 'Quality of service' })).toBeVisible();
  await expect(page.getByText(/^Figures for Year \d{4}$/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Whole province' })).toBeVisible();
  await page.getByRole('button', { name: 'Show as table' }).click();
  const shown = await tableText(page, /Agencies, Year/);
  expect(shown[0]).toEqual(['Agency', 'Index (/100)', 'Ratings', 'Satisfied', 'On time', 'Average working days', 'Filed online', 'Paid online', 'Dossiers received']);
  expect(shown.slice(1).map((r) => r[0])).toContain('Land Registration Office');
  await expectAccessible(page, '/stats in English');
  await page.goto('/stats/agencies/commune-pc');
  await expect(page.getByRole('heading', { level: 1, name: 'Commune People’s Committee' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Month by month' })).toBeVisible();
  await expectAccessible(page, 'agency page in English');
  await page.goto('/stats/agencies/no-such-agency');
  await expect(page.getByRole('heading', { level: 1, name: 'Agency not found' })).toBeVisible();
  await expectAccessible(page, 'unknown agency in English');
  await context.close();
});
