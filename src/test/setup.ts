import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { cleanup } from '@testing-library/react';
import { server } from '../../mocks/node.ts';
import { resetFaults } from '../../mocks/faults.ts';
import { resetDb } from '../../mocks/db.ts';
import { resetIdp } from '../../mocks/idp.ts';
import { resetDossiers } from '../../mocks/dossiers/state.ts';
import { resetGatewaySessions } from '../../mocks/gateway-session.ts';

// jsdom's fetch needs absolute URLs; the app uses relative "/api" like the browser does.
const origin = 'http://localhost:3000';
const nativeFetch = globalThis.fetch;
globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) =>
  nativeFetch(typeof input === 'string' && input.startsWith('/') ? `${origin}${input}` : input, init);

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
  resetFaults();
  resetDb();
  resetIdp();
  resetDossiers();
  resetGatewaySessions();
});
afterAll(() => server.close());
