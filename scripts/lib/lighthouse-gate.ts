/**
 * The Lighthouse gate, as pure functions: figures from a Lighthouse result, and the comparison of
 * the app's pages with a floor — a minimal React 19 + Vite app measured in the same run, on the
 * same machine, in the same browser language. Absolute scores drift with the machine and its
 * load; the distance to what React itself costs does not.
 */

export interface Figures {
  /** What was measured: a path of the app, or "hello world". */
  label: string;
  /** The browser's language (Accept-Language and navigator.language). */
  locale: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** The largest-contentful-paint element, when Lighthouse names it. */
  lcpElement?: string;
}

export interface Limits {
  /** The app's performance score may be this much below the floor's. */
  performanceMargin: number;
  /** Total blocking time, absolute. */
  tbtMs: number;
  /** The app's LCP may be this much later than the floor's. */
  lcpMarginMs: number;
  /** Cumulative layout shift, absolute ("good" per web.dev). */
  cls: number;
  accessibility: number;
  bestPractices: number;
}

export const LIMITS: Limits = { performanceMargin: 0.05, tbtMs: 100, lcpMarginMs: 300, cls: 0.1, accessibility: 1, bestPractices: 1 };

/** The subset of a Lighthouse result (LHR) read here. */
export interface LhrLike {
  categories: Record<string, { score: number | null } | undefined>;
  audits: Record<string, { numericValue?: number; details?: unknown } | undefined>;
}

/** Figures from a Lighthouse result; anything missing is NaN, which the gate refuses. */
export const figuresFrom = (lhr: LhrLike, label: string, locale: string): Figures => {
  const score = (id: string) => lhr.categories[id]?.score ?? NaN;
  const value = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  const items = (lhr.audits['lcp-breakdown-insight']?.details as { items?: { type?: string; nodeLabel?: string }[] } | undefined)?.items;
  const lcpElement = items?.find((item) => item.type === 'node')?.nodeLabel;
  return {
    label,
    locale,
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    fcpMs: value('first-contentful-paint'),
    lcpMs: value('largest-contentful-paint'),
    tbtMs: value('total-blocking-time'),
    cls: value('cumulative-layout-shift'),
    ...(lcpElement ? { lcpElement } : {}),
  };
};

