import type { TFunction } from 'i18next';
import type { Figures } from '../../api/stats/schema.ts';
import type { Period } from '../../api/stats/period.ts';
import { formatShare, intlLocale, keptFormat } from '../../lib/format.ts';

export { formatShare };

/**
 * How the statistics read, in the UI language: shares as "92,5 %", counts with a thousands
 * separator, points with one decimal. Every figure comes from the backend; this only formats.
 */
const formatters = new Map<string, { count: Intl.NumberFormat; decimal: Intl.NumberFormat; average: Intl.NumberFormat }>();
const fmt = (lng: string) => {
  let f = formatters.get(lng);
  if (!f) {
    const locale = intlLocale(lng);
    f = {
      count: new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }),
      decimal: new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
      average: new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    };
    formatters.set(lng, f);
  }
  return f;
};

// Kept, so that a pre-rendered statistics page is taken over without building a formatter.
export const formatCount = keptFormat<number>('count', (n, lng) => fmt(lng).count.format(n));
export const formatDecimal = keptFormat<number>('decimal', (n, lng) => fmt(lng).decimal.format(n));
export const formatAverage = keptFormat<number>('average', (n, lng) => fmt(lng).average.format(n));

export const periodLabel = (period: Pick<Period, 'kind' | 'key'>, t: TFunction<'stats'>): string => {
  const year = period.key.slice(0, 4);
  if (period.kind === 'year') return t('period.year', { year });
  if (period.kind === 'quarter') return t('period.quarter', { year, quarter: period.key.slice(6) });
  return t('period.month', { year, month: period.key.slice(5) });
};

export const monthLabel = (month: string, t: TFunction<'stats'>): string => t('period.month', { year: month.slice(0, 4), month: month.slice(5) });

/** The measures agencies are ranked by and months compared on. */
export const MEASURES = ['index', 'ratings', 'satisfied', 'onTime', 'days', 'online', 'paidOnline', 'received'] as const;
export type Measure = (typeof MEASURES)[number];

/** Bigger is better, except for handling time. */
export const lowerIsBetter = (measure: Measure): boolean => measure === 'days';

/** Figures withheld for too few ratings say so, instead of a blank. */
const fromRatings: ReadonlySet<Measure> = new Set(['index', 'satisfied']);

export interface Cell {
  /** For sorting and the bar; null when there is no figure. */
  value: number | null;
  /** Exactly what is shown (and written to the CSV). */
  text: string;
  /** The bar's length, 0…1; null: no bar. */
  bar: number | null;
}

export const cellOf = (figures: Figures, measure: Measure, t: TFunction<'stats'>, lng: string, minRatings: number): Cell => {
  const { ratings, dossiers, index } = figures;
  const withheld = fromRatings.has(measure) && ratings.count < minRatings;
  const share = (value: number | null): Cell => (value === null ? none(withheld, t) : { value, text: formatShare(value, lng), bar: value });
  switch (measure) {
    case 'index':
      return index.total === null ? none(withheld, t) : { value: index.total, text: formatDecimal(index.total, lng), bar: index.total / 100 };
    case 'ratings':
      return { value: ratings.count, text: formatCount(ratings.count, lng), bar: null };
    case 'satisfied':
      return share(ratings.satisfiedShare);
    case 'onTime':
      return share(dossiers.onTimeShare);
    case 'online':
      return share(dossiers.onlineShare);
    case 'paidOnline':
      return share(dossiers.paidOnlineShare);
    case 'received':
      return { value: dossiers.received, text: formatCount(dossiers.received, lng), bar: null };
    case 'days':
      return dossiers.averageDays === null || dossiers.averageLegalDays === null
        ? none(false, t)
        : {
            value: dossiers.averageDays,
            text: `${formatDecimal(dossiers.averageDays, lng)} / ${formatDecimal(dossiers.averageLegalDays, lng)}`,
            bar: dossiers.averageLegalDays > 0 ? Math.min(1, dossiers.averageDays / (2 * dossiers.averageLegalDays)) : null,
          };
  }
};

/**
 * A row's cells: every measure of `figures`, by column in the order of MEASURES, each worked out
 * (and formatted) the first time it is asked for. The chart shows one measure of eight: a page is
 * taken over without formatting the other seven (70 ms of a 12-month trend at 4× CPU, as one
 * piece of the hydration).
 */
export const measureCells = (figures: Figures, t: TFunction<'stats'>, lng: string, minRatings: number): ((column: number) => Cell) => {
  const cells: Cell[] = [];
  return (column) => (cells[column] ??= cellOf(figures, MEASURES[column] ?? 'index', t, lng, minRatings));
};

/** The columns of the ranking and of the trend: every measure, named. */
export const measureColumns = (t: TFunction<'stats'>) => MEASURES.map((m) => ({ key: m, label: t(`measures.${m}`) }));

const none = (withheld: boolean, t: TFunction<'stats'>): Cell => ({ value: null, text: withheld ? t('notEnough') : t('noData'), bar: null });
