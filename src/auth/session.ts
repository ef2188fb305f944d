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

export const readSession = (): Session | null => {
  let raw: string | null = null;
  try {
    for (let i = 0; i < sessionStorage.length; i++) {
      const key = sessionStorage.key(i);
      if (key?.startsWith(userKeyPrefix)) raw = sessionStorage.getItem(key);
    }
  } catch {
    return null;
  }
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
