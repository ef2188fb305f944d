import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** Fails on serious or critical WCAG 2.2 A/AA violations; lists them so the fix is obvious. */
export const expectAccessible = async (page: Page, label: string) => {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `axe on ${label}`,
  ).toEqual([]);
};

/** Resets the simulated backend (state and injected faults) before each journey. */
export const test = base.extend<{ backend: { faults: (body: object) => Promise<void> } }>({
  backend: async ({ request }, use) => {
    await request.post('/api/__mock/reset');
    await use({
      faults: async (body) => {
        const response = await request.post('/api/__mock/faults', { data: body });
        expect(response.ok()).toBe(true);
      },
    });
    await request.post('/api/__mock/reset');
  },
});

/** Waits until our service worker controls the page (reloading once if needed). */
export const waitForServiceWorker = async (page: Page) => {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  if (!(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)))) {
    await page.reload();
    await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller));
  }
};

export { expect };
