import { describe, expect, it } from 'vitest';
import { addWorkingDays, HOLIDAYS, isWorkingDay, nextWorkingDay, vietnamDate } from './working-days.ts';

describe('working days of Vietnamese public offices', () => {
  it('takes the calendar date in Vietnam (UTC+7), not in UTC', () => {
    expect(vietnamDate(new Date('2026-02-12T16:59:59Z'))).toBe('2026-02-12');
    expect(vietnamDate(new Date('2026-02-12T17:00:00Z'))).toBe('2026-02-13');
  });

  it('skips weekends and public holidays', () => {
    expect(isWorkingDay('2026-11-23')).toBe(true); // Monday
    expect(isWorkingDay('2026-11-21')).toBe(false); // Saturday
    expect(isWorkingDay('2026-11-22')).toBe(false); // Sunday
    for (const day of ['2026-01-01', '2026-02-16', '2026-02-20', '2026-04-27', '2026-04-30', '2026-05-01', '2026-09-01', '2026-09-02']) {
      expect(isWorkingDay(day), day).toBe(false);
    }
    expect(isWorkingDay('2026-04-26')).toBe(false); // Hùng Kings' day itself is a Sunday
    expect(isWorkingDay('2026-04-28')).toBe(true);
  });

  it('lists only weekdays: a holiday on a weekend is moved, not listed', () => {
    for (const day of HOLIDAYS) expect([0, 6], day).not.toContain(new Date(`${day}T00:00:00Z`).getUTCDay());
  });

  it('counts from the day of receipt, or the next working day when received on a day off', () => {
    expect(addWorkingDays('2026-11-23', 0)).toBe('2026-11-23');
    expect(addWorkingDays('2026-11-23', 1)).toBe('2026-11-24');
    expect(addWorkingDays('2026-11-20', 1)).toBe('2026-11-23'); // Friday → Monday
    expect(addWorkingDays('2026-11-21', 0)).toBe('2026-11-23'); // received Saturday
    expect(addWorkingDays('2026-11-21', 1)).toBe('2026-11-24');
    expect(nextWorkingDay('2026-02-14')).toBe('2026-02-23');
  });

  it('jumps over Tết and the April–May holidays', () => {
    // Friday 13/2/2026 + 7: 23, 24, 25, 26, 27/2, 2/3, 3/3.
    expect(addWorkingDays('2026-02-13', 7)).toBe('2026-03-03');
    // Thursday 23/4 + 3: Fri 24, (Mon 27 off), Tue 28, Wed 29.
    expect(addWorkingDays('2026-04-23', 3)).toBe('2026-04-29');
    // Wednesday 29/4 + 1: (30/4, 1/5 off, weekend) Monday 4/5.
    expect(addWorkingDays('2026-04-29', 1)).toBe('2026-05-04');
    // Monday 31/8 + 1: 1/9 and 2/9 off → Thursday 3/9.
    expect(addWorkingDays('2026-08-31', 1)).toBe('2026-09-03');
  });

  it('rounds part of a day up and refuses nonsense', () => {
    expect(addWorkingDays('2026-11-23', 0.5)).toBe('2026-11-24');
    expect(() => addWorkingDays('2026-11-23', -1)).toThrow();
    expect(() => addWorkingDays('23/11/2026', 1)).toThrow();
  });
});
