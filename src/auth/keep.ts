import { oidcConfig } from './config.ts';
import { KEPT_FLAG, keptSessionOpen, readSession, setMemorySession, type Session } from './session.ts';
import { registerWipe } from './wipe.ts';
import {
  deleteKeepDb,
  dropKeptSession,
  loadKeptSession,
  loadLockCredential,
  storeKeptSession,
  storeLockCredential,
  type KeptSession,
} from './refresh-store.ts';

/**
 * "Keep me signed in on this phone" (docs/architecture/decisions.md, 12): the refresh token,
 * encrypted at rest (refresh-store.ts), renews the session when the app is opened again, so the
 * outbox can send without the citizen doing anything. After the lock period, a platform
 * authenticator (fingerprint, face, the phone's PIN) registered at sign-in is asked first;
 * without one, VNeID is. The token endpoint is called with a plain fetch: oidc-client-ts loads
 * only to sign in or out. This module itself is loaded lazily.
 */

/** Reopened after this long, the app asks who is there. */
export const LOCK_AFTER_MS = 5 * 60 * 1000;
/** Unused this long, the provider has forgotten the refresh token anyway (its idle lifetime). */
const IDLE_LIMIT_MS = 30 * 24 * 60 * 60 * 1000;
const LAST_SEEN = 'mcs.lastSeen';
/** A stricter lock period for this device (tests set 0); it can only shorten the default. */
const LOCK_OVERRIDE = 'mcs.lockAfterSeconds';
const ENDED = 'mcs.keptEnded';

export type EndReason = 'revoked' | 'expired' | 'lock';

export type KeepStatus =
  | { status: 'none' }
  | { status: 'resuming' }
  | { status: 'resumed' }
  | { status: 'locked'; name: string }
  /** Cannot renew now (no connection, provider unreachable): the token is kept, try later. */
  | { status: 'offline' }
  /** Renewal is impossible: sign in again. `sub` names whose outbox waits. */
  | { status: 'ended'; reason: EndReason; sub: string };

