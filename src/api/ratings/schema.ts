import { z } from 'zod/mini';
import { DossierCode, LocalisedText } from '../common/schema.ts';
import { RATING_LEVEL_VALUES } from './levels.ts';

/**
 * Satisfaction ratings of dossiers (docs/domain/quality-index.md). Shared by the rating flow,
 * the public statistics and the simulated backend; requests and query options live beside it.
 */

/** The three levels of the "overall" and "convenience" questions. */
export const RatingLevel = z.enum(RATING_LEVEL_VALUES);
export type RatingLevel = z.infer<typeof RatingLevel>;
export const RATING_LEVELS: readonly RatingLevel[] = RatingLevel.options;

/** How the rating reached the backend. */
export const RatingChannel = z.enum(['online', 'kiosk', 'assisted', 'counter']);
export type RatingChannel = z.infer<typeof RatingChannel>;

/** One of the nine official indicators, scored 2 / 1 / 0. */
export const IndicatorScore = z.union([z.literal(0), z.literal(1), z.literal(2)]);
export type IndicatorScore = z.infer<typeof IndicatorScore>;

/** A rating as the backend stores it and the statistics count it. */
export const StoredRating = z.object({
  id: z.string(),
  dossierCode: z.string(),
  agencyCode: z.string(),
  procedureId: z.string(),
  channel: RatingChannel,
  criteriaVersion: z.string(),
  overall: RatingLevel,
  convenience: z.optional(RatingLevel),
  /** Indicator id → score; only the indicators the citizen answered. */
  indicators: z._default(z.record(z.string(), IndicatorScore), {}),
  comment: z.optional(z.string()),
  createdAt: z.iso.datetime(),
});
export type StoredRating = z.infer<typeof StoredRating>;

// ---------------------------------------------------------------------------------------------
// The criteria: data from the backend, so a province changes them without a release
// ---------------------------------------------------------------------------------------------

const nonEmpty = () => z.string().check(z.minLength(1));

/** A comment is optional and at most this long; never only spaces. */
export const COMMENT_MAX = 1000;

/** One indicator: its question, and what each score it may get means. */
export const RatingIndicator = z.object({
  id: z.string().check(z.regex(/^[a-z][a-z0-9-]{0,39}$/)),
  label: LocalisedText,
  /** Best first: 2, 1, 0. */
  scores: z.array(z.object({ score: IndicatorScore, label: LocalisedText })).check(z.minLength(2)),
});
export type RatingIndicator = z.infer<typeof RatingIndicator>;

/** A question answered on the three levels (overall, convenience). */
export const LevelQuestion = z.object({ label: LocalisedText });

/** GET /ratings/criteria: the set a rating must be given against (its version goes with it). */
export const RatingCriteria = z.object({
  version: nonEmpty(),
  overall: LevelQuestion,
  convenience: LevelQuestion,
  /** Level → its words (Rất hài lòng / Hài lòng / Không hài lòng). */
  levels: z.array(z.object({ level: RatingLevel, label: LocalisedText })).check(z.minLength(3)),
  indicators: z.array(RatingIndicator),
  /** Whether anyone answers a rating's comment: said next to the comment box. */
  replies: z.boolean(),
});
export type RatingCriteria = z.infer<typeof RatingCriteria>;

// ---------------------------------------------------------------------------------------------
// Giving a rating
// ---------------------------------------------------------------------------------------------

/**
 * POST /dossiers/{code}/rating. `ratingToken`: instead of a session, the short-lived token a
 * successful public look-up (/track) gave for this dossier.
 */
export const RateDossier = z.object({
  channel: RatingChannel,
  criteriaVersion: nonEmpty(),
  overall: RatingLevel,
  convenience: z.optional(RatingLevel),
  indicators: z.optional(z.record(z.string(), IndicatorScore)),
  comment: z.optional(z.string().check(z.maxLength(COMMENT_MAX))),
  ratingToken: z.optional(nonEmpty()),
});
export type RateDossier = z.infer<typeof RateDossier>;

/** GET /dossiers/{code}/rating: the rating given, or null while there is none. */
export const DossierRating = z.object({ dossierCode: DossierCode, rating: z.nullable(StoredRating) });
export type DossierRating = z.infer<typeof DossierRating>;

/** What a public look-up of a finished dossier adds (defined with the look-up's answer). */
export { RatingInvitation } from '../dossiers/schema.ts';

/** How often one citizen (or one look-up's token) may post a rating: 429 with Retry-After beyond. */
export const RATING_POST_LIMIT = { requests: 10, windowMs: 60_000 } as const;
/** How long a look-up's rating token lasts. */
export const RATING_TOKEN_TTL_MS = 30 * 60_000;

/** Statuses after which a dossier may be rated (result ready or handed over, refused, withdrawn). */
export const RATABLE_STATUSES = ['result-ready', 'returned', 'rejected', 'withdrawn'] as const;
export const isRatable = (status: string): boolean => (RATABLE_STATUSES as readonly string[]).includes(status);
