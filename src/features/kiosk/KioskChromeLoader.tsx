import { lazy } from 'react';

/**
 * A stepping stone to the kiosk's layout: the first download names only this chunk, and this
 * chunk names the kiosk's files (a kiosk waits one more small request; nobody else pays for it).
 * The Suspense around it is AppShell's.
 */
const KioskChrome = lazy(() => import('./KioskChrome.tsx'));
const KioskChromeLoader = () => <KioskChrome />;
export default KioskChromeLoader;
