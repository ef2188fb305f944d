/**
 * Whether this device is a kiosk in a service centre's hall (docs/architecture/decisions.md, 14 "Kiosk mode").
 * Its configuration — the only thing a kiosk remembers across people, nothing about anyone — is
 * kept under this key, which the wipe keeps (auth/wipe.ts); auth/kiosk-store.ts reads and writes
 * it. This module is in every first download: it holds only the cheap check.
 */
export const KIOSK_CONFIG_KEY = 'mcs.kiosk';

/** Enrolled as a kiosk (the layout, the rules and the kiosk code load only then). */
export const isKiosk = (): boolean => {
  try {
    return !!localStorage.getItem(KIOSK_CONFIG_KEY);
  } catch {
    return false;
  }
};
