import type { RatingLevel } from '../../src/api/ratings/schema.ts';

/**
 * Sums for one agency and one month (or any union of them): every published figure is a ratio
 * of these, so the statistics of any period are sums of precomputed months, never a pass over
 * dossiers. `received`-side counts are booked in the month a dossier was received, `settled`-side
 * ones in the month it was settled, ratings and complaints in the month they were given.
 */
export interface Aggregate {
  received: number;
  /**
   * Of the received: filed online, with a fee to pay, paid online, digitised, synchronised to the
   * national portal, each change of status published there on time.
   */
  online: number;
  feeDue: number;
  paidOnline: number;
  digitised: number;
  synced: number;
  publishedOnTime: number;
  settled: number;
  /** Of the settled: with a legal time limit, settled within it, their working days and legal days. */
  timed: number;
  onTime: number;
  days: number;
  legalDays: number;
  /** Of the settled: the result issued electronically. */
  resultsDigitised: number;
  ratings: number;
  levels: Record<RatingLevel, number>;
  /** Indicator id → sum of scores and number of answers. */
  indicators: Map<string, { sum: number; answers: number }>;
  complaints: number;
  complaintsOnTime: number;
}

export const emptyAggregate = (): Aggregate => ({
  received: 0,
  online: 0,
  feeDue: 0,
  paidOnline: 0,
  digitised: 0,
  synced: 0,
  publishedOnTime: 0,
  settled: 0,
  timed: 0,
  onTime: 0,
  days: 0,
  legalDays: 0,
  resultsDigitised: 0,
  ratings: 0,
  levels: { 'very-satisfied': 0, satisfied: 0, dissatisfied: 0 },
  indicators: new Map(),
  complaints: 0,
  complaintsOnTime: 0,
});

const COUNTS = ['received', 'online', 'feeDue', 'paidOnline', 'digitised', 'synced', 'publishedOnTime', 'settled', 'timed', 'onTime', 'days', 'legalDays', 'resultsDigitised', 'ratings', 'complaints', 'complaintsOnTime'] as const;

/** Adds `from` into `into` (in place) and returns `into`. */
export const addInto = (into: Aggregate, from: Aggregate): Aggregate => {
  for (const key of COUNTS) into[key] += from[key];
  into.levels['very-satisfied'] += from.levels['very-satisfied'];
  into.levels.satisfied += from.levels.satisfied;
  into.levels.dissatisfied += from.levels.dissatisfied;
  for (const [id, { sum, answers }] of from.indicators) {
    const entry = into.indicators.get(id);
    if (entry) {
      entry.sum += sum;
      entry.answers += answers;
    } else into.indicators.set(id, { sum, answers });
  }
  return into;
};

export const addIndicator = (into: Aggregate, id: string, score: number): void => {
  const entry = into.indicators.get(id);
  if (entry) {
    entry.sum += score;
    entry.answers += 1;
  } else into.indicators.set(id, { sum: score, answers: 1 });
};

/** agency id → month ("YYYY-MM") → sums. */
export type Book = Map<string, Map<string, Aggregate>>;

export const cell = (book: Book, agencyId: string, month: string): Aggregate => {
  let months = book.get(agencyId);
  if (!months) book.set(agencyId, (months = new Map()));
  let aggregate = months.get(month);
  if (!aggregate) months.set(month, (aggregate = emptyAggregate()));
  return aggregate;
};
