/**
 * Working days of Vietnamese public offices, for due dates of dossiers: Monday to Friday, less
 * public holidays (Labour Code 2019 art. 112) and the days the Government moves next to them.
 * Dates are calendar dates in Vietnam (Asia/Ho_Chi_Minh, UTC+7 all year, no daylight saving).
 *
 * A small list, kept by hand. Checked against published schedules where noted; make-up
 * Saturdays (days worked in exchange for a swapped day off) are not modelled.
 */
const HOLIDAY_LIST: readonly string[] = [
  // 2026
  '2026-01-01', // Tết Dương lịch (Thu)
  '2026-01-02', // Fri, swapped: the Government approved 4 days off 1–4/1/2026 (reported 25/12/2025)
  '2026-02-16', // Tết Nguyên đán Bính Ngọ: Mon 16/2 – Fri 20/2 (29 Chạp – mùng 4), as announced
  '2026-02-17',
  '2026-02-18',
  '2026-02-19',
  '2026-02-20',
  '2026-04-27', // Giỗ Tổ Hùng Vương (10/3 lunar = Sun 26/4/2026), day off moved to Mon 27/4
  '2026-04-30', // Ngày Chiến thắng (Thu)
  '2026-05-01', // Quốc tế Lao động (Fri)
  '2026-09-01', // Quốc khánh: 2/9 plus the adjacent day; a longer break (29/8–2/9, swapping
  '2026-09-02', //   Mon 31/8) was proposed but is not confirmed here, so 31/8 counts as working
  // 24/11 (Ngày Văn hóa Việt Nam) is to become a paid holiday once the Labour Code is amended;
  // not in force as far as we could check, so not listed.

  // 2027: fixed dates from the Labour Code; lunar dates and swaps are ESTIMATES until announced.
  '2027-01-01', // Tết Dương lịch (Fri)
  '2027-02-05', // Tết Nguyên đán Đinh Mùi (mùng 1 = Sat 6/2/2027): estimate of 5 days with the
  '2027-02-08', //   weekend ones moved to the following working days
  '2027-02-09',
  '2027-02-10',
  '2027-02-11',
  '2027-04-16', // Giỗ Tổ Hùng Vương, 10/3 lunar (estimate)
  '2027-04-30', // Ngày Chiến thắng (Fri)
  '2027-05-03', // Quốc tế Lao động falls on Sat 1/5: moved to Mon 3/5
  '2027-09-02', // Quốc khánh (Thu) and an adjacent day (estimate: Fri 3/9)
  '2027-09-03',
];

export const HOLIDAYS: ReadonlySet<string> = new Set(HOLIDAY_LIST);

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The calendar date in Vietnam at an instant, as YYYY-MM-DD. */
export const vietnamDate = (at: Date): string => new Date(at.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);

const toUtc = (isoDate: string): number => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) throw new Error(`Not a date: ${isoDate}`);
  return Date.parse(`${isoDate}T00:00:00Z`);
};
const fromUtc = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export const isWorkingDay = (isoDate: string): boolean => {
  const day = new Date(toUtc(isoDate)).getUTCDay();
  return day !== 0 && day !== 6 && !HOLIDAYS.has(isoDate);
};

/** The date itself when offices work that day, otherwise the next day they do. */
export const nextWorkingDay = (isoDate: string): string => {
  let ms = toUtc(isoDate);
  while (!isWorkingDay(fromUtc(ms))) ms += DAY_MS;
  return fromUtc(ms);
};

/**
 * The due date of something received on `isoDate` with `days` working days to handle it:
 * counting starts on the day of receipt (the next working day when received on a day off),
 * and each working day after it uses up one. 0 days: the day of receipt; part of a day (0.5)
 * counts as a whole one.
 */
export const addWorkingDays = (isoDate: string, days: number): string => {
  if (!Number.isFinite(days) || days < 0) throw new Error(`Working days must be ≥ 0, got ${days}`);
  let ms = toUtc(nextWorkingDay(isoDate));
  for (let left = Math.ceil(days); left > 0; ) {
    ms += DAY_MS;
    if (isWorkingDay(fromUtc(ms))) left--;
  }
  return fromUtc(ms);
};
