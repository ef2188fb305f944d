import { describe, expect, it } from 'vitest';
import { addMonths, monthsBetween, parsePeriod, periodsBetween } from './period.ts';

describe('parsePeriod', () => {
  it('reads a month, a quarter and a year with the months they cover', () => {
    expect(parsePeriod('2026-11')).toEqual({ kind: 'month', key: '2026-11', year: 2026, months: ['2026-11'] });
    expect(parsePeriod('2026-Q3')).toEqual({ kind: 'quarter', key: '2026-Q3', year: 2026, months: ['2026-07', '2026-08', '2026-09'] });
    expect(parsePeriod('2026-Q1')?.months).toEqual(['2026-01', '2026-02', '2026-03']);
    const year = parsePeriod('2025');
    expect(year?.kind).toBe('year');
    expect(year?.months).toHaveLength(12);
    expect(year?.months[0]).toBe('2025-01');
    expect(year?.months[11]).toBe('2025-12');
  });

  it.each(['', '2026-13', '2026-00', '2026-Q5', '2026-Q0', '2026-q3', '26', '2026-1', '2026-11-01', ' 2026', '2026 ', 'abc', '1999', '2100', '<script>', '2026-11&x=1'])(
    'refuses %j',
    (text) => {
      expect(parsePeriod(text)).toBeNull();
    },
  );
});

describe('months', () => {
  it('counts across years', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2025-12', 1)).toBe('2026-01');
    expect(addMonths('2026-05', -17)).toBe('2024-12');
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });

  it('offers years, then quarters, then months, newest first', () => {
    const keys = periodsBetween('2025-12', '2026-02').map((p) => p.key);
    expect(keys).toEqual(['2026', '2025', '2026-Q1', '2025-Q4', '2026-02', '2026-01', '2025-12']);
  });
});
