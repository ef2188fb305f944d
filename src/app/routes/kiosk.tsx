import i18next from 'i18next';
import { useParams } from 'react-router';
import { KioskHomePage } from '../../features/kiosk/KioskHomePage.tsx';
import { KioskQueuePage } from '../../features/kiosk/KioskQueuePage.tsx';
import { KioskScanPage } from '../../features/kiosk/KioskScanPage.tsx';
import { KioskSetupPage } from '../../features/kiosk/KioskSetupPage.tsx';
import { NotFoundPage } from '../../components/errors/NotFoundPage.tsx';

export { RouteErrorBoundary as ErrorBoundary } from '../../components/errors/RouteErrorBoundary.tsx';

const pages: Record<string, () => React.JSX.Element> = { setup: KioskSetupPage, queue: KioskQueuePage, scan: KioskScanPage };

/**
 * The kiosk's own pages, one chunk behind one route entry (the route table is in every first
 * download): /kiosk (the hall's home screen), /kiosk/setup (staff enrol the device or leave
 * kiosk mode with the PIN), /kiosk/queue (take a number), /kiosk/scan (a receipt's QR code to the
 * camera).
 */
export const Component = () => {
  const { page } = useParams();
  const Page = page === undefined ? KioskHomePage : pages[page];
  return Page ? <Page /> : <NotFoundPage />;
};

export const loader = async () => {
  await i18next.loadNamespaces('kiosk');
  return null;
};
