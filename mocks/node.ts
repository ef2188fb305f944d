import { setupServer } from 'msw/node';
import { handlers } from './handlers.ts';

/** The simulated backend for vitest (msw/node intercepts fetch in the test process). */
export const server = setupServer(...handlers);
