import { z } from 'zod/mini';
import { LocalisedText } from '../common/schema.ts';
import { Agency } from '../procedures/schema.ts';

/**
 * Public statistics per agency and for the whole province (docs/domain/quality-index.md): the
 * citizens' ratings, how dossiers were handled, and the service-quality index of Decision
 * 766/QĐ-TTg. The BACKEND computes every figure; the app shows them and never recomputes one.
 *
 * A figure computed from fewer than `minRatings` ratings is withheld by the backend (null): too
 * few answers say nothing about an agency and may point at the people who gave them.
 */

/** Below this many ratings, figures from ratings are not published. */
export const MIN_RATINGS = 10;

const count = () => z.int().check(z.minimum(0));
/** A share between 0 and 1; null when there is nothing to divide (or too few ratings). */
const share = () => z.nullable(z.number().check(z.minimum(0), z.maximum(1)));
/** Points of the index; null when withheld. */
const points = (max: number) => z.nullable(z.number().check(z.minimum(0), z.maximum(max)));

export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const Month = z.string().check(z.regex(MONTH));

export const StatsPeriod = z.object({
  kind: z.enum(['month', 'quarter', 'year']),
  /** As in the URL: "2026-11", "2026-Q3", "2026". */
  key: z.string().check(z.regex(/^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]))?$/)),
  /** First and last day (Vietnamese calendar). */
  from: z.iso.date(),
  to: z.iso.date(),
});
export type StatsPeriod = z.infer<typeof StatsPeriod>;

export const IndicatorFigure = z.object({
  id: z.string().check(z.minLength(1)),
  /** Ratings that scored this indicator. */
  answers: count(),
  /** Mean score, 0 to 2; null under `minRatings` answers. */
  average: z.nullable(z.number().check(z.minimum(0), z.maximum(2))),
});
export type IndicatorFigure = z.infer<typeof IndicatorFigure>;

export const RatingFigures = z.object({
  /** Ratings given in the period. */
  count: count(),
  /** Share at each level of the overall question; null under `minRatings`. */
  levels: z.nullable(z.object({ 'very-satisfied': z.number(), satisfied: z.number(), dissatisfied: z.number() })),
  /** Very satisfied or satisfied; null under `minRatings`. */
  satisfiedShare: share(),
  indicators: z.array(IndicatorFigure),
});
export type RatingFigures = z.infer<typeof RatingFigures>;

export const DossierFigures = z.object({
  /** Dossiers received in the period. */
  received: count(),
  /** Dossiers settled (result issued or refused) in the period. */
  settled: count(),
  /** Of the settled ones with a legal time limit, the share settled within it. */
  onTimeShare: share(),
  /** Mean handling time and mean legal time of those, in working days. */
  averageDays: z.nullable(z.number().check(z.minimum(0))),
  averageLegalDays: z.nullable(z.number().check(z.minimum(0))),
  /** Of the received ones, the share filed online. */
  onlineShare: share(),
  /** Of the received ones with a fee to pay, the share paid online. */
  paidOnlineShare: share(),
});
export type DossierFigures = z.infer<typeof DossierFigures>;

/** The 766 index: five groups and their total, out of 100. */
export const IndexScores = z.object({
  total: points(100),
  transparency: points(18),
  progress: points(20),
  digitisation: points(22),
  online: points(22),
  satisfaction: points(18),
});
export type IndexScores = z.infer<typeof IndexScores>;
export { INDEX_GROUPS, INDEX_MAX, type IndexGroup } from './index-groups.ts';

export const Figures = z.object({ ratings: RatingFigures, dossiers: DossierFigures, index: IndexScores });
export type Figures = z.infer<typeof Figures>;

const Common = {
  period: StatsPeriod,
  /** The months the backend holds figures for: the periods worth offering. */
  available: z.object({ from: Month, to: Month }),
  minRatings: z.int().check(z.minimum(1)),
  /** The indicators' names, by the ids the figures use (once, not in every figure). */
  indicators: z.array(z.object({ id: z.string().check(z.minLength(1)), label: LocalisedText })),
  generatedAt: z.iso.datetime(),
};

/** GET /stats?period=…: the province and every agency. Without a period: the current year. */
export const ProvinceStats = z.object({
  ...Common,
  province: Figures,
  agencies: z.array(z.object({ agency: Agency, figures: Figures })),
});
export type ProvinceStats = z.infer<typeof ProvinceStats>;

/** GET /stats/agencies/{id}?period=…: one agency, the province beside it, and its monthly trend. */
export const AgencyStats = z.object({
  ...Common,
  agency: Agency,
  figures: Figures,
  province: Figures,
  /** Month by month, up to 12 months ending with the period's last month, oldest first. */
  trend: z.array(z.object({ month: Month, figures: Figures })),
});
export type AgencyStats = z.infer<typeof AgencyStats>;
