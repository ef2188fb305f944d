import { describe, expect, it } from 'vitest';
import { addIndicator, emptyAggregate, type Aggregate } from './aggregate.ts';
import { figuresOf, indexScores } from './figures.ts';

/** An agency-month with `n` dossiers of which `share` of everything went well. */
const aggregate = (fields: Partial<Omit<Aggregate, 'levels' | 'indicators'>> & { levels?: Partial<Aggregate['levels']> } = {}): Aggregate => {
  const a = emptyAggregate();
  Object.assign(a, { ...fields, levels: { ...a.levels, ...fields.levels } });
  return a;
};

const perfect = () => {
  const a = aggregate({ received: 100, online: 100, feeDue: 40, paidOnline: 40, digitised: 100, synced: 100, publishedOnTime: 100, settled: 100, timed: 100, onTime: 100, days: 500, legalDays: 1000, resultsDigitised: 100, ratings: 20, levels: { 'very-satisfied': 20 } });
  for (let i = 0; i < 20; i++) addIndicator(a, 'staff-attitude', 2);
  return a;
};

describe('the 766 index', () => {
  it('gives 100 when everything went right, with each group at its maximum', () => {
    expect(indexScores(perfect(), 10)).toEqual({ total: 100, transparency: 18, progress: 20, digitisation: 22, online: 22, satisfaction: 18 });
  });

  it('scores each group by the formulas in docs/domain/quality-index.md', () => {
    const a = aggregate({
      received: 200,
      synced: 150, // 9 × 0.75
      publishedOnTime: 100, // 9 × 0.5
      digitised: 100, // 11 × 0.5
      online: 120, // 12 × 0.6
      feeDue: 50,
      paidOnline: 20, // 10 × 0.4
      settled: 100,
      resultsDigitised: 80, // 11 × 0.8
      timed: 80,
      onTime: 55, // 20 without a legal time count as on time: 14 × 75 / 100
      days: 960, // 12 days on average against 10: 6 × (2 − 1.2)
      legalDays: 800,
      ratings: 40,
      levels: { 'very-satisfied': 10, satisfied: 20, dissatisfied: 10 }, // 6 × 0.75
      complaints: 4,
      complaintsOnTime: 1, // 6 × 0.25
    });
    for (const score of [2, 1, 1, 0]) addIndicator(a, 'contacts', score); // 6 × 4 / 8
    const index = indexScores(a, 10);
    // Each group to one decimal: 4.5 + 6.75 = 11.25 → 11.3.
    expect(index).toEqual({ transparency: 11.3, progress: 15.3, digitisation: 14.3, online: 11.2, satisfaction: 9, total: 61.1 });
  });

  it('lets online filing stand for all 22 points when no dossier had a fee', () => {
    expect(indexScores(aggregate({ received: 10, online: 5, settled: 10 }), 10).online).toBe(11);
  });

  it('gives no points for handling twice the legal time or more, and no negative ones', () => {
    const late = aggregate({ received: 10, settled: 10, timed: 10, onTime: 0, days: 300, legalDays: 100 });
    expect(indexScores(late, 10).progress).toBe(0);
  });

  it('withholds satisfaction and the total under the minimum number of ratings, not the other groups', () => {
    const a = perfect();
    a.ratings = 9;
    a.levels['very-satisfied'] = 9;
    const index = indexScores(a, 10);
    expect(index.satisfaction).toBeNull();
    expect(index.total).toBeNull();
    expect(index.progress).toBe(20);
  });

  it('scores nothing for an agency with no dossiers in the period', () => {
    expect(indexScores(emptyAggregate(), 10)).toEqual({ total: null, transparency: null, progress: null, digitisation: null, online: null, satisfaction: null });
  });
});

describe('published figures', () => {
  it('gives shares, averages and the count of ratings', () => {
    const a = perfect();
    a.levels = { 'very-satisfied': 8, satisfied: 8, dissatisfied: 4 };
    const figures = figuresOf(a, 10);
    expect(figures.ratings.count).toBe(20);
    expect(figures.ratings.levels).toEqual({ 'very-satisfied': 0.4, satisfied: 0.4, dissatisfied: 0.2 });
    expect(figures.ratings.satisfiedShare).toBeCloseTo(0.8);
    expect(figures.ratings.indicators.find((i) => i.id === 'staff-attitude')).toMatchObject({ answers: 20, average: 2 });
    expect(figures.ratings.indicators.find((i) => i.id === 'publicity')).toMatchObject({ answers: 0, average: null });
    expect(figures.dossiers).toEqual({ received: 100, settled: 100, onTimeShare: 1, averageDays: 5, averageLegalDays: 10, onlineShare: 1, paidOnlineShare: 1 });
  });

  it('hides every figure from ratings under the minimum, but still says how many there are', () => {
    const a = aggregate({ ratings: 9, levels: { satisfied: 9 } });
    for (let i = 0; i < 9; i++) addIndicator(a, 'contacts', 2);
    const { ratings } = figuresOf(a, 10);
    expect(ratings).toMatchObject({ count: 9, levels: null, satisfiedShare: null });
    expect(ratings.indicators.find((i) => i.id === 'contacts')).toMatchObject({ answers: 9, average: null });
  });

  it('lists an indicator it does not know under its id, after the official nine', () => {
    const a = perfect();
    addIndicator(a, 'parking', 1);
    const ids = figuresOf(a, 10).ratings.indicators.map((i) => i.id);
    expect(ids).toHaveLength(10);
    expect(ids.at(-1)).toBe('parking');
  });
});
