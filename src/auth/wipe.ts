import { KIOSK_CONFIG_KEY } from './kiosk-config.ts';

/**
 * Removing one person's data from the device: at sign-out, at the end of an assisted session
 * and when a kiosk times out (docs/architecture/decisions.md, 7). Modules that hold personal data
 * register how to drop it; `wipePersonalData` runs them all, then clears web storage.
 */
type Wiper = () => void | Promise<void>;
const wipers = new Map<string, Wiper>();

export const registerWipe = (name: string, wiper: Wiper): void => {
  wipers.set(name, wiper);
};

/**
 * Kept across people: display preferences, and a kiosk's enrolment (its centre and device
 * token), nothing about anyone.
 */
const KEEP_LOCAL = new Set(['mcs.language', 'mcs.textSize', KIOSK_CONFIG_KEY]);

/** IndexedDB databases with no personal data (Workbox's cache bookkeeping). */
const PUBLIC_DB = /^workbox-/;

const deleteDatabase = (name: string) =>
  new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => resolve();
    // A connection in another tab that does not close must not hang the sign-out.
    setTimeout(resolve, 3000);
  });

/** Caches that may hold only public data (see pwa/sw.ts); anything else is deleted. */
const PUBLIC_CACHE = /^(workbox-precache|public-|assets-)/;

const objectUrls = new Set<string>();

/** Object URLs of personal files (a document preview) are revoked at wipe time. */
export const trackObjectUrl = (url: string): string => {
  objectUrls.add(url);
  return url;
};

/**
 * Assisted mode (docs/domain/assisted.md): one resident's data goes at the end of helping them,
 * the volunteer's own stays. Stores register how to drop one owner's records.
 */
type PersonWiper = (owner: string) => void | Promise<void>;
const personWipers = new Map<string, PersonWiper>();

export const registerPersonWipe = (name: string, wiper: PersonWiper): void => {
  personWipers.set(name, wiper);
};

export const wipePerson = async (owner: string): Promise<void> => {
  for (const [name, wiper] of personWipers) {
    try {
      await wiper(owner);
    } catch (error) {
      console.error(`Wipe of ${name} for one person failed`, error);
    }
  }
  // Previews of the resident's papers.
  objectUrls.forEach((url) => URL.revokeObjectURL(url));
  objectUrls.clear();
};

export const wipePersonalData = async (): Promise<void> => {
  for (const [name, wiper] of wipers) {
    try {
      await wiper();
    } catch (error) {
      // One failing store must not leave the others behind.
      console.error(`Wipe of ${name} failed`, error);
    }
  }
  // Also databases whose module was never loaded on this page (so never registered a wiper).
  try {
    for (const { name } of await indexedDB.databases()) if (name && !PUBLIC_DB.test(name)) await deleteDatabase(name);
  } catch {
    // No IndexedDB at all: nothing to delete.
  }
  objectUrls.forEach((url) => URL.revokeObjectURL(url));
  objectUrls.clear();
  try {
    sessionStorage.clear();
    for (const key of Object.keys(localStorage)) if (!KEEP_LOCAL.has(key)) localStorage.removeItem(key);
  } catch {
    // Storage blocked: nothing was stored there either.
  }
  if ('caches' in window) {
    for (const name of await caches.keys()) if (!PUBLIC_CACHE.test(name)) await caches.delete(name);
  }
};
