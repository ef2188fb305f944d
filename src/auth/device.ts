import { isKiosk } from './kiosk-config.ts';

/**
 * What kind of device the app runs on. Only on the citizen's own phone ('personal') may a
 * session outlive the tab; a kiosk at the one-stop shop (enrolled at /kiosk/setup) or an
 * officer's device used for assisted applications ('assisted') never keeps
 * anyone signed in. An enrolled kiosk is a kiosk whatever the build says; otherwise
 * VITE_DEVICE_MODE at build time, 'personal' by default.
 */
export type DeviceMode = 'personal' | 'kiosk' | 'assisted';

const MODES: readonly DeviceMode[] = ['personal', 'kiosk', 'assisted'];

export const deviceMode = (value: unknown = import.meta.env.VITE_DEVICE_MODE, enrolled: boolean = isKiosk()): DeviceMode =>
  enrolled ? 'kiosk' : MODES.includes(value as DeviceMode) ? (value as DeviceMode) : 'personal';

/** "Keep me signed in on this phone" is offered (and on by default) only on a personal device. */
export const canKeepSignedIn = (mode: DeviceMode = deviceMode()): boolean => mode === 'personal';
