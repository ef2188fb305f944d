import type { DossierFigures, Figures, IndexScores, RatingFigures } from '../../src/api/stats/schema.ts';
import type { Aggregate } from './aggregate.ts';
import { OFFICIAL_INDICATORS } from './indicators.ts';

/**
 * Published figures from sums (aggregate.ts), and the service-quality index of Decision
 * 766/QĐ-TTg. The group weights are the decision's; how each group is scored from what this
 * backend holds is OUR OWN READING, written down in docs/domain/quality-index.md — keep the two
 * in step.
 */

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const round = (x: number | null, digits = 1): number | null => (x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits);

export const ratingFigures = (a: Aggregate, minRatings: number): RatingFigures => {
  const enough = a.ratings >= minRatings;
  const ids = [...OFFICIAL_INDICATORS.map((i) => i.id), ...[...a.indicators.keys()].filter((id) => !OFFICIAL_INDICATORS.some((i) => i.id === id)).sort()];
  return {
    count: a.ratings,
    levels: enough
      ? { 'very-satisfied': a.levels['very-satisfied'] / a.ratings, satisfied: a.levels.satisfied / a.ratings, dissatisfied: a.levels.dissatisfied / a.ratings }
      : null,
    satisfiedShare: enough ? (a.levels['very-satisfied'] + a.levels.satisfied) / a.ratings : null,
    indicators: ids.map((id) => {
      const { sum, answers } = a.indicators.get(id) ?? { sum: 0, answers: 0 };
      return { id, answers, average: answers >= minRatings ? round(sum / answers, 2) : null };
    }),
  };
};

export const dossierFigures = (a: Aggregate): DossierFigures => ({
  received: a.received,
  settled: a.settled,
  onTimeShare: ratio(a.onTime, a.timed),
  averageDays: round(ratio(a.days, a.timed)),
  averageLegalDays: round(ratio(a.legalDays, a.timed)),
  onlineShare: ratio(a.online, a.received),
  paidOnlineShare: ratio(a.paidOnline, a.feeDue),
});

/**
 * The index out of 100. A group is null when there is nothing to score it from (no dossier
 * received or settled; fewer than `minRatings` ratings for satisfaction); the total is null when
 * any group is.
 */
export const indexScores = (a: Aggregate, minRatings: number): IndexScores => {
  const synced = ratio(a.synced, a.received);
  const published = ratio(a.publishedOnTime, a.received);
  const transparency = synced === null || published === null ? null : 9 * synced + 9 * published;

  // A dossier without a fixed legal time cannot be late; the speed part needs a legal time.
  const onTime = ratio(a.onTime + (a.settled - a.timed), a.settled);
  const speed = a.legalDays > 0 ? clamp01(2 - a.days / a.legalDays) : 1;
  const progress = onTime === null ? null : 14 * onTime + 6 * speed;

  const digitised = ratio(a.digitised, a.received);
  const results = ratio(a.resultsDigitised, a.settled);
  const digitisation = digitised === null || results === null ? null : 11 * digitised + 11 * results;

  const online = ratio(a.online, a.received);
  const paid = ratio(a.paidOnline, a.feeDue);
  const onlineGroup = online === null ? null : paid === null ? 22 * online : 12 * online + 10 * paid;

  let satisfaction: number | null = null;
  if (a.ratings >= minRatings) {
    const satisfied = (a.levels['very-satisfied'] + a.levels.satisfied) / a.ratings;
    const complaints = a.complaints === 0 ? 1 : a.complaintsOnTime / a.complaints;
    let sum = 0;
    let answers = 0;
    for (const entry of a.indicators.values()) {
      sum += entry.sum;
      answers += entry.answers;
    }
    // No indicator answered: the overall question stands in for them.
    const indicators = answers > 0 ? sum / (2 * answers) : satisfied;
    satisfaction = 6 * satisfied + 6 * complaints + 6 * indicators;
  }
  // Each group to one decimal, and the total is their sum: the figures shown add up.
  const groups = { transparency: round(transparency), progress: round(progress), digitisation: round(digitisation), online: round(onlineGroup), satisfaction: round(satisfaction) };
  const values = Object.values(groups);
  const total = values.every((v): v is number => v !== null) ? round(values.reduce((s, v) => s + v, 0)) : null;
  return { total, ...groups };
};

export const figuresOf = (a: Aggregate, minRatings: number): Figures => ({
  ratings: ratingFigures(a, minRatings),
  dossiers: dossierFigures(a),
  index: indexScores(a, minRatings),
});
