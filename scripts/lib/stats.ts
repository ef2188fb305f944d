/**
 * The statistics and the budget check every benchmark uses. A benchmark that measured nothing,
 * or measured something that is not a number, fails: `p95([])` is NaN and `NaN > 16` is false,
 * which used to let a broken benchmark pass.
 */

export type Statistic = 'p95' | 'median' | 'max';

/** Nearest-rank percentile (p in 0…100) of finite samples; NaN for none. */
export const percentile = (samples: readonly number[], p: number): number => {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((samples.length * p) / 100) - 1))] as number;
};

export const median = (samples: readonly number[]): number => {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

export const statistic = (samples: readonly number[], stat: Statistic): number =>
  stat === 'p95' ? percentile(samples, 95) : stat === 'median' ? median(samples) : samples.length === 0 ? NaN : Math.max(...samples);

export interface Budget {
  /** What was measured, as the report names it ("keystroke → next paint"). */
  name: string;
  samples: readonly number[];
  /** Which statistic of the samples must stay within `limit`. */
  stat: Statistic;
  limit: number;
  unit?: string;
  /** Fewer samples than this is a failed measurement (default 1). */
  minSamples?: number;
}

export interface Checked {
  name: string;
  value: number;
  line: string;
  /** Why the budget is not met; absent when it is. */
  failure?: string;
}

const fmt = (n: number, unit: string) => (Number.isFinite(n) ? `${n.toFixed(n >= 100 ? 0 : 1)} ${unit}` : String(n));

export const check = ({ name, samples, stat, limit, unit = 'ms', minSamples = 1 }: Budget): Checked => {
  const value = statistic(samples, stat);
  const bad = samples.filter((s) => typeof s !== 'number' || !Number.isFinite(s));
  const line =
    `${name}: ${samples.length} sample${samples.length === 1 ? '' : 's'}, ` +
    (samples.length > 1 ? `median ${fmt(median(samples), unit)}, p95 ${fmt(percentile(samples, 95), unit)}, max ${fmt(statistic(samples, 'max'), unit)}` : `${fmt(value, unit)}`) +
    ` (budget: ${stat} ≤ ${fmt(limit, unit)})`;
  let failure: string | undefined;
  if (samples.length < minSamples) failure = `${name}: ${samples.length} sample${samples.length === 1 ? '' : 's'}, need at least ${minSamples} — ${samples.length === 0 ? 'nothing was measured' : 'the measurement is incomplete'}`;
  else if (bad.length > 0) failure = `${name}: ${bad.length} sample${bad.length === 1 ? ' is' : 's are'} not a finite number (${bad.slice(0, 3).map(String).join(', ')})`;
  else if (!Number.isFinite(limit)) failure = `${name}: the budget ${limit} is not a finite number`;
  else if (!(value <= limit)) failure = `${name}: ${stat} ${fmt(value, unit)} > ${fmt(limit, unit)}`;
  return failure ? { name, value, line, failure } : { name, value, line };
};

export const checkAll = (budgets: readonly Budget[]): { lines: string[]; failures: string[] } => {
  const checked = budgets.map(check);
  return { lines: checked.map((c) => c.line), failures: checked.flatMap((c) => (c.failure ? [c.failure] : [])) };
};

/**
 * Prints each budget's line and any failure (with `extra` failures the benchmark found itself),
 * and sets a failing exit code. Returns whether everything passed. A benchmark with no budget at
 * all has measured nothing: that fails too.
 */
export const enforce = (budgets: readonly Budget[], extra: readonly (string | false | null | undefined)[] = []): boolean => {
  const { lines, failures } = checkAll(budgets);
  if (budgets.length === 0) failures.push('no budget was checked');
  failures.push(...extra.filter((f): f is string => typeof f === 'string' && f.length > 0));
  for (const line of lines) console.log(line);
  if (failures.length > 0) {
    console.error(`FAIL:\n  ${failures.join('\n  ')}`);
    process.exitCode = 1;
    return false;
  }
  console.log('Within budget.');
  return true;
};
