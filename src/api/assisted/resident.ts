import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../client.ts';
import { AuditList, Consent, ConsentList, HelpRating, HelpRatingList, type RateHelp } from './schema.ts';

/**
 * The resident's side of assisted mode (docs/domain/assisted.md), signed in as themself: the
 * consents they gave volunteers, the audit trail of what was done for them, revoking, rating the
 * help. Personal: kept in memory (and the last copy on the device, wiped at sign-out).
 */
export const getMyConsents = (signal?: AbortSignal): Promise<ConsentList> => apiRequest('/me/assisted/consents', ConsentList, { signal, auth: true });

export const getMyAudit = (signal?: AbortSignal): Promise<AuditList> => apiRequest('/me/assisted/audit', AuditList, { signal, auth: true });

export const getMyHelpRatings = (signal?: AbortSignal): Promise<HelpRatingList> => apiRequest('/me/assisted/ratings', HelpRatingList, { signal, auth: true });

/** Withdraws a running consent: every delegated token under it stops at once. */
export const revokeMyConsent = (id: string): Promise<Consent> =>
  apiRequest(`/me/assisted/consents/${encodeURIComponent(id)}/revoke`, Consent, { method: 'POST', auth: true });

/**
 * Rates the help itself (channel "assisted"), once per consent; the key makes a resend harmless.
 * `ownToken`: the person's own token, when the session the app reads is a resident they help.
 */
export const rateHelp = (consentId: string, body: RateHelp, idempotencyKey: string, ownToken?: string): Promise<HelpRating> =>
  apiRequest(`/me/assisted/consents/${encodeURIComponent(consentId)}/rating`, HelpRating, {
    method: 'POST',
    body,
    headers: { 'Idempotency-Key': idempotencyKey },
    ...(ownToken ? { token: ownToken } : { auth: true }),
  });

/** Keyed by the resident's `sub`, like every personal query. */
export const residentAssistedKeys = {
  all: ['assisted', 'resident'] as const,
  consents: (sub: string) => [...residentAssistedKeys.all, 'consents', sub] as const,
  audit: (sub: string) => [...residentAssistedKeys.all, 'audit', sub] as const,
  ratings: (sub: string) => [...residentAssistedKeys.all, 'ratings', sub] as const,
};

export const myConsentsQueryOptions = (sub: string) =>
  queryOptions({ queryKey: residentAssistedKeys.consents(sub), queryFn: ({ signal }) => getMyConsents(signal), staleTime: 15_000 });

export const myAuditQueryOptions = (sub: string) =>
  queryOptions({ queryKey: residentAssistedKeys.audit(sub), queryFn: ({ signal }) => getMyAudit(signal), staleTime: 15_000 });

export const myHelpRatingsQueryOptions = (sub: string) =>
  queryOptions({ queryKey: residentAssistedKeys.ratings(sub), queryFn: ({ signal }) => getMyHelpRatings(signal), staleTime: 15_000 });
