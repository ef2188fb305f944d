import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney, formatShare, keepFormatted, recordFormatted } from './format.ts';

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

describe('strings a pre-rendered page carries', () => {
  it('records what a render formatted, and gives those strings back without formatting again', () => {
    const [text, formatted] = recordFormatted(() => `${formatMoney(123_000, 'vi')} ${formatShare(0.925, 'en')} ${formatDate('2026-03-01', 'vi')}`);
    expect(formatted).toEqual({ 'money|vi|123000': formatMoney(123_000, 'vi'), 'share|en|0.925': formatShare(0.925, 'en'), 'date|vi|2026-03-01': '01/03/2026' });
    expect(text).toBe(Object.values(formatted).join(' '));
    // Nothing recorded outside a recording.
    expect(recordFormatted(() => 1)[1]).toEqual({});

    // What the page carries is used as it is (here: a browser whose ICU writes amounts otherwise).
    keepFormatted({ 'money|vi|45000': '45.000 đ (from the page)', 'bad|vi|1': 7 as unknown as string });
    expect(formatMoney(45_000, 'vi')).toBe('45.000 đ (from the page)');
    expect(formatMoney(45_000, 'en')).toBe(formatMoney(45_000, 'en'));
    expect(formatMoney(45_000, 'en')).not.toContain('from the page');
    // …and is recorded again by a later render that uses it (the build checks each page so).
    expect(recordFormatted(() => formatMoney(45_000, 'vi'))[1]).toEqual({ 'money|vi|45000': '45.000 đ (from the page)' });
  });
});
