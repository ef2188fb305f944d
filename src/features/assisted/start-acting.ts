import type { QueryClient } from '@tanstack/react-query';
import { CONSENT_DEFAULT_MINUTES, CONSENT_MINUTES, DATA_SCOPES, type ConsentGrant, type DataScope } from '../../api/assisted/schema.ts';
import type { Delegation } from '../../api/assisted/requests.ts';
import { setActingSession } from '../../auth/session.ts';
import { beginPersonalSession } from '../../offline/personal-db.ts';
import { rebindAssisted } from '../../offline/outbox.ts';

/**
 * A confirmed consent, however it was given (a code by SMS, or the resident's own sign-in): the
 * app acts as the resident with the delegated token, from a clean cache; the volunteer's own
 * session waits underneath. Returns where the help starts: the consented procedure's form.
 */
export const startActing = async (queryClient: QueryClient, grant: ConsentGrant, delegation: Delegation, ownSub: string): Promise<string> => {
  const { claims, accessToken } = delegation;
  queryClient.clear();
  beginPersonalSession();
  setActingSession({ sub: claims.sub, name: claims.name, accessToken, idToken: '', expiresAt: claims.exp, consentId: grant.consent.id, actorSub: ownSub });
  // A dossier of theirs that waited past an earlier consent goes with this one.
  await rebindAssisted(claims.sub, { token: accessToken, residentName: claims.name, consentId: grant.consent.id, expiresAt: claims.exp }).catch(() => 0);
  forgetHelpDraft();
  return `/services/${encodeURIComponent(grant.consent.scope.procedures[0] ?? '')}/apply`;
};

/**
 * What the volunteer chose on the consent screen, kept in the tab while the resident is away at
 * VNeID (the page reloads on the way back): put back if the sign-in fails or is cancelled.
 * Nothing that names the resident.
 */
export interface HelpDraft {
  method: 'sms' | 'sign-in';
  procedureId: string;
  data: DataScope[];
  minutes: (typeof CONSENT_MINUTES)[number];
}
const DRAFT_KEY = 'mcs.assist.draft';

export const saveHelpDraft = (draft: HelpDraft): void => {
  try {
    sessionStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
  } catch {
    // Storage blocked: the choices are asked again.
  }
};

export const readHelpDraft = (): HelpDraft | null => {
  try {
    const draft = JSON.parse(sessionStorage.getItem(DRAFT_KEY) ?? 'null') as Partial<HelpDraft> | null;
    if (!draft || typeof draft.procedureId !== 'string' || !Array.isArray(draft.data) || typeof draft.minutes !== 'number') return null;
    const minutes = CONSENT_MINUTES.find((m) => m === draft.minutes) ?? CONSENT_DEFAULT_MINUTES;
    const data = DATA_SCOPES.filter((d) => draft.data?.includes(d));
    return { method: draft.method === 'sign-in' ? 'sign-in' : 'sms', procedureId: draft.procedureId, data, minutes };
  } catch {
    return null;
  }
};

export const forgetHelpDraft = (): void => {
  try {
    sessionStorage.removeItem(DRAFT_KEY);
  } catch {
    // Nothing to forget.
  }
};
