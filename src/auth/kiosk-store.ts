import { KIOSK_CONFIG_KEY } from './kiosk-config.ts';

/**
 * The kiosk's stored configuration (its enrolment), read without a schema here: the kiosk code
 * parses it (api/kiosk/requests.ts), and a value that is not ours means "not a kiosk".
 */
export const readKioskConfigRaw = (): unknown => {
  try {
    const raw = localStorage.getItem(KIOSK_CONFIG_KEY);
    return raw ? (JSON.parse(raw) as unknown) : null;
  } catch {
    return null;
  }
};

export const saveKioskConfig = (config: object): void => {
  localStorage.setItem(KIOSK_CONFIG_KEY, JSON.stringify(config));
};

export const forgetKioskConfig = (): void => {
  try {
    localStorage.removeItem(KIOSK_CONFIG_KEY);
  } catch {
    // Storage blocked: nothing was kept either.
  }
};