const median = (values: readonly number[]): number => {
  // A run that did not measure a figure (NaN) makes the median NaN: refused, never skipped.
  if (values.length === 0 || values.some((v) => !Number.isFinite(v))) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/**
 * One page's figures over several runs: each figure the median of its runs — Lighthouse CI's
 * "median" aggregation. Lighthouse's own `computeMedianRun` picks the one run nearest the median
 * FCP and TTI, and on a 2-core machine that run can be the one in which another process held a
 * core for half a second (TBT 567 ms beside 0 and 2 ms): the page's usual figures would be
 * judged by its outlier. A figure bad in most runs is still bad in the median. No runs, or runs
 * of different pages, is an error.
 */
export const medianFigures = (runs: readonly Figures[]): Figures => {
  const [first] = runs;
  if (!first) throw new Error('no Lighthouse run to take the median of');
  if (runs.some((r) => r.label !== first.label || r.locale !== first.locale)) throw new Error('runs of different pages cannot be combined');
  const of = (key: 'performance' | 'accessibility' | 'bestPractices' | 'fcpMs' | 'lcpMs' | 'tbtMs' | 'cls') => median(runs.map((r) => r[key]));
  const lcpMs = of('lcpMs');
  // The LCP element named is the one of a run whose LCP is the median (the elements may differ).
  const lcpElement = runs.find((r) => r.lcpMs === lcpMs)?.lcpElement ?? first.lcpElement;
  return {
    label: first.label,
    locale: first.locale,
    performance: of('performance'),
    accessibility: of('accessibility'),
    bestPractices: of('bestPractices'),
    fcpMs: of('fcpMs'),
    lcpMs,
    tbtMs: of('tbtMs'),
    cls: of('cls'),
    ...(lcpElement ? { lcpElement } : {}),
  };
};

const NUMBERS = ['performance', 'accessibility', 'bestPractices', 'lcpMs', 'tbtMs', 'cls'] as const;
// Scores are rounded to two decimals by Lighthouse; compare without floating-point noise.
const EPSILON = 1e-9;

/**
 * Failures of the app against the floor (one floor per locale): an empty list is a pass. No app
 * result, no floor for a locale, or a figure that is not a number is a failure.
 */
export const gate = (floors: readonly Figures[], app: readonly Figures[], limits: Limits = LIMITS): string[] => {
  const failures: string[] = [];
  if (app.length === 0) failures.push('no page of the app was measured');
  for (const floor of floors) {
    const bad = NUMBERS.filter((k) => k !== 'accessibility' && k !== 'bestPractices' && !Number.isFinite(floor[k]));
    if (bad.length > 0) failures.push(`${floor.label} [${floor.locale}]: ${bad.join(', ')} not measured`);
  }
  for (const page of app) {
    const at = `${page.label} [${page.locale}]`;
    const floor = floors.find((f) => f.locale === page.locale);
    if (!floor) {
      failures.push(`${at}: no hello-world floor measured in ${page.locale} to compare with`);
      continue;
    }
    const bad = NUMBERS.filter((k) => !Number.isFinite(page[k]));
    if (bad.length > 0) {
      failures.push(`${at}: ${bad.join(', ')} not measured`);
      continue;
    }
    const minPerformance = floor.performance - limits.performanceMargin;
    if (page.performance < minPerformance - EPSILON)
      failures.push(`${at}: performance ${page.performance.toFixed(2)} < ${minPerformance.toFixed(2)} (hello world ${floor.performance.toFixed(2)} − ${limits.performanceMargin})`);
    if (page.tbtMs > limits.tbtMs) failures.push(`${at}: TBT ${page.tbtMs.toFixed(0)} ms > ${limits.tbtMs} ms`);
    const maxLcp = floor.lcpMs + limits.lcpMarginMs;
    if (page.lcpMs > maxLcp) failures.push(`${at}: LCP ${(page.lcpMs / 1000).toFixed(2)} s > ${(maxLcp / 1000).toFixed(2)} s (hello world ${(floor.lcpMs / 1000).toFixed(2)} s + ${limits.lcpMarginMs / 1000} s)`);
    if (page.cls > limits.cls) failures.push(`${at}: CLS ${page.cls.toFixed(3)} > ${limits.cls}`);
    if (page.accessibility < limits.accessibility - EPSILON) failures.push(`${at}: accessibility ${page.accessibility.toFixed(2)} < ${limits.accessibility}`);
    if (page.bestPractices < limits.bestPractices - EPSILON) failures.push(`${at}: best practices ${page.bestPractices.toFixed(2)} < ${limits.bestPractices}`);
  }
  return failures;
};

export const formatFigures = (f: Figures): string =>
  `${f.label.padEnd(22)} ${f.locale.padEnd(5)} perf ${f.performance.toFixed(2)}  a11y ${f.accessibility.toFixed(2)}  best ${f.bestPractices.toFixed(2)}  ` +
  `FCP ${(f.fcpMs / 1000).toFixed(2)} s  LCP ${(f.lcpMs / 1000).toFixed(2)} s  TBT ${f.tbtMs.toFixed(0)} ms  CLS ${f.cls.toFixed(3)}` +
  (f.lcpElement ? `\n${' '.repeat(30)}LCP element “${f.lcpElement.slice(0, 70)}”` : '');

/** Absolute targets some pages are held to besides the comparison with the floor. */
export interface Targets {
  performance: number;
  lcpMs: number;
  accessibility: number;
}

/** Issue #12: the public statistics pages, on a mobile phone over slow 4G. */
export const STATS_TARGETS: Targets = { performance: 0.95, lcpMs: 1800, accessibility: 1 };

/** Failures of the pages whose label `applies` picks against absolute targets. */
export const meetTargets = (app: readonly Figures[], applies: (label: string) => boolean, targets: Targets): string[] =>
  app
    .filter((page) => applies(page.label))
    .flatMap((page) => {
      const at = `${page.label} [${page.locale}]`;
      const out: string[] = [];
      if (!(page.performance >= targets.performance - EPSILON)) out.push(`${at}: performance ${page.performance.toFixed(2)} < ${targets.performance} (target)`);
      if (!(page.lcpMs <= targets.lcpMs)) out.push(`${at}: LCP ${(page.lcpMs / 1000).toFixed(2)} s > ${targets.lcpMs / 1000} s (target)`);
      if (!(page.accessibility >= targets.accessibility - EPSILON)) out.push(`${at}: accessibility ${page.accessibility.toFixed(2)} < ${targets.accessibility} (target)`);
      return out;
    });
