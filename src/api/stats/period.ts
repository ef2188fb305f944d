/**
 * The period of the public statistics, as it is written in the URL: a month (`2026-11`), a
 * quarter (`2026-Q3`) or a year (`2026`). Shared by the app (the period picker) and the simulated
 * backend (which refuses anything else with 400). Months are Vietnamese calendar months.
 */
export type PeriodKind = 'month' | 'quarter' | 'year';

export interface Period {
  kind: PeriodKind;
  /** As written in the URL: "2026-11", "2026-Q3", "2026". */
  key: string;
  year: number;
  /** The months it covers, "YYYY-MM", in order. */
  months: string[];
}

/** Years the statistics can be asked about at all (anything else is not a period). */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2099;

const month = (year: number, m: number) => `${year}-${String(m).padStart(2, '0')}`;

const PATTERN = /^(\d{4})(?:-(?:(0[1-9]|1[0-2])|Q([1-4])))?$/;

/** The period written as `text`, or null when it is not one. */
export const parsePeriod = (text: string): Period | null => {
  const match = PATTERN.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  if (year < FIRST_YEAR || year > LAST_YEAR) return null;
  if (match[2]) return { kind: 'month', key: text, year, months: [text] };
  if (match[3]) {
    const q = Number(match[3]);
    return { kind: 'quarter', key: text, year, months: [1, 2, 3].map((i) => month(year, (q - 1) * 3 + i)) };
  }
  return { kind: 'year', key: text, year, months: Array.from({ length: 12 }, (_, i) => month(year, i + 1)) };
};

/** The month ("YYYY-MM") `offset` months after `key` (negative: before). */
export const addMonths = (key: string, offset: number): string => {
  const [y, m] = key.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + offset;
  return month(Math.floor(index / 12), (index % 12) + 1);
};

/** Every month from `from` to `to`, both included ("YYYY-MM"). */
export const monthsBetween = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
};

/**
 * The periods someone can pick between two months (newest first): each year, quarter and month
 * that has at least one month in the range.
 */
export const periodsBetween = (from: string, to: string): Period[] => {
  const months = monthsBetween(from, to);
  const years = [...new Set(months.map((m) => m.slice(0, 4)))];
  const quarters = [...new Set(months.map((m) => `${m.slice(0, 4)}-Q${Math.ceil(Number(m.slice(5)) / 3)}`))];
  return [...years, ...quarters, ...months]
    .map((key) => parsePeriod(key) as Period)
    .sort((a, b) => (a.kind === b.kind ? newestFirst(a.key, b.key) : ORDER[a.kind] - ORDER[b.kind]));
};
// Keys are ASCII ("2026", "2026-Q3", "2026-07"): code-unit order is their order. (localeCompare
// would build an ICU collator first: 15 ms, 60 on a slow phone, while the page is taken over.)
const newestFirst = (a: string, b: string): number => (a < b ? 1 : a > b ? -1 : 0);
const ORDER: Record<PeriodKind, number> = { year: 0, quarter: 1, month: 2 };
