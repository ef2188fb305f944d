import { apiRequest } from '../client.ts';
import { ApiError } from '../errors.ts';
import { oidcConfig } from '../../auth/config.ts';
import {
  ACCESS_TOKEN_TYPE,
  CONSENT_TOKEN_TYPE,
  Consent,
  ConsentGrant,
  DelegatedClaims,
  DelegatedTokenResponse,
  TOKEN_EXCHANGE_GRANT,
  VolunteerStats,
  type SignedInConsent,
  type StartConsent,
} from './schema.ts';

/**
 * Assisted mode's requests (docs/domain/assisted.md). The volunteer's own token is passed
 * explicitly: while helping, the session the app reads is the resident's.
 */
export const startConsent = (body: StartConsent, ownToken: string): Promise<Consent> =>
  apiRequest('/assisted/consents', Consent, { method: 'POST', body, token: ownToken });

export const confirmConsent = (id: string, code: string, ownToken: string): Promise<ConsentGrant> =>
  apiRequest(`/assisted/consents/${encodeURIComponent(id)}/confirm`, ConsentGrant, { method: 'POST', body: { code }, token: ownToken });

/** The second way: the resident signed in with their own VNeID on this phone just now (their ID token). */
export const signedInConsent = (body: SignedInConsent, ownToken: string): Promise<ConsentGrant> =>
  apiRequest('/assisted/consents/signed-in', ConsentGrant, { method: 'POST', body, token: ownToken });

export const endConsent = (id: string, ownToken: string): Promise<Consent> =>
  apiRequest(`/assisted/consents/${encodeURIComponent(id)}/end`, Consent, { method: 'POST', token: ownToken });

export const volunteerStats = (ownToken: string, signal?: AbortSignal): Promise<VolunteerStats> => apiRequest('/assisted/volunteer/stats', VolunteerStats, { token: ownToken, signal });

let tokenEndpoint: Promise<string> | undefined;
const discoverTokenEndpoint = () =>
  (tokenEndpoint ??= fetch(`${oidcConfig().authority}/.well-known/openid-configuration`)
    .then((r) => (r.ok ? (r.json() as Promise<{ token_endpoint: string }>) : Promise.reject(new Error(`metadata ${r.status}`))))
    .then((m) => m.token_endpoint)
    .catch((error: unknown) => {
      tokenEndpoint = undefined;
      throw new ApiError('network', 'Identity provider unreachable', { cause: error });
    }));

/** A delegated token and what it says, decoded (the provider signed it; the backend checks it). */
export interface Delegation {
  accessToken: string;
  claims: DelegatedClaims;
}

const decodeClaims = (jwt: string): DelegatedClaims => {
  const payload = jwt.split('.')[1] ?? '';
  const json = new TextDecoder().decode(Uint8Array.from(atob(payload.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)));
  const parsed = DelegatedClaims.safeParse(JSON.parse(json));
  if (!parsed.success) throw new ApiError('invalid-response', 'The delegated token does not say whom it is for');
  return parsed.data;
};

/** RFC 8693 at the identity provider: the consent handle (subject) and the volunteer's own token (actor). */
export const exchangeConsent = async (consentToken: string, ownToken: string): Promise<Delegation> => {
  const response = await fetch(await discoverTokenEndpoint(), {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: TOKEN_EXCHANGE_GRANT,
      client_id: oidcConfig().clientId,
      subject_token: consentToken,
      subject_token_type: CONSENT_TOKEN_TYPE,
      actor_token: ownToken,
      actor_token_type: ACCESS_TOKEN_TYPE,
    }),
  }).catch((cause: unknown) => {
    throw new ApiError('network', 'Token exchange failed', { cause });
  });
  const body: unknown = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError('client', 'Token exchange refused', { code: 'exchange-refused' });
  const parsed = DelegatedTokenResponse.safeParse(body);
  if (!parsed.success) throw new ApiError('invalid-response', 'Not a token exchange answer');
  return { accessToken: parsed.data.access_token, claims: decodeClaims(parsed.data.access_token) };
};
