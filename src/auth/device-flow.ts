import { oidcConfig } from './config.ts';
import { readSession, setMemorySession, type Session } from './session.ts';
import { wipePersonalData } from './wipe.ts';

/**
 * Signing in on a kiosk with the OAuth 2.0 Device Authorization Grant (RFC 8628): the kiosk
 * shows a QR code and a short code, the person approves on their own phone, the kiosk polls.
 * The session lives in memory only (never in web storage), has no refresh token, and ends with
 * `endKioskSession`: revoked at the provider, the device wiped, back to the hall's home screen.
 * Loaded only on a kiosk.
 */

export interface DeviceAuthorization {
  deviceCode: string;
  userCode: string;
  verificationUri: string;
  verificationUriComplete: string;
  expiresAt: number;
  interval: number;
}

/** Why a device sign-in stopped; each has its own message on the kiosk. */
export type DeviceFlowError = 'expired' | 'denied' | 'network' | 'refused';

export class DeviceFlowFailure extends Error {
  override readonly name = 'DeviceFlowFailure';
  readonly reason: DeviceFlowError;
  constructor(reason: DeviceFlowError) {
    super(`Device sign-in failed: ${reason}`);
    this.reason = reason;
  }
}

interface Discovery {
  device_authorization_endpoint?: string;
  token_endpoint?: string;
  revocation_endpoint?: string;
}

let discovery: Promise<Discovery> | undefined;
const metadata = (): Promise<Discovery> => {
  discovery ??= fetch(`${oidcConfig().authority}/.well-known/openid-configuration`)
    .then((r) => (r.ok ? (r.json() as Promise<Discovery>) : Promise.reject(new DeviceFlowFailure('refused'))))
    .catch((error: unknown) => {
      discovery = undefined;
      throw error instanceof DeviceFlowFailure ? error : new DeviceFlowFailure('network');
    });
  return discovery;
};

const post = async (url: string | undefined, body: Record<string, string>): Promise<Response> => {
  if (!url) throw new DeviceFlowFailure('refused');
  try {
    return await fetch(url, { method: 'POST', body: new URLSearchParams(body) });
  } catch {
    throw new DeviceFlowFailure('network');
  }
};

export const startDeviceAuthorization = async (): Promise<DeviceAuthorization> => {
  const endpoints = await metadata();
  const response = await post(endpoints.device_authorization_endpoint, { client_id: oidcConfig().clientId, scope: 'openid profile' });
  if (!response.ok) throw new DeviceFlowFailure('refused');
  const body = (await response.json()) as Record<string, unknown>;
  if (typeof body.device_code !== 'string' || typeof body.user_code !== 'string' || typeof body.verification_uri !== 'string') throw new DeviceFlowFailure('refused');
  return {
    deviceCode: body.device_code,
    userCode: body.user_code,
    verificationUri: body.verification_uri,
    verificationUriComplete: typeof body.verification_uri_complete === 'string' ? body.verification_uri_complete : body.verification_uri,
    expiresAt: Date.now() + (typeof body.expires_in === 'number' ? body.expires_in : 600) * 1000,
    interval: typeof body.interval === 'number' ? body.interval : 5,
  };
};

/** The claims of an ID token received straight from the token endpoint over TLS (OIDC Core §3.1.3.7). */
const claimsOf = (idToken: string): { sub?: unknown; name?: unknown; exp?: unknown } => {
  try {
    const payload = idToken.split('.')[1] ?? '';
    const json = new TextDecoder().decode(Uint8Array.from(atob(payload.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)));
    return JSON.parse(json) as { sub?: unknown; name?: unknown };
  } catch {
    return {};
  }
};

export type PollOutcome = { status: 'pending'; interval: number } | { status: 'signed-in'; session: Session };

/** One poll (RFC 8628 §3.4): pending (maybe slower), signed in, or a failure to show. */
export const pollOnce = async (auth: DeviceAuthorization): Promise<PollOutcome> => {
  const endpoints = await metadata();
  const response = await post(endpoints.token_endpoint, {
    grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
    device_code: auth.deviceCode,
    client_id: oidcConfig().clientId,
  });
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) {
    switch (body.error) {
      case 'authorization_pending':
        return { status: 'pending', interval: auth.interval };
      case 'slow_down':
        // §3.5: add 5 seconds (or what the server says) to every later poll.
        return { status: 'pending', interval: typeof body.interval === 'number' ? body.interval : auth.interval + 5 };
      case 'expired_token':
        throw new DeviceFlowFailure('expired');
      case 'access_denied':
        throw new DeviceFlowFailure('denied');
      default:
        throw new DeviceFlowFailure(response.status >= 500 ? 'network' : 'refused');
    }
  }
  const idToken = typeof body.id_token === 'string' ? body.id_token : '';
  const claims = claimsOf(idToken);
  if (typeof body.access_token !== 'string' || typeof claims.sub !== 'string') throw new DeviceFlowFailure('refused');
  if ('refresh_token' in body) {
    // A kiosk never holds a long-lived token: give it back at once.
    void post(endpoints.revocation_endpoint, { token: String(body.refresh_token), client_id: oidcConfig().clientId }).catch(() => undefined);
  }
  const expiresIn = typeof body.expires_in === 'number' ? body.expires_in : 600;
  return {
    status: 'signed-in',
    session: { sub: claims.sub, name: typeof claims.name === 'string' ? claims.name : '', accessToken: body.access_token, idToken, expiresAt: Math.floor(Date.now() / 1000) + expiresIn },
  };
};

/** The session starts: in memory only, gone with the page. */
export const startKioskSession = (session: Session): void => setMemorySession(session);

/**
 * The one way a kiosk session ends (timeout, "Finish", after printing): revoke the access token
 * at the provider (best effort: a wired kiosk is online, and the token is short-lived anyway),
 * run the device's one wipe, drop the session, and reload at the hall's home screen with
 * location.replace, so nothing of the person is in memory or reachable with Back.
 */
export const endKioskSession = async (home = '/kiosk'): Promise<void> => {
  const session = readSession();
  if (session) {
    try {
      const endpoints = await metadata();
      await post(endpoints.revocation_endpoint, { token: session.accessToken, client_id: oidcConfig().clientId });
    } catch {
      // Unreachable provider: the token dies on its own within minutes; the device is wiped below.
    }
  }
  await wipePersonalData();
  setMemorySession(null);
  window.location.replace(home);
};
