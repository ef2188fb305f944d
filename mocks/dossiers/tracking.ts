import { DOSSIER_CODE, normaliseDossierCode, type TrackResult } from '../../src/api/dossiers/schema.ts';
import { progress, view } from './lifecycle.ts';
import { done, fail, NOT_FOUND, state, type Outcome } from './state.ts';

/** Code plus the last 4 digits of the applicant's phone; a wrong pair and an unknown code look alike. */
export const trackDossier = (rawCode: string | null, phone: string | null, now = new Date()): Outcome<TrackResult> => {
  const code = normaliseDossierCode(rawCode ?? '');
  if (!DOSSIER_CODE.test(code)) return fail(400, 'invalid-code', 'Not a dossier code');
  const record = state.dossiers.get(code);
  const digits = (phone ?? '').replace(/\s+/g, '');
  if (!record || !/^\d{4}$/.test(digits) || record.phoneLast4 !== digits) return NOT_FOUND();
  progress(record, now);
  const { procedureName, agencyName, status, submittedAt, dueOn, overdue, events } = view(record, now);
  return done({ code, procedureName, agencyName, status, submittedAt, dueOn, overdue, events }, false);
};
