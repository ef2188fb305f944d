import { defineConfig, devices } from '@playwright/test';
import base from './playwright.config.ts';

/**
 * The app against a backend on ANOTHER origin, as a real deployment usually is: the simulated
 * backend alone (scripts/mock-backend.ts, CORS for the app's origin) on 127.0.0.1, the app built
 * with VITE_API_BASE_URL pointing there (into dist-cross/, so dist/ is left alone; pre-rendered
 * from that backend, which is up first) and served by vite preview on localhost. Then the
 * offline journey (the service worker must keep the other origin's public data) and a sign-in
 * at the simulated VNeID, which lives beside that backend.
 *
 * `npm run test:e2e:cross-origin`; E2E_NO_BUILD=1 reuses dist-cross/ as it is.
 */
const port = Number(process.env.E2E_PORT ?? 4397);
const apiPort = Number(process.env.E2E_API_PORT ?? 4398);
const appOrigin = `http://localhost:${port}`;
const apiUrl = `http://127.0.0.1:${apiPort}/api`;
// Read by e2e/fixtures.ts (in the workers, which inherit this environment).
process.env.E2E_API_URL = apiUrl;

const build = `vite build --outDir dist-cross --emptyOutDir --logLevel warn && node scripts/prerender.ts dist-cross`;

export default defineConfig({
  ...base,
  // The offline journey, what the worker keeps, and one sign-in (the token and the data store
  // through CORS preflights, the provider's redirect back to the app's origin).
  testMatch: ['offline.spec.ts', 'public-data.spec.ts', 'eform.spec.ts'],
  grep: [/work offline/, /keeps the backend/, /identity provider can be declined/],
  outputDir: 'test-results/cross-origin',
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never', outputFolder: 'playwright-report/cross-origin' }]],
  workers: 1,
  use: { ...base.use, baseURL: appOrigin },
  projects: [{ name: 'cross-origin', use: { ...devices['Pixel 7'], browserName: 'chromium' } }],
  webServer: [
    {
      command: 'node scripts/mock-backend.ts',
      url: `${apiUrl}/catalogue`,
      reuseExistingServer: false,
      timeout: 30_000,
      env: { MOCK_PORT: String(apiPort), MOCK_HOST: '127.0.0.1', MOCK_ALLOWED_ORIGINS: appOrigin, MOCK_LIFECYCLE_SECONDS: '0' },
    },
    {
      command: `${process.env.E2E_NO_BUILD ? '' : `${build} && `}vite preview --outDir dist-cross --port ${port} --strictPort`,
      url: `${appOrigin}/`,
      reuseExistingServer: false,
      // The build comes first (about a minute on a busy 2-core machine).
      timeout: 300_000,
      stdout: 'pipe',
      // The simulated VNeID lives beside the backend, so it is the identity provider too.
      env: { VITE_API_BASE_URL: apiUrl, VITE_OIDC_AUTHORITY: `http://127.0.0.1:${apiPort}/idp`, PORT: String(port) },
    },
  ],
});
