import { describe, expect, it } from 'vitest';
import { figuresFrom, gate, medianFigures, meetTargets, STATS_TARGETS, type Figures } from './lighthouse-gate.ts';

const floor = (locale: string): Figures => ({
  label: 'hello world',
  locale,
  performance: 1,
  accessibility: 1,
  bestPractices: 1,
  fcpMs: 900,
  lcpMs: 1000,
  tbtMs: 0,
  cls: 0,
});
const good = (label: string, locale: string): Figures => ({ ...floor(locale), label, performance: 0.95, fcpMs: 1000, lcpMs: 1300, tbtMs: 100, cls: 0.1 });
const floors = [floor('vi-VN'), floor('en-US')];
const app = ['/', '/services', '/services/1.001193'].flatMap((p) => [good(p, 'vi-VN'), good(p, 'en-US')]);

describe('the Lighthouse gate', () => {
  it('passes an app within every margin of the hello world (edges included)', () => {
    expect(gate(floors, app)).toEqual([]);
  });

  it('fails an app worse than the floor by more than the margins — a deliberately broken run', () => {
    const broken: Figures = { ...good('/services', 'en-US'), performance: 0.94, lcpMs: 1301, tbtMs: 101, cls: 0.11, accessibility: 0.98, bestPractices: 0.96 };
    const failures = gate(floors, [...app.filter((f) => !(f.label === '/services' && f.locale === 'en-US')), broken]);
    expect(failures).toEqual([
      '/services [en-US]: performance 0.94 < 0.95 (hello world 1.00 − 0.05)',
      '/services [en-US]: TBT 101 ms > 100 ms',
      '/services [en-US]: LCP 1.30 s > 1.30 s (hello world 1.00 s + 0.3 s)',
      '/services [en-US]: CLS 0.110 > 0.1',
      '/services [en-US]: accessibility 0.98 < 1',
      '/services [en-US]: best practices 0.96 < 1',
    ]);
  });

  it('compares each page with the floor of its own language', () => {
    const slowFloorVi = [{ ...floor('vi-VN'), lcpMs: 2000, performance: 0.9 }, floor('en-US')];
    const page = { ...good('/', 'vi-VN'), lcpMs: 2200, performance: 0.86 };
    expect(gate(slowFloorVi, [page])).toEqual([]);
    expect(gate(slowFloorVi, [{ ...page, locale: 'en-US' }])).toHaveLength(2);
  });

  it('fails when nothing was measured, a language has no floor, or a figure is missing', () => {
    expect(gate(floors, [])).toEqual(['no page of the app was measured']);
    expect(gate([floor('vi-VN')], [good('/', 'en-US')])).toEqual(['/ [en-US]: no hello-world floor measured in en-US to compare with']);
    expect(gate(floors, [{ ...good('/', 'vi-VN'), cls: NaN }])).toEqual(['/ [vi-VN]: cls not measured']);
    expect(gate([{ ...floor('vi-VN'), lcpMs: NaN }], [good('/', 'vi-VN')])[0]).toMatch(/hello world \[vi-VN\]: lcpMs not measured/);
  });

  it('judges a page by the median of each figure over its runs: one outlier does not decide, a usual fault does', () => {
    const page = good('/', 'en-US');
    const outlier = medianFigures([
      { ...page, tbtMs: 0, performance: 1 },
      { ...page, tbtMs: 567, performance: 0.86, lcpMs: 1260, lcpElement: 'late' },
      { ...page, tbtMs: 2, performance: 1, lcpMs: 1020, lcpElement: 'h1' },
    ]);
    expect(outlier).toMatchObject({ tbtMs: 2, performance: 1, lcpMs: 1260, lcpElement: 'late' });
    expect(gate(floors, [{ ...outlier, lcpMs: 1020 }])).toEqual([]);
    const usual = medianFigures([{ ...page, tbtMs: 150 }, { ...page, tbtMs: 20 }, { ...page, tbtMs: 180 }]);
    expect(gate(floors, [usual])).toEqual(['/ [en-US]: TBT 150 ms > 100 ms']);
    expect(medianFigures([{ ...page, tbtMs: 10 }, { ...page, tbtMs: 30 }]).tbtMs).toBe(20);
  });

  it('refuses a median of nothing, of runs that did not measure, or of different pages', () => {
    expect(() => medianFigures([])).toThrow(/no Lighthouse run/);
    expect(() => medianFigures([good('/', 'en-US'), good('/services', 'en-US')])).toThrow(/different pages/);
    const unmeasured = medianFigures([good('/', 'vi-VN'), { ...good('/', 'vi-VN'), tbtMs: NaN }, good('/', 'vi-VN')]);
    expect(gate(floors, [unmeasured])).toEqual(['/ [vi-VN]: tbtMs not measured']);
  });

  it('reads figures from a Lighthouse result, a missing audit as NaN (never a passing 0)', () => {
    const lhr = {
      categories: { performance: { score: 0.97 }, accessibility: { score: 1 }, 'best-practices': { score: null } },
      audits: {
        'first-contentful-paint': { numericValue: 812 },
        'largest-contentful-paint': { numericValue: 1234 },
        'cumulative-layout-shift': { numericValue: 0.02 },
        'lcp-breakdown-insight': { details: { items: [{ type: 'table' }, { type: 'node', nodeLabel: 'Tìm thủ tục' }] } },
      },
    };
    const figures = figuresFrom(lhr, '/', 'vi-VN');
    expect(figures).toMatchObject({ performance: 0.97, lcpMs: 1234, cls: 0.02, lcpElement: 'Tìm thủ tục' });
    expect(figures.bestPractices).toBeNaN();
    expect(figures.tbtMs).toBeNaN();
    expect(gate(floors, [figures])).toEqual(['/ [vi-VN]: bestPractices, tbtMs not measured']);
  });
});

describe('absolute targets (the statistics pages)', () => {
  const isStats = (label: string) => label.startsWith('/stats');
  it('pass at the edges and apply only to the pages they are for', () => {
    const edge: Figures = { ...good('/stats', 'vi-VN'), performance: 0.95, lcpMs: 1800, accessibility: 1 };
    const other: Figures = { ...good('/services', 'vi-VN'), performance: 0.5, lcpMs: 5000 };
    expect(meetTargets([edge, other], isStats, STATS_TARGETS)).toEqual([]);
  });

  it('fail a statistics page below them, and one not measured', () => {
    const slow: Figures = { ...good('/stats/agencies/commune-pc', 'en-US'), performance: 0.94, lcpMs: 1801, accessibility: 0.99 };
    const unmeasured: Figures = { ...good('/stats', 'vi-VN'), performance: NaN, lcpMs: NaN, accessibility: NaN };
    expect(meetTargets([slow, unmeasured], isStats, STATS_TARGETS)).toEqual([
      '/stats/agencies/commune-pc [en-US]: performance 0.94 < 0.95 (target)',
      '/stats/agencies/commune-pc [en-US]: LCP 1.80 s > 1.8 s (target)',
      '/stats/agencies/commune-pc [en-US]: accessibility 0.99 < 1 (target)',
      '/stats [vi-VN]: performance NaN < 0.95 (target)',
      '/stats [vi-VN]: LCP NaN s > 1.8 s (target)',
      '/stats [vi-VN]: accessibility NaN < 1 (target)',
    ]);
  });
});
