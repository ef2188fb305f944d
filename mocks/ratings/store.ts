import type { StoredRating } from '../../src/api/ratings/schema.ts';

/**
 * Ratings received by the simulated backend (live ones: the seeded history of the statistics
 * lives with the statistics). Reset with the rest of the simulated backend.
 */
let ratings = new Map<string, StoredRating>();

/** By dossier code (one rating per dossier). */
export const ratingsByDossier = (): Map<string, StoredRating> => ratings;

/** Every live rating, oldest first. */
export const liveRatings = (): StoredRating[] => [...ratings.values()];

export const resetRatings = (): void => {
  ratings = new Map();
};
