import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';
import { server } from '../../mocks/node.ts';
import { resetFaults } from '../../mocks/faults.ts';
import { resetDb } from '../../mocks/db.ts';
import { resetIdp } from '../../mocks/idp.ts';
import { resetDossiers } from '../../mocks/dossiers/state.ts';
import { resetRatings } from '../../mocks/ratings/store.ts';
import { resetQuestions } from '../../mocks/questions/store.ts';
import { resetGatewaySessions } from '../../mocks/gateway-session.ts';
import { resetKiosks } from '../../mocks/kiosk.ts';
import { resetAssisted } from '../../mocks/assisted.ts';
import { resetSms } from '../../mocks/sms.ts';
import { createQueryClient, installQueryClient } from '../app/query-client.ts';

// findBy…/waitFor return as soon as the page shows what they wait for; on a busy machine the
// page may need longer than the default second to get there (role queries over a long page
// took over 5 s at a load of 20 on 2 cores).
configure({ asyncUtilTimeout: 10_000 });

// jsdom's fetch needs absolute URLs; the app uses relative "/api" like the browser does.
const origin = 'http://localhost:3000';
const nativeFetch = globalThis.fetch;
globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) =>
  nativeFetch(typeof input === 'string' && input.startsWith('/') ? `${origin}${input}` : input, init);

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
// Every test gets its own query cache, and a failed request fails at once: the production retry
// backoff (seconds) would only make a busy machine's run slower and flakier. The policy itself is
// unit-tested (src/app/query-client.test.ts).
beforeEach(() => {
  installQueryClient(createQueryClient({ retry: false, gcTime: Infinity }));
});
afterEach(() => {
  cleanup();
  server.resetHandlers();
  resetFaults();
  resetDb();
  resetIdp();
  resetDossiers();
  resetRatings();
  resetQuestions();
  resetGatewaySessions();
  resetKiosks();
  resetAssisted();
  resetSms();
});
afterAll(() => server.close());
