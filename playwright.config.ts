import { defineConfig, devices } from '@playwright/test';

/**
 * E2e runs against the production build (`npm run build` first; `npm test` does) served by
 * vite preview with the simulated backend — the same server `npm start` runs. Debian's
 * Chromium: Playwright cannot download browsers here (docs/architecture/decisions.md, 10).
 */
const port = Number(process.env.E2E_PORT ?? 4399);

/**
 * Two servers, two lanes. Each lane is a project with its own `vite preview` (so its own
 * simulated backend, state and switchable faults) and one worker, so its journeys never step
 * on each other; the two lanes run side by side, which on a 2-core machine takes the suite
 * from about 9 to about 6 minutes. Lane one takes the journeys listed here (balanced by their
 * measured length), lane two everything else, so a new spec runs without being listed.
 * E2E_LANES=1 runs everything in one lane (one server) when the machine is busy.
 */
const laneOne = ['dossier.spec.ts', 'eform.spec.ts', 'catalogue.spec.ts', 'app-shell.spec.ts', 'addresses.spec.ts', 'public-data.spec.ts', 'offline.spec.ts', 'stats.spec.ts'];
const lanes = process.env.E2E_LANES === '1' ? 1 : 2;
const mobile = { ...devices['Pixel 7'], browserName: 'chromium' as const };

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: lanes,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  // Sized for a 2-core machine that is also building, linting and running other tests: waits
  // end as soon as the page shows what they wait for, so only a failing test ever uses these.
  // The longest journeys take 30–60 s at a load average of 14 on 2 cores.
  timeout: 180_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://localhost:${port}`,
    ...devices['Pixel 7'],
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
    },
  },
  projects:
    lanes === 1
      ? [{ name: 'mobile-chromium', use: mobile }]
      : [
          { name: 'lane-1', workers: 1, testMatch: laneOne, use: { ...mobile, baseURL: `http://localhost:${port}` } },
          { name: 'lane-2', workers: 1, testIgnore: laneOne, use: { ...mobile, baseURL: `http://localhost:${port + 1}` } },
        ],
  webServer: Array.from({ length: lanes }, (_, lane) => ({
    command: `vite preview --port ${port + lane} --strictPort`,
    url: `http://localhost:${port + lane}/`,
    reuseExistingServer: false,
    timeout: 180_000,
    // The office moves only when a test says so (POST /api/__mock/dossiers/:code/advance); a
    // kiosk polls the simulated VNeID every 1 s (+ its margin) instead of 5 s.
    env: { PORT: String(port + lane), MOCK_LIFECYCLE_SECONDS: '0', MOCK_DEVICE_POLL_SECONDS: '1' },
  })),
});
