/**
 * Dates as Vietnamese forms write them: dd/mm/yyyy on screen, ISO yyyy-mm-dd in data.
 * Everything here works on strings, never on `Date` objects in the machine's zone: a date of
 * birth is a calendar day, and "today" is the day in Vietnam, wherever the device thinks it is.
 */

export type DateError = 'date.invalid' | 'date.future' | 'date.tooEarly';

export type DateRules = {
  /** The date may not be later than today (in Vietnam). */
  notFuture?: boolean;
  /** ISO yyyy-mm-dd; the date may not be earlier than this day. */
  notBefore?: string;
  /** ISO yyyy-mm-dd standing in for today, for tests; defaults to today in Asia/Ho_Chi_Minh. */
  today?: string;
};

// The range the forms accept: nobody alive was born before 1900, and four-digit years keep ISO
// strings comparable as plain strings.
const MIN_YEAR = 1900;
const MAX_YEAR = 2999;

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

// Checked by arithmetic rather than `new Date(...)`, which silently rolls 31/02 over to 02/03.
const isRealDay = (year: number, month: number, day: number): boolean =>
  year >= MIN_YEAR && year <= MAX_YEAR && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);

const pad2 = (n: number): string => String(n).padStart(2, '0');

const toIso = (year: number, month: number, day: number): string => `${year}-${pad2(month)}-${pad2(day)}`;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written yyyy-mm-dd, with a year from 1900 to 2999. */
export const isValidIsoDate = (iso: string): boolean => {
  const match = ISO_DATE.exec(iso);
  return match !== null && isRealDay(Number(match[1]), Number(match[2]), Number(match[3]));
};

// One formatter for the module, built on first use (building Intl formatters is slow, the first
// one in a browser process very much so: not while a page that never asks is loading). en-CA is
// only used for its numeric parts, which we read one by one rather than trusting its pattern.
let vietnamDayFormat: Intl.DateTimeFormat | undefined;

/**
 * Today's date in Vietnam as ISO yyyy-mm-dd. Computed in Asia/Ho_Chi_Minh, not in the device's
 * zone or UTC: a birth registered at 00:30 Vietnam time is still 17:30 the day before in UTC, and
 * must not count as "in the future".
 */
export const todayInVietnam = (now: Date = new Date()): string => {
  vietnamDayFormat ??= new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' });
  const parts = vietnamDayFormat.formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
};

/**
 * Whole calendar days from one ISO day to another (negative when `to` is earlier): 2026-01-01 to
 * 2026-03-02 is 60. Both must be valid ISO days. Counted on the calendar (UTC noon to UTC noon),
 * so no zone or summer time shifts a day.
 */
export const daysBetween = (from: string, to: string): number => {
  const noon = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)), 12);
  return Math.round((noon(to) - noon(from)) / 86_400_000);
};

/**
 * Reads a date as people type it on a Vietnamese form — "05/02/2008", "5/2/2008", "05-02-2008",
 * "05.02.2008", always day first — and returns ISO "2008-02-05", or null when the day cannot
 * exist (31/02, 29/02 in a common year, day or month 0, month 13, a year outside 1900–2999).
 * The two separators must match, so a half-typed or garbled value is not guessed at.
 */
export const parseVietnameseDate = (value: string): string | null => {
  const match = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/.exec(value.trim());
  if (!match) return null;
  const day = Number(match[1]);
  const month = Number(match[3]);
  const year = Number(match[4]);
  return isRealDay(year, month, day) ? toIso(year, month, day) : null;
};

/**
 * Shows an ISO date the Vietnamese way, dd/mm/yyyy. A value that is not a valid ISO date is
 * returned unchanged: showing what was stored beats showing nothing or throwing in a render.
 */
export const formatVietnameseDate = (iso: string): string => {
  if (!isValidIsoDate(iso)) return iso;
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
};

const requireIsoRule = (name: string, value: string): string => {
  // A bad rule is a bug in the form definition, not the citizen's mistake: fail loudly.
  if (!isValidIsoDate(value)) throw new RangeError(`validateDate: rule "${name}" is not an ISO date: ${value}`);
  return value;
};

/**
 * Checks an ISO date against a field's rules. Returns null when valid, else an error code:
 * 'date.invalid' (not yyyy-mm-dd or not a real day), 'date.future' (after today in Vietnam, with
 * `notFuture`), 'date.tooEarly' (before `notBefore`). ISO strings of four-digit years compare
 * correctly as strings, so no Date objects (and no time zones) are involved.
 */
export const validateDate = (iso: string, rules: DateRules = {}): DateError | null => {
  if (!isValidIsoDate(iso)) return 'date.invalid';
  if (rules.notFuture) {
    const today = rules.today === undefined ? todayInVietnam() : requireIsoRule('today', rules.today);
    if (iso > today) return 'date.future';
  }
  if (rules.notBefore !== undefined && iso < requireIsoRule('notBefore', rules.notBefore)) return 'date.tooEarly';
  return null;
};
