/**
 * Catalogue search benchmark (`npm run bench`, after `npm run build`): 2,000 synthetic
 * procedures served by the simulated backend, the real app in Chromium with the CPU slowed 4×
 * (a cheap phone), queries typed into the search box. Budget: the search itself answers within
 * one frame (16 ms, p95), and the results reach the page within 100 ms of the keystroke (p95).
 * Queries with typos and words run together are among them (the forgiving part must fit the
 * frame too). Then a quality check on the real catalogue: what people type
 * (mocks/fixtures/search-quality.ts) must put the expected procedure first, on the page.
 */
import { chromium } from '@playwright/test';
import { chromiumOptions, startPreview } from './preview-server.ts';
import { enforce } from './lib/stats.ts';
import { searchQualityQueries } from '../mocks/fixtures/search-quality.ts';

const SEARCH_BUDGET_MS = 16;
const INPUT_TO_DOM_BUDGET_MS = 100;
// Each query's results differ from the previous one's (so that it changes the page): the ones
// the synthetic catalogue has nothing for ("khai sinh nuoc ngoai", "bao hiem y te tre em",
// "zzz khong co") never follow one another.
const queries = ['dang ky', 'khai sinh nuoc ngoai', 'cap lai giay phep', 'bao hiem y te tre em', 'xay dung nha o', 'thu', 'zzz khong co', 'ho kinh doanh', 'giayy phep', 'kinhdoanh'];
const ROUNDS = 5;

const server = await startPreview(Number(process.env.BENCH_PORT ?? 4398), { MOCK_CATALOGUE: 'synthetic' });
const browser = await chromium.launch(chromiumOptions);
try {
  const page = await browser.newPage({ viewport: { width: 412, height: 915 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  // The pre-rendered /services carries the real catalogue it was built with (hydration fetches
  // nothing), so start on a page served as the plain shell and go to the catalogue in the app:
  // its loader then asks this server, which answers with the synthetic catalogue.
  await page.goto(`${server.url}/track`);
  await page.locator('a[href="/services"]').first().click();
  const input = page.getByRole('searchbox');
  await page.waitForFunction(() => /2[.,]?000/.test(document.querySelector('.result-count')?.textContent ?? ''), undefined, { timeout: 30_000 }).catch(() => undefined);
  const count = await page.locator('.result-count').textContent();
  if (!count?.includes('2000') && !count?.includes('2.000')) throw new Error(`Expected the synthetic catalogue, saw "${count}"`);

  await page.evaluate(() => {
    const w = window as unknown as { __lat: number[] };
    w.__lat = [];
    const box = document.querySelector('input[type=search]') as HTMLInputElement;
    const target = document.querySelector('.result-count')?.parentElement as HTMLElement;
    let t0 = 0;
    box.addEventListener('input', () => {
      t0 = performance.now();
    });
    new MutationObserver(() => {
      if (t0) {
        w.__lat.push(performance.now() - t0);
        t0 = 0;
      }
    }).observe(target, { childList: true, subtree: true, characterData: true });
  });

  const unchanged: string[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const q of queries) {
      const before = await page.evaluate(() => (window as unknown as { __lat: number[] }).__lat.length);
      const started = Date.now();
      await input.fill(q);
      // The next query only once this one's results are on the page: a query sent before then
      // would restart the clock, losing the slow sample (a query with no change fails the count).
      await page
        .waitForFunction((n) => (window as unknown as { __lat: number[] }).__lat.length > n, before, { timeout: 5000 })
        .catch(async () => unchanged.push(`“${q}” (round ${round + 1}, ${await page.locator('.result-count').textContent()})`));
      // A fast typist: a character every 150 ms; fill() sends the whole query as one input.
      await page.waitForTimeout(Math.max(0, 150 - (Date.now() - started)));
    }
  }
  const search = await page.evaluate(() => performance.getEntriesByName('catalogue-search').map((e) => e.duration));
  const latency = await page.evaluate(() => (window as unknown as { __lat: number[] }).__lat);
  console.log(`2,000 procedures, CPU 4× slower, ${queries.length * ROUNDS} queries typed`);
  if (unchanged.length > 0) console.log(`no change on the page within 5 s of: ${unchanged.join(', ')}`);
  // Every query runs a search and changes the results: fewer samples than queries is a broken measurement.
  enforce([
    { name: 'search', samples: search, stat: 'p95', limit: SEARCH_BUDGET_MS, minSamples: queries.length * ROUNDS },
    { name: 'keystroke → DOM', samples: latency, stat: 'p95', limit: INPUT_TO_DOM_BUDGET_MS, minSamples: queries.length * ROUNDS },
  ]);
} finally {
  server.stop();
}

// Quality: the real catalogue, an unthrottled page, each query typed as a person would.
const real = await startPreview(Number(process.env.BENCH_PORT ?? 4398) + 1);
try {
  const page = await browser.newPage({ viewport: { width: 412, height: 915 } });
  await page.goto(`${real.url}/services`);
  await page.waitForFunction(() => (document.querySelector('input[type=search]') as HTMLInputElement | null)?.disabled === false);
  const misses: string[] = [];
  for (const { query, first } of searchQualityQueries) {
    await page.getByRole('searchbox').fill(query);
    const href = `/services/${first}`;
    const ok = await page
      .waitForFunction((h) => document.querySelector('.procedure-list li a')?.getAttribute('href') === h, href, { timeout: 5000 })
      .then(() => true)
      .catch(() => false);
    if (!ok) misses.push(`“${query}” → ${await page.locator('.procedure-list li a').first().getAttribute('href').catch(() => 'nothing')} (expected ${href})`);
  }
  console.log(`search quality: ${searchQualityQueries.length - misses.length} of ${searchQualityQueries.length} queries put the expected procedure first`);
  if (misses.length > 0) {
    console.error(`Search quality: ${misses.join('; ')}`);
    process.exitCode = 1;
  }
} finally {
  await browser.close();
  real.stop();
}
