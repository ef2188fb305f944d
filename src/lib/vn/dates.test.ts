import { afterEach, describe, expect, it, vi } from 'vitest';
import { daysBetween, formatVietnameseDate, isValidIsoDate, parseVietnameseDate, todayInVietnam, validateDate } from './dates.ts';

describe('parseVietnameseDate', () => {
  it('reads day first with slashes, dashes or dots, padded or not', () => {
    expect(parseVietnameseDate('05/02/2008')).toBe('2008-02-05');
    expect(parseVietnameseDate('5/2/2008')).toBe('2008-02-05');
    expect(parseVietnameseDate('05-02-2008')).toBe('2008-02-05');
    expect(parseVietnameseDate('05.02.2008')).toBe('2008-02-05');
    expect(parseVietnameseDate('  31/12/1999 ')).toBe('1999-12-31');
  });
  it('never reads month first', () => {
    expect(parseVietnameseDate('12/31/1999')).toBeNull();
    expect(parseVietnameseDate('13/01/2020')).toBe('2020-01-13');
  });
  it('rejects days that do not exist', () => {
    expect(parseVietnameseDate('31/02/2024')).toBeNull();
    expect(parseVietnameseDate('30/02/2024')).toBeNull();
    expect(parseVietnameseDate('31/04/2024')).toBeNull();
    expect(parseVietnameseDate('32/01/2024')).toBeNull();
    expect(parseVietnameseDate('00/01/2020')).toBeNull();
    expect(parseVietnameseDate('01/00/2020')).toBeNull();
    expect(parseVietnameseDate('01/13/2020')).toBeNull();
  });
  it('knows leap years, including the century rules', () => {
    expect(parseVietnameseDate('29/02/2024')).toBe('2024-02-29');
    expect(parseVietnameseDate('29/02/2023')).toBeNull();
    expect(parseVietnameseDate('29/02/2000')).toBe('2000-02-29');
    expect(parseVietnameseDate('29/02/1900')).toBeNull();
    expect(parseVietnameseDate('29/02/2100')).toBeNull();
  });
  it('keeps years within 1900–2999', () => {
    expect(parseVietnameseDate('01/01/1900')).toBe('1900-01-01');
    expect(parseVietnameseDate('31/12/1899')).toBeNull();
    expect(parseVietnameseDate('31/12/2999')).toBe('2999-12-31');
    expect(parseVietnameseDate('01/01/3000')).toBeNull();
  });
  it('rejects other shapes instead of guessing', () => {
    for (const value of ['', '2008-02-05', '05/02/08', '05/02-2008', '05 02 2008', '5/2/20081', '005/02/2008', 'ngày 5/2/2008', '٠٥/٠٢/٢٠٠٨']) {
      expect(parseVietnameseDate(value), value).toBeNull();
    }
  });
});

describe('formatVietnameseDate', () => {
  it('shows ISO dates as dd/mm/yyyy', () => {
    expect(formatVietnameseDate('2008-02-05')).toBe('05/02/2008');
    expect(formatVietnameseDate('1999-12-31')).toBe('31/12/1999');
  });
  it('round-trips with parseVietnameseDate', () => {
    expect(parseVietnameseDate(formatVietnameseDate('2024-02-29'))).toBe('2024-02-29');
  });
  it('returns anything else unchanged', () => {
    expect(formatVietnameseDate('')).toBe('');
    expect(formatVietnameseDate('2023-02-29')).toBe('2023-02-29');
    expect(formatVietnameseDate('05/02/2008')).toBe('05/02/2008');
  });
});

describe('isValidIsoDate', () => {
  it('accepts only real yyyy-mm-dd days', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2023-02-29')).toBe(false);
    expect(isValidIsoDate('2024-2-9')).toBe(false);
    expect(isValidIsoDate('2024-02-29T00:00:00Z')).toBe(false);
  });
});

describe('todayInVietnam', () => {
  it('uses Vietnam time (UTC+7), not UTC', () => {
    // 17:30 UTC on 9 March is 00:30 on 10 March in Hà Nội.
    expect(todayInVietnam(new Date('2024-03-09T17:30:00Z'))).toBe('2024-03-10');
    expect(todayInVietnam(new Date('2024-03-09T16:59:59Z'))).toBe('2024-03-09');
    expect(todayInVietnam(new Date('2024-12-31T17:00:00Z'))).toBe('2025-01-01');
  });
  it('does not depend on the device time zone', () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'America/Los_Angeles';
      expect(todayInVietnam(new Date('2024-03-09T17:30:00Z'))).toBe('2024-03-10');
      process.env.TZ = 'Pacific/Kiritimati';
      expect(todayInVietnam(new Date('2024-03-09T10:30:00Z'))).toBe('2024-03-09');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('validateDate', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('accepts a valid date with no rules', () => {
    expect(validateDate('2008-02-05', {})).toBeNull();
    expect(validateDate('2008-02-05')).toBeNull();
  });
  it("reports 'date.invalid' for non-ISO or impossible dates, whatever the rules", () => {
    for (const value of ['', '05/02/2008', '2008-2-5', '2023-02-29', '2024-13-01', '2024-00-10', '1899-12-31', 'abc']) {
      expect(validateDate(value, { notFuture: true, today: '2025-01-01' }), value).toBe('date.invalid');
    }
  });
  it("reports 'date.future' after today, and accepts today itself", () => {
    const rules = { notFuture: true, today: '2025-07-01' };
    expect(validateDate('2025-07-01', rules)).toBeNull();
    expect(validateDate('2025-06-30', rules)).toBeNull();
    expect(validateDate('2025-07-02', rules)).toBe('date.future');
    expect(validateDate('2026-01-01', rules)).toBe('date.future');
  });
  it('allows future dates unless notFuture is set', () => {
    expect(validateDate('2999-01-01', { today: '2025-07-01' })).toBeNull();
    expect(validateDate('2999-01-01', { notFuture: false })).toBeNull();
  });
  it("reports 'date.tooEarly' before notBefore, and accepts that day itself", () => {
    expect(validateDate('2016-01-01', { notBefore: '2016-01-01' })).toBeNull();
    expect(validateDate('2015-12-31', { notBefore: '2016-01-01' })).toBe('date.tooEarly');
  });
  it('checks the future before the lower bound', () => {
    expect(validateDate('2030-01-01', { notFuture: true, today: '2025-01-01', notBefore: '2031-01-01' })).toBe('date.future');
  });
  it('defaults today to the date in Vietnam: a birth at 00:30 Vietnam time is not in the future', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2024-03-09T17:30:00Z')); // 00:30, 10 March, in Vietnam
    expect(validateDate('2024-03-10', { notFuture: true })).toBeNull();
    expect(validateDate('2024-03-11', { notFuture: true })).toBe('date.future');
  });
  it('throws on a malformed rule, a bug in the form definition', () => {
    expect(() => validateDate('2024-01-01', { notBefore: '01/01/2000' })).toThrow(RangeError);
    expect(() => validateDate('2024-01-01', { notFuture: true, today: 'today' })).toThrow(RangeError);
  });
});

describe('daysBetween', () => {
  it('counts calendar days, across months, leap days and years', () => {
    expect(daysBetween('2026-01-01', '2026-03-02')).toBe(60);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
    expect(daysBetween('2026-05-05', '2026-05-05')).toBe(0);
    expect(daysBetween('2026-05-05', '2026-05-04')).toBe(-1);
  });
});
