/**
 * `npm run budget` after `npm run build`: the JavaScript each page (the shell and every
 * pre-rendered page) loads before the app's first render, gzipped; the worst page is held to the
 * budget (scripts/lib/budget.ts says exactly what is counted). `BUDGET_DIST=…` measures another build.
 */
import { format, judge, measure } from './lib/budget.ts';

const dist = process.env.BUDGET_DIST ?? 'dist';
const reports = await measure(dist);
const verdict = judge(reports);
console.log(format(reports, verdict));
for (const warning of verdict.warnings) console.warn(warning);
if (verdict.failures.length > 0) {
  console.error(`FAIL:\n  ${verdict.failures.slice(0, 20).join('\n  ')}${verdict.failures.length > 20 ? `\n  …and ${verdict.failures.length - 20} more` : ''}`);
  process.exitCode = 1;
}
