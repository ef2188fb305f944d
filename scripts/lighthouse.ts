/**
 * Lighthouse (mobile emulation, simulated slow 4G and 4× CPU) on the pages a citizen lands on,
 * against the production build with the simulated backend. `npm run lighthouse` after
 * `npm run build`. Budgets from the foundation issue: performance ≥ 0.95, accessibility 1,
 * best practices 1, LCP ≤ 1.8 s. Not part of `npm test` (it takes minutes); figures go in the README.
 */
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { chromiumOptions, startPreview } from './preview-server.ts';

const pages = process.env.LH_PAGES?.split(',') ?? ['/', '/services', '/services/1.001193'];
const server = await startPreview(Number(process.env.LH_PORT ?? 4397));
const chrome = await chromeLauncher.launch({
  chromePath: chromiumOptions.executablePath,
  // A Vietnamese phone, as the citizens this is for: the app follows the browser's language on a
  // first visit, and the pre-rendered pages are Vietnamese (an English browser sees them, then
  // the English page once the app has run).
  chromeFlags: [...chromiumOptions.args, '--headless=new', '--no-sandbox', '--lang=vi-VN', '--accept-lang=vi-VN,vi'],
});
let failed = false;
try {
  for (const path of pages) {
    const result = await lighthouse(`${server.url}${path}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
    });
    if (!result) throw new Error(`No Lighthouse result for ${path}`);
    // LH_DUMP=/tmp/lh writes each full report (/tmp/lh_services.json…) for a closer look.
    if (process.env.LH_DUMP) await import('node:fs/promises').then((fs) => fs.writeFile(`${process.env.LH_DUMP}${path.replace(/\//g, '_')}.json`, JSON.stringify(result.lhr)));
    const { categories, audits } = result.lhr;
    const score = (id: string) => categories[id]?.score ?? 0;
    const lcp = (audits['largest-contentful-paint']?.numericValue ?? Infinity) / 1000;
    const cls = audits['cumulative-layout-shift']?.numericValue ?? NaN;
    const tbt = audits['total-blocking-time']?.numericValue ?? NaN;
    console.log(
      `${path.padEnd(22)} perf ${score('performance').toFixed(2)}  a11y ${score('accessibility').toFixed(2)}  best ${score('best-practices').toFixed(2)}  LCP ${lcp.toFixed(2)} s  TBT ${tbt.toFixed(0)} ms  CLS ${cls.toFixed(3)}`,
    );
    // Which element was the largest paint, and when the first one happened: where to look next.
    const fcp = (audits['first-contentful-paint']?.numericValue ?? NaN) / 1000;
    const breakdown = (audits['lcp-breakdown-insight']?.details as { items?: { type?: string; nodeLabel?: string }[] } | undefined)?.items;
    const element = breakdown?.find((item) => item.type === 'node')?.nodeLabel ?? '?';
    console.log(`  FCP ${fcp.toFixed(2)} s; LCP element “${element.slice(0, 70)}”`);
    for (const id of ['accessibility', 'best-practices']) {
      if (score(id) < 1) {
        const failing = Object.values(audits).filter((a) => a.score !== null && a.score < 1 && categories[id]?.auditRefs.some((r) => r.id === a.id && r.weight > 0));
        console.log(`  ${id}: ${failing.map((a) => a.id).join(', ')}`);
      }
    }
    if (score('performance') < 0.95 || score('accessibility') < 1 || score('best-practices') < 1 || lcp > 1.8) failed = true;
  }
} finally {
  chrome.kill();
  server.stop();
}
if (failed) {
  console.error('Below the Lighthouse budget');
  process.exitCode = 1;
}
