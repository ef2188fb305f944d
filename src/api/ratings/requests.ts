import { apiRequest } from '../client.ts';
import { DossierRating, RatingCriteria, StoredRating, type RateDossier } from './schema.ts';

const ratingPath = (code: string) => `/dossiers/${encodeURIComponent(code)}/rating`;

/** Public: the criteria a rating is given against, with their version. */
export const getRatingCriteria = (signal?: AbortSignal): Promise<RatingCriteria> => apiRequest('/ratings/criteria', RatingCriteria, { signal });

/** The rating the citizen gave this dossier of theirs, or null. */
export const getDossierRating = (code: string, signal?: AbortSignal): Promise<DossierRating> => apiRequest(ratingPath(code), DossierRating, { signal, auth: true });

/**
 * Rates a finished dossier, exactly once: the same `idempotencyKey` on every retry answers the
 * rating already stored. Signed in, or with the token of a public look-up (`body.ratingToken`,
 * no session needed). A second rating is refused ('already-rated', 409, with what was given).
 */
export const rateDossier = (code: string, body: RateDossier, idempotencyKey: string): Promise<StoredRating> =>
  apiRequest(ratingPath(code), StoredRating, { method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey }, auth: body.ratingToken === undefined });