let current: KeepStatus = { status: 'none' };
const listeners = new Set<() => void>();
const set = (next: KeepStatus): KeepStatus => {
  current = next;
  listeners.forEach((l) => l());
  return next;
};
export const keepStatus = (): KeepStatus => current;
export const subscribeKeep = (listener: () => void): (() => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

const local = {
  get: (key: string) => {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  },
  set: (key: string, value: string | null) => {
    try {
      if (value === null) localStorage.removeItem(key);
      else localStorage.setItem(key, value);
    } catch {
      // Storage blocked: the lock falls back to asking every time, which is safe.
    }
  },
};

export const lockAfterMs = (): number => {
  const override = Number(local.get(LOCK_OVERRIDE));
  return local.get(LOCK_OVERRIDE) !== null && Number.isFinite(override) && override >= 0 ? Math.min(override * 1000, LOCK_AFTER_MS) : LOCK_AFTER_MS;
};

/** The app was in use just now (called while a session is live, and when the page is hidden). */
export const markSeen = (now = Date.now()): void => local.set(LAST_SEEN, String(now));

const claimsOf = (jwt: string): { sub?: string; name?: string } => {
  try {
    const part = jwt.split('.')[1] ?? '';
    const json = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as { sub?: string; name?: string };
  } catch {
    return {};
  }
};

let metadata: Promise<{ token_endpoint: string; revocation_endpoint?: string }> | undefined;
const providerMetadata = () => {
  metadata ??= fetch(`${oidcConfig().authority}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(10_000) })
    .then((r) => (r.ok ? (r.json() as Promise<{ token_endpoint: string; revocation_endpoint?: string }>) : Promise.reject(new Error(`metadata ${r.status}`))))
    .catch((error: unknown) => {
      metadata = undefined;
      throw error;
    });
  return metadata;
};

/** Renewal is impossible: the token goes, the reason stays (with whose outbox waits). */
const end = async (sub: string, reason: EndReason): Promise<KeepStatus> => {
  // The flag stays: this phone is still the citizen's own, and the next sign-in keeps again.
  // The device key stays too: residents' dossiers queued by a volunteer are sealed with it.
  if (reason !== 'lock') await dropKeptSession();
  local.set(ENDED, JSON.stringify({ sub, reason }));
  // An open kept session stays as an expired one: drafts stay usable, pages offer to sign in.
  const open = readSession();
  if (open && keptSessionOpen()) setMemorySession({ ...open, expiresAt: 0 });
  return set({ status: 'ended', reason, sub });
};

const live = (tokens: { access_token: string; id_token?: string; expires_in?: number }, kept: KeptSession): Session => ({
  sub: kept.sub,
  name: kept.name,
  accessToken: tokens.access_token,
  idToken: tokens.id_token ?? '',
  expiresAt: Math.floor(Date.now() / 1000) + (tokens.expires_in ?? 300),
});

/**
 * No connection to renew: the citizen is known (the kept session decrypted, the lock passed),
 * so the app opens as with an expired session — drafts and the outbox usable offline, sending
 * waits for the renewal when the connection returns.
 */
const offline = (kept: KeptSession): KeepStatus => {
  if (!readSession()) setMemorySession({ sub: kept.sub, name: kept.name, accessToken: '', idToken: '', expiresAt: 0 });
  return set({ status: 'offline' });
};

const refresh = async (): Promise<KeepStatus> => {
  const kept = await loadKeptSession().catch(() => undefined);
  if (!kept) return current.status === 'ended' ? current : set({ status: 'none' });
  if (!navigator.onLine) return offline(kept);
  let response: Response;
  try {
    const { token_endpoint } = await providerMetadata();
    response = await fetch(token_endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: kept.refreshToken, client_id: oidcConfig().clientId }),
      signal: AbortSignal.timeout(15_000),
    });
  } catch {
    return offline(kept);
  }
  if (response.status === 400 || response.status === 401) {
    const body = (await response.json().catch(() => ({}))) as { error?: string; error_description?: string };
    if (body.error === 'invalid_grant') return end(kept.sub, /expired/i.test(body.error_description ?? '') ? 'expired' : 'revoked');
  }
  if (!response.ok) return offline(kept);
  const tokens = (await response.json()) as { access_token: string; id_token?: string; expires_in?: number; refresh_token?: string };
  const claims = tokens.id_token ? claimsOf(tokens.id_token) : {};
  // OIDC Core §12.2: a refreshed ID token names the same person, or nothing is trusted.
  if (claims.sub !== undefined && claims.sub !== kept.sub) return end(kept.sub, 'revoked');
  const next = { ...kept, name: claims.name ?? kept.name, refreshToken: tokens.refresh_token ?? kept.refreshToken };
  await storeKeptSession(next);
  local.set(ENDED, null);
  markSeen();
  setMemorySession(live(tokens, next));
  window.dispatchEvent(new Event('mcs:drain-outbox'));
  return set({ status: 'resumed' });
};

/**
 * One renewal at a time, across tabs too: two tabs spending the same rotating token at once
 * would look like a stolen token to the provider and end the session.
 */
let inFlight: Promise<KeepStatus> | undefined;
export const renew = (): Promise<KeepStatus> => {
  inFlight ??= (async () => {
    try {
      const locks = (navigator as Navigator & { locks?: LockManager }).locks;
      return await (locks ? locks.request('mcs-refresh', refresh) : refresh());
    } finally {
      inFlight = undefined;
    }
  })();
  return inFlight;
};

/** The access token of an open kept session ran out or was refused: renew once, silently. */
export const renewOpenSession = async (): Promise<boolean> => current.status !== 'locked' && keptSessionOpen() && (await renew()).status === 'resumed';

/** On opening the app: renew silently, or ask for the lock first, or say it has ended. */
export const resume = async (now = Date.now()): Promise<KeepStatus> => {
  const live = readSession();
  if (live && live.expiresAt * 1000 > now) return set({ status: 'resumed' });
  // Opened already (offline, or its access token ran out): the lock was passed; renew.
  if (keptSessionOpen()) return current.status === 'ended' ? current : renew();
  const kept = await loadKeptSession().catch(() => undefined);
  if (!kept) {
    try {
      const ended = JSON.parse(local.get(ENDED) ?? 'null') as { sub: string; reason: EndReason } | null;
      if (ended?.sub) return set({ status: 'ended', reason: ended.reason, sub: ended.sub });
    } catch {
      // Nothing readable: nothing kept.
    }
    local.set(KEPT_FLAG, null);
    return set({ status: 'none' });
  }
  const away = now - (Number(local.get(LAST_SEEN)) || 0);
  if (away > IDLE_LIMIT_MS) return end(kept.sub, 'expired');
  if (away >= lockAfterMs()) {
    if (await loadLockCredential().catch(() => undefined)) return set({ status: 'locked', name: kept.name });
    return end(kept.sub, 'lock');
  }
  set({ status: 'resuming' });
  return renew();
};

/**
 * Shown again after a while hidden (another app in front, the phone in a pocket): the same rule
 * as reopening — after the lock period, the lock (or, without one, VNeID) asks who is there.
 * The open session stays behind the lock, which covers the page and makes it inert; nothing is
 * renewed silently until it is passed.
 */
export const lockIfAway = async (now = Date.now()): Promise<KeepStatus> => {
  if (!keptSessionOpen() || current.status === 'locked') return current;
  const away = now - (Number(local.get(LAST_SEEN)) || 0);
  if (away < lockAfterMs()) return current;
  const kept = await loadKeptSession().catch(() => undefined);
  if (!kept) return current;
  if (away > IDLE_LIMIT_MS) return end(kept.sub, 'expired');
  if (await loadLockCredential().catch(() => undefined)) return set({ status: 'locked', name: kept.name });
  return end(kept.sub, 'lock');
};

const random = (bytes: number) => crypto.getRandomValues(new Uint8Array(bytes));

/** The lock: the platform authenticator verifies the person (fingerprint, face, PIN), locally. */
export const unlock = async (): Promise<KeepStatus> => {
  const id = await loadLockCredential();
  if (!id) return current;
  const credential = (await navigator.credentials.get({
    publicKey: {
      challenge: random(32),
      rpId: window.location.hostname,
      allowCredentials: [{ type: 'public-key', id }],
      userVerification: 'required',
      timeout: 120_000,
    },
  })) as PublicKeyCredential | null;
  const data = new Uint8Array((credential?.response as AuthenticatorAssertionResponse | undefined)?.authenticatorData ?? new ArrayBuffer(0));
  // Flags byte after the 32-byte RP id hash: UV (bit 2) says the person was verified, not just present.
  if (((data[32] ?? 0) & 0x04) === 0) return current;
  set({ status: 'resuming' });
  return renew();
};

/** Give up on the lock and sign in with VNeID instead. */
export const skipLock = async (): Promise<void> => {
  const kept = await loadKeptSession().catch(() => undefined);
  if (kept) await end(kept.sub, 'lock');
};

/** At sign-in, where the phone has a platform authenticator: a credential for the app lock. */
const registerLock = async (name: string): Promise<void> => {
  if (!window.PublicKeyCredential || !(await PublicKeyCredential.isUserVerifyingPlatformAuthenticatorAvailable().catch(() => false))) return;
  try {
    const credential = (await navigator.credentials.create({
      publicKey: {
        rp: { name: 'Một Cửa Số', id: window.location.hostname },
        // Not the person's identifier: a random handle, the credential only gates this phone.
        user: { id: random(16), name: 'mot-cua-so', displayName: name || 'Một Cửa Số' },
        challenge: random(32),
        pubKeyCredParams: [
          { type: 'public-key', alg: -7 },
          { type: 'public-key', alg: -257 },
        ],
        authenticatorSelection: { authenticatorAttachment: 'platform', userVerification: 'required', residentKey: 'discouraged' },
        attestation: 'none',
        timeout: 120_000,
      },
    })) as PublicKeyCredential | null;
    if (credential) await storeLockCredential(credential.rawId);
  } catch {
    // Declined or not possible: reopening after the lock period asks for VNeID instead.
  }
};

/**
 * Right after the code exchange, when the citizen asked to stay signed in: the refresh token
 * goes into the encrypted store, the access token into memory, the lock is registered.
 */
export const keepAfterSignIn = async (user: { refresh_token?: string; access_token: string; id_token?: string; expires_at?: number; profile: { sub: string; name?: string } }): Promise<boolean> => {
  if (!user.refresh_token) return false;
  const kept = { refreshToken: user.refresh_token, sub: user.profile.sub, name: user.profile.name ?? '' };
  // An earlier session and lock go; the device key stays (queued assisted dossiers are sealed with it).
  await dropKeptSession();
  await storeKeptSession(kept);
  await registerLock(kept.name);
  local.set(KEPT_FLAG, '1');
  local.set(ENDED, null);
  markSeen();
  setMemorySession({ sub: kept.sub, name: kept.name, accessToken: user.access_token, idToken: user.id_token ?? '', expiresAt: user.expires_at ?? 0 });
  set({ status: 'resumed' });
  return true;
};

/** Revokes the kept refresh token at the provider (RFC 7009; it ends the whole session family there). */
const revokeKept = async (): Promise<void> => {
  const kept = await loadKeptSession().catch(() => undefined);
  if (!kept || !navigator.onLine) return;
  try {
    const { revocation_endpoint } = await providerMetadata();
    if (revocation_endpoint) {
      await fetch(revocation_endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token: kept.refreshToken, token_type_hint: 'refresh_token', client_id: oidcConfig().clientId }),
        signal: AbortSignal.timeout(3000),
      });
    }
  } catch {
    // Unreachable: the token is deleted here anyway, and dies at the provider after 30 idle days.
  }
};

const forgetState = () => {
  local.set(KEPT_FLAG, null);
  local.set(ENDED, null);
  local.set(LAST_SEEN, null);
  set({ status: 'none' });
  setMemorySession(null);
};

/**
 * A sign-in without keeping (a shared phone, or the citizen said no): no earlier kept session
 * survives — revoked, then its token and lock credential deleted — but the device key stays.
 * Residents' dossiers a volunteer queued are sealed with it (docs/domain/assisted.md) and must
 * still open and be sent whatever the volunteer chooses at their own sign-in.
 */
export const forgetKeptSession = async (): Promise<void> => {
  await revokeKept();
  await dropKeptSession();
  forgetState();
};

/**
 * Sign-out (the wipe): revoke the refresh token at the provider, then delete it, the key and the
 * credential id — the device is cleaned whether or not the provider answers. What was sealed with
 * the key (queued assisted dossiers) goes with the personal database in the same wipe.
 */
export const forget = async (): Promise<void> => {
  await revokeKept();
  await deleteKeepDb();
  forgetState();
};

registerWipe('kept-session', forget);
