import { OidcClient, WebStorageStateStore } from 'oidc-client-ts';
import { oidcConfig } from './config.ts';

/**
 * Assisted mode, consent by sign-in (docs/domain/assisted.md): the resident signs in with their
 * own VNeID on the volunteer's phone. A separate authorization request (code + PKCE, its own
 * redirect URI and its own state store) whose only result is the resident's fresh ID token, for
 * the backend to record the consent: no session of the resident starts, and the volunteer's own
 * (`mcs.oidc.user:` in sessionStorage, or the kept one in memory) is never touched. The
 * resident's access token from that sign-in is revoked at once. Imported dynamically only.
 */
export const RESIDENT_STATE_PREFIX = 'mcs.resident-signin.';
export const RESIDENT_CALLBACK_PATH = '/assist/signed-in';

/** How recent the resident's authentication must be (seconds): the backend accepts 5 minutes. */
const MAX_AGE_SECONDS = 300;

let client: OidcClient | undefined;
const residentClient = (): OidcClient => {
  if (client) return client;
  const config = oidcConfig();
  client = new OidcClient({
    authority: config.authority,
    client_id: config.clientId,
    redirect_uri: `${window.location.origin}${RESIDENT_CALLBACK_PATH}`,
    response_type: 'code',
    scope: 'openid profile',
    stateStore: new WebStorageStateStore({ store: window.sessionStorage, prefix: RESIDENT_STATE_PREFIX }),
    loadUserInfo: false,
  });
  return client;
};

export type ResidentSignInFailure = 'cancelled' | 'network' | 'failed';

export class ResidentSignInError extends Error {
  readonly reason: ResidentSignInFailure;
  constructor(reason: ResidentSignInFailure, options?: { cause?: unknown }) {
    super(`Resident sign-in ${reason}`, options);
    this.reason = reason;
  }
}

const failureOf = (error: unknown): ResidentSignInError => {
  if (error instanceof ResidentSignInError) return error;
  const code = (error as { error?: unknown } | null)?.error;
  if (code === 'access_denied') return new ResidentSignInError('cancelled', { cause: error });
  // A fetch that never got an answer (no signal, the provider unreachable).
  if (error instanceof TypeError || !navigator.onLine) return new ResidentSignInError('network', { cause: error });
  const message = error instanceof Error ? error.message : '';
  if (/network|fetch|failed to fetch/i.test(message)) return new ResidentSignInError('network', { cause: error });
  return new ResidentSignInError('failed', { cause: error });
};

/**
 * The authorization request for the resident: `prompt=login` so a session the provider may hold
 * for the volunteer is never reused — the resident types their own secret. `state` comes back
 * with the answer (what the consent is for).
 */
export const residentSignInUrl = async (state: unknown): Promise<string> => {
  // The provider's page would not load: say so here, before leaving the app.
  if (!navigator.onLine) throw new ResidentSignInError('network');
  try {
    const oidc = residentClient();
    await oidc.clearStaleState().catch(() => undefined);
    const request = await oidc.createSigninRequest({
      state,
      prompt: 'login',
      max_age: MAX_AGE_SECONDS,
      ui_locales: document.documentElement.lang || 'vi',
    });
    return request.url;
  } catch (error) {
    throw failureOf(error);
  }
};

/** Off to the identity provider for the resident; back at RESIDENT_CALLBACK_PATH. */
export const startResidentSignIn = async (state: unknown): Promise<void> => {
  window.location.assign(await residentSignInUrl(state));
};

export interface ResidentSignIn {
  /** The resident's ID token: what the backend verifies to record the consent. */
  idToken: string;
  sub: string;
  name: string;
  /** What was passed to startResidentSignIn. */
  state: unknown;
}

/** Back from the provider: the code for tokens (PKCE), the access token revoked, the ID token kept. */
export const completeResidentSignIn = async (url: string): Promise<ResidentSignIn> => {
  const oidc = residentClient();
  let response;
  try {
    response = await oidc.processSigninResponse(url);
  } catch (error) {
    throw failureOf(error);
  }
  if (!response.id_token) throw new ResidentSignInError('failed');
  // Nothing is done with it: the resident's own session is not to live on the volunteer's phone.
  void oidc.revokeToken(response.access_token, 'access_token').catch(() => undefined);
  return { idToken: response.id_token, sub: response.profile.sub, name: String(response.profile.name ?? ''), state: response.userState };
};
