import { z } from 'zod/mini';

/**
 * Satisfaction ratings of dossiers (docs/domain/quality-index.md). Shared by the rating flow,
 * the public statistics and the simulated backend; requests and query options live beside it.
 */

/** The three levels of the "overall" and "convenience" questions. */
export const RatingLevel = z.enum(['very-satisfied', 'satisfied', 'dissatisfied']);
export type RatingLevel = z.infer<typeof RatingLevel>;

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
