import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney } from './format.ts';

describe('formatDate', () => {
  it('writes Vietnamese dates as dd/MM/yyyy', () => {
    expect(formatDate('2008-02-05', 'vi')).toBe('05/02/2008');
  });
  it('uses day-first dates in English too', () => {
    expect(formatDate('2008-02-05', 'en')).toBe('05/02/2008');
  });
});

describe('formatMoney', () => {
  it('writes đồng with Vietnamese grouping', () => {
    expect(formatMoney(200000, 'vi').replace(/\s/g, ' ')).toBe('200.000 ₫');
  });
});
