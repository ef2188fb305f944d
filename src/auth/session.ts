import { useSyncExternalStore } from 'react';
import { OIDC_STORAGE_PREFIX } from './config.ts';

/**
 * The signed-in citizen, read straight from the identity library's session storage entry so
 * the first bundle does not need the library (oidc-client-ts loads only to sign in or out).
 */
export interface Session {
  /** The citizen's subject id at the identity provider. */
  sub: string;
  name: string;
  accessToken: string;
  idToken: string;
  /** Seconds since the epoch. */
  expiresAt: number;
}

const userKeyPrefix = `${OIDC_STORAGE_PREFIX}user:`;

const parse = (raw: string | null): Session | null => {
  if (!raw) return null;
  try {
    const user = JSON.parse(raw) as { access_token?: string; id_token?: string; expires_at?: number; profile?: { sub?: string; name?: string } };
    if (!user.access_token || !user.profile?.sub) return null;
    return {
      sub: user.profile.sub,
      name: user.profile.name ?? '',
      accessToken: user.access_token,
      idToken: user.id_token ?? '',
      expiresAt: user.expires_at ?? 0,
    };
  } catch {
    return null;
  }
};

let cache: { raw: string | null; session: Session | null } = { raw: null, session: null };

/**
 * A kept session (signed in on the citizen's own phone) holds its access token in memory only,
 * renewed from the encrypted refresh token (auth/keep.ts); a session of one tab lives in the
 * library's sessionStorage entry.
 */
let memory: Session | null = null;

export const setMemorySession = (session: Session | null): void => {
  memory = session;
  notifySessionChange();
};

/** Set while a session is kept on this device (the refresh token itself is in auth/keep.ts). */
export const KEPT_FLAG = 'mcs.kept';
export const hasKeptSession = (): boolean => {
  try {
    return localStorage.getItem(KEPT_FLAG) === '1';
  } catch {
    return false;
  }
};

/**
 * A kept session is open in this tab (unlocked): when its access token runs out or is refused,
 * auth/keep.ts may renew it silently. On a fresh open there is none yet: the lock comes first.
 */
export const keptSessionOpen = (): boolean => memory !== null && hasKeptSession();

/**
 * Assisted mode (docs/domain/assisted.md): while a volunteer helps a resident, the app acts as the
 * resident with a delegated token (memory only). Every page, draft and request then belongs to
 * the resident; the volunteer's own session (`readOwnSession`) waits untouched underneath.
 */
export interface ActingSession extends Session {
  /** The consent the delegated token rests on, and who acts (the volunteer's own sub). */
  consentId: string;
  actorSub: string;
  /** The backend refused the token because the consent no longer holds: why (the banner says so). */
  gone?: ConsentGone;
}
let acting: ActingSession | null = null;

export const setActingSession = (session: ActingSession | null): void => {
  acting = session;
  notifySessionChange();
};
export const readActingSession = (): ActingSession | null => acting;

/** The backend's 403 codes for a delegated token whose consent no longer holds (docs/domain/assisted.md). */
export const CONSENT_GONE = ['consent-revoked', 'consent-ended', 'consent-expired'] as const;
export type ConsentGone = (typeof CONSENT_GONE)[number];
export const consentGone = (code: string | undefined): ConsentGone | undefined => CONSENT_GONE.find((c) => c === code);

/**
 * A request with the acting session's token was refused as `code`: when that says the consent is
 * revoked, ended or expired, the help can do nothing more, whatever page the volunteer is on.
 */
export const noteRefusal = (accessToken: string, code: string | undefined): void => {
  const gone = consentGone(code);
  if (!gone || !acting || acting.accessToken !== accessToken || acting.gone === gone) return;
  setActingSession({ ...acting, gone });
};

export const readSession = (): Session | null => acting ?? readOwnSession();

/** The signed-in person themself, never a resident they are helping. */
export const readOwnSession = (): Session | null => {
  let raw: string | null = null;
  try {
    for (let i = 0; i < sessionStorage.length; i++) {
      const key = sessionStorage.key(i);
      if (key?.startsWith(userKeyPrefix)) raw = sessionStorage.getItem(key);
    }
  } catch {
    return memory;
  }
  if (raw === null) return memory;
  // Same object while nothing changed: useSyncExternalStore needs a stable snapshot.
  if (raw !== cache.raw) cache = { raw, session: parse(raw) };
  return cache.session;
};

export const isExpired = (session: Session, now = Date.now()): boolean => session.expiresAt * 1000 <= now;

const listeners = new Set<() => void>();
export const notifySessionChange = (): void => listeners.forEach((l) => l());
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
};

export const useSession = (): Session | null => useSyncExternalStore(subscribe, readSession, () => null);
export const useOwnSession = (): Session | null => useSyncExternalStore(subscribe, readOwnSession, () => null);
export const useActingSession = (): ActingSession | null => useSyncExternalStore(subscribe, readActingSession, () => null);
