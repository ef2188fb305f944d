import { afterEach, describe, expect, it, vi } from 'vitest';
import { check, checkAll, enforce, median, percentile } from './stats.ts';

describe('benchmark statistics', () => {
  it('nearest-rank p95 and median', () => {
    const xs = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(xs, 95)).toBe(95);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(percentile([], 95)).toBeNaN();
  });
});

describe('budget check', () => {
  const budget = { name: 'search', stat: 'p95' as const, limit: 16 };

  it('passes within budget', () => {
    expect(check({ ...budget, samples: [3, 5, 8, 16] }).failure).toBeUndefined();
  });

  it('fails over budget', () => {
    expect(check({ ...budget, samples: [3, 5, 8, 40] }).failure).toMatch(/p95 40\.0 ms > 16\.0 ms/);
  });

  it('fails when nothing was measured (p95 of nothing is NaN, and NaN > 16 is false)', () => {
    expect(check({ ...budget, samples: [] }).failure).toMatch(/0 samples.*nothing was measured/);
    expect(check({ ...budget, samples: [1, 2], minSamples: 10 }).failure).toMatch(/need at least 10 — the measurement is incomplete/);
  });

  it('fails on a sample that is not a finite number', () => {
    expect(check({ ...budget, samples: [1, NaN, 2] }).failure).toMatch(/not a finite number/);
    expect(check({ ...budget, samples: [1, Infinity] }).failure).toMatch(/not a finite number/);
    expect(check({ ...budget, stat: 'max', samples: [undefined as unknown as number] }).failure).toMatch(/not a finite number/);
  });

  it('fails on a budget that is not a number', () => {
    expect(check({ ...budget, limit: NaN, samples: [1] }).failure).toMatch(/budget/);
  });

  it('collects every failure', () => {
    expect(checkAll([{ ...budget, samples: [] }, { ...budget, name: 'dom', samples: [1] }]).failures).toHaveLength(1);
  });
});

describe('enforce', () => {
  afterEach(() => {
    process.exitCode = undefined;
    vi.restoreAllMocks();
  });

  it('sets a failing exit code on an empty measurement, on no budget at all and on an extra failure', () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(enforce([{ name: 'x', samples: [], stat: 'p95', limit: 1 }])).toBe(false);
    expect(process.exitCode).toBe(1);
    process.exitCode = undefined;
    expect(enforce([])).toBe(false);
    expect(enforce([{ name: 'x', samples: [0.5], stat: 'p95', limit: 1 }], ['the backend holds 19, not 20'])).toBe(false);
    process.exitCode = undefined;
    expect(enforce([{ name: 'x', samples: [0.5], stat: 'p95', limit: 1 }], [false, null])).toBe(true);
    expect(process.exitCode).toBeUndefined();
  });
});
