import { defineConfig, devices } from '@playwright/test';

/**
 * E2e runs against the production build (`npm run build` first; `npm test` does) served by
 * vite preview with the simulated backend — the same server `npm start` runs. Debian's
 * Chromium: Playwright cannot download browsers here (docs/architecture/decisions.md, 10).
 */
const port = Number(process.env.E2E_PORT ?? 4399);

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  // One server holds the simulated backend's state (and switchable faults): one worker keeps
  // the journeys from stepping on each other.
  workers: 1,
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
  projects: [{ name: 'mobile-chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: `vite preview --port ${port} --strictPort`,
    url: `http://localhost:${port}/`,
    reuseExistingServer: false,
    timeout: 180_000,
    // The office moves only when a test says so (POST /api/__mock/dossiers/:code/advance).
    env: { PORT: String(port), MOCK_LIFECYCLE_SECONDS: '0' },
  },
});
