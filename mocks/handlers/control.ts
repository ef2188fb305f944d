import { delay, http, HttpResponse } from 'msw';
import { getFaults, resetFaults, setFaults, takeFault, type Faults } from '../faults.ts';
import { resetDb } from '../db.ts';
import { resetDossiers } from '../dossiers/state.ts';
import { resetGatewaySessions } from '../gateway-session.ts';
import { resetRatings } from '../ratings/store.ts';
import { resetKiosks } from '../kiosk.ts';
import { resetQuestions } from '../questions/store.ts';
import { resetAssisted } from '../assisted.ts';
import { resetSms } from '../sms.ts';
import { expireAllTokens, expireDeviceCodes, resetIdp, revokeAllRefreshTokens } from '../idp.ts';
import { readJson } from './body.ts';
import { problem } from './problem.ts';

/**
 * Runs before every other handler: adds latency and injects the failures tests asked for,
 * then falls through (returns nothing) so the real handler answers.
 */
export const faultInjection = http.all('*/api/*', async ({ request }) => {
  const { pathname } = new URL(request.url);
  if (pathname.includes('/api/__mock/')) return undefined;
  const { latencyMs } = getFaults();
  if (latencyMs > 0) await delay(latencyMs);
  const fault = takeFault(pathname);
  if (!fault) return undefined;
  if (fault.status === 'network') return HttpResponse.error();
  return problem(fault.status, 'injected', `Injected failure ${fault.status}`);
});

/** Test controls; only the simulated backend has them. */
export const controlHandlers = [
  http.get('*/api/__mock/faults', () => HttpResponse.json(getFaults())),
  http.post('*/api/__mock/faults', async ({ request }) => {
    const body = (await readJson(request)) as Partial<Faults>;
    return HttpResponse.json(setFaults(body));
  }),
  // Simulates sessions expiring at the identity provider (the app still thinks it is signed in).
  http.post('*/api/__mock/expire-sessions', () => {
    expireAllTokens();
    return new HttpResponse(null, { status: 204 });
  }),
  // Ends every kept session at the provider (signed out on another device, or revoked by VNeID).
  http.post('*/api/__mock/idp/expire-device-codes', () => {
    expireDeviceCodes();
    return new HttpResponse(null, { status: 204 });
  }),
  http.post('*/api/__mock/revoke-refresh-tokens', () => {
    revokeAllRefreshTokens();
    return new HttpResponse(null, { status: 204 });
  }),
  http.post('*/api/__mock/reset', () => {
    resetFaults();
    resetDb();
    resetIdp();
    resetDossiers();
    resetGatewaySessions();
    resetRatings();
    resetKiosks();
    resetQuestions();
    resetAssisted();
    resetSms();
    return new HttpResponse(null, { status: 204 });
  }),
];
