import { test, expect, apiUrl, waitForServiceWorker } from './fixtures.ts';

/**
 * Wherever the backend lives (this origin's /api, or another origin under
 * playwright.cross-origin.config.ts), the service worker keeps its public data as readable
 * responses — an opaque cross-origin copy could not be parsed offline — and nothing personal.
 */
test('the service worker keeps the backend’s public data, readable, and nothing else', async ({ page, backend: _ }) => {
  await page.goto('/services');
  await waitForServiceWorker(page);
  await expect(page.getByRole('status').filter({ hasText: /Tìm thấy/ })).toBeVisible();
  await page.goto('/services/1.004222');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  const api = new URL(apiUrl, page.url()).href;
  const cached = await page.evaluate(async () => {
    const cache = await caches.open('public-catalogue-v1');
    const out: { url: string; type: string; status: number; procedures?: number }[] = [];
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      if (!response) continue;
      const body = response.type === 'opaque' ? undefined : ((await response.clone().json().catch(() => undefined)) as { procedures?: unknown[] } | undefined);
      out.push({ url: request.url, type: response.type, status: response.status, procedures: body?.procedures?.length });
    }
    return out;
  });
  const catalogue = cached.find((c) => c.url === `${api}/catalogue`);
  expect(catalogue, `the catalogue from ${api} is cached: ${JSON.stringify(cached.map((c) => c.url))}`).toBeDefined();
  expect(catalogue?.type).not.toBe('opaque');
  expect(catalogue?.status).toBe(200);
  expect(catalogue?.procedures).toBeGreaterThan(50);
  expect(cached.map((c) => c.url)).toContain(`${api}/procedures/1.004222`);
  // Only the backend's public paths: nothing from elsewhere, nothing personal.
  for (const { url } of cached) expect(url).toMatch(new RegExp(`^${api.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/(catalogue|procedures/[^/]+|forms/[^/]+)$`));
});
