import type { StoredRating } from '../../src/api/ratings/schema.ts';

/**
 * Ratings received by the simulated backend (live ones: the seeded history of the statistics
 * lives with the statistics), the rating tokens public look-ups gave out, and recent posts per
 * rater (the flood limit). Reset with the rest of the simulated backend.
 */
let ratings = new Map<string, StoredRating>();
/** Opaque token → the one dossier it may rate, and until when (ms). */
let tokens = new Map<string, { dossierCode: string; expiresAt: number }>();
/** Rater (citizen, or a client without a session) → times of recent rating posts (ms). */
let posts = new Map<string, number[]>();

/** By dossier code (one rating per dossier). */
export const ratingsByDossier = (): Map<string, StoredRating> => ratings;

/** Every live rating, oldest first. */
export const liveRatings = (): StoredRating[] => [...ratings.values()];

export const ratingTokens = (): Map<string, { dossierCode: string; expiresAt: number }> => tokens;

export const ratingPosts = (): Map<string, number[]> => posts;

export const resetRatings = (): void => {
  ratings = new Map();
  tokens = new Map();
  posts = new Map();
};
