import { assistedByOf, confirmConsent, recordAssistedSubmission, startConsent } from '../../mocks/assisted.ts';
import { validAnswers } from '../../mocks/answers.ts';
import { submitDossier } from '../../mocks/dossiers/lifecycle.ts';
import { sentSms } from '../../mocks/sms.ts';
import { queryClient } from '../app/query-client.ts';
import { CITIZEN } from './session.ts';

/** Trần Văn Hùng, a volunteer of the Kim Long ward team (mocks/fixtures/citizens.ts). */
export const VOLUNTEER = 'vneid-046088005555';
export const MARITAL = '1.004873';

/**
 * A volunteer got the resident's consent by the SMS code (docs/domain/assisted.md), as the
 * backend records it: An by default (ID 046095001234, phone 0912345678). Returns the consent id.
 */
export const consentBySms = (resident = { id: CITIZEN, idNumber: '046095001234', phone: '0912345678' }, volunteer = VOLUNTEER): string => {
  const started = startConsent(volunteer, { residentIdNumber: resident.idNumber, scope: { procedures: [MARITAL], data: ['identity', 'residence', 'contact'] }, minutes: 60 });
  if (!started.ok) throw new Error(started.title);
  const code = /Mã xác nhận: (\d{6})/.exec(sentSms(resident.phone).at(-1)?.text ?? '')?.[1] ?? '';
  const grant = confirmConsent(volunteer, started.value.id, code);
  if (!grant.ok) throw new Error(grant.title);
  return grant.value.consent.id;
};

/** A dossier filed under that consent with the delegated token, as the dossier handler files it. */
export const fileWithHelp = (consentId: string, residentId = CITIZEN, volunteer = VOLUNTEER): string => {
  const assistedBy = assistedByOf(consentId);
  if (!assistedBy) throw new Error(`no consent ${consentId}`);
  const assisted = { volunteerId: volunteer, consentId, trackUrl: 'http://localhost:3000/track', assistedBy };
  const outcome = submitDossier(residentId, crypto.randomUUID(), { procedureId: MARITAL, values: validAnswers(MARITAL, residentId), documents: [] }, new Date(), assisted);
  if (!outcome.ok) throw new Error(outcome.title);
  recordAssistedSubmission(consentId, outcome.value, assisted.trackUrl);
  return outcome.value.code;
};

/** A fresh start of the app: nothing in memory, only what the phone kept (IndexedDB). */
export const forgetQueries = (): void => queryClient.clear();
