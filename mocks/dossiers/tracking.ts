import { DOSSIER_CODE, normaliseDossierCode, type TrackResult } from '../../src/api/dossiers/schema.ts';
import { progress, view } from './lifecycle.ts';
import { trackClientRefusal, trackCodeRefusal, trackHit, trackMiss } from './limits.ts';
import { done, fail, NOT_FOUND, state, type Outcome } from './state.ts';
import { ratingInvitation } from '../ratings/rate.ts';

/**
 * Code plus the last 4 digits of the phone declared on the dossier; a wrong pair and an unknown
 * code look alike. In this order, cheapest first: the client's budget (nothing parsed), the
 * code's lock (one map read), and only then the dossier. A finished dossier's answer carries a
 * rating token (mocks/ratings/rate.ts).
 */
export const trackDossier = (rawCode: string | null, phone: string | null, client: string, now = new Date()): Outcome<TrackResult> => {
  const limited = trackClientRefusal(client, now);
  if (limited) return limited;
  const code = normaliseDossierCode(rawCode ?? '');
  if (!DOSSIER_CODE.test(code)) return fail(400, 'invalid-code', 'Not a dossier code');
  const locked = trackCodeRefusal(code, now);
  if (locked) return locked;
  const record = state.dossiers.get(code);
  const digits = (phone ?? '').replace(/\s+/g, '');
  if (!record || !/^\d{4}$/.test(digits) || record.phoneLast4 !== digits) {
    trackMiss(code, now);
    return NOT_FOUND();
  }
  trackHit(code);
  progress(record, now);
  const { procedureName, agencyName, status, submittedAt, dueOn, overdue, events } = view(record, now);
  // A finished dossier may be rated by whoever just proved they hold its receipt (no sign-in).
  const rating = ratingInvitation(record, now);
  return done({ code, procedureName, agencyName, status, submittedAt, dueOn, overdue, events, ...(rating ? { rating } : {}) }, false);
};
