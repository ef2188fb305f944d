import { test as base, expect, type CDPSession, type Page } from '@playwright/test';
import axe from 'axe-core';
import { signInAtSimulatedIdp } from '../scripts/lib/simulated-idp.ts';

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Fails on serious or critical WCAG 2.2 A/AA violations; lists them so the fix is obvious.
 *
 * axe-core itself, put into the page once per document: @axe-core/playwright injected its 550 KB
 * before every check, which was about half of each check's time (~120 checks per run), and the
 * app has no frames for it to reach into. Only violations are collected (the passes were built
 * for nothing).
 */
export const expectAccessible = async (page: Page, label: string) => {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const violations = await page.evaluate(
    async (tags) => {
      const { axe: inPage } = window as unknown as { axe: typeof axe };
      const results = await inPage.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
    },
    WCAG_22_AA,
  );
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.targets.join(', ')}`),
    `axe on ${label}`,
  ).toEqual([]);
};

/**
 * The backend's base URL as the browser sees it: `/api` on the app's server, or another origin
 * (playwright.cross-origin.config.ts sets E2E_API_URL).
 */
export const apiUrl = process.env.E2E_API_URL ?? '/api';

const told = (offline: boolean) => ({ offline, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

/** Resets the simulated backend (state and injected faults) before each journey. */
export const test = base.extend<{ backend: { faults: (body: object) => Promise<void> } }>({
  /**
   * Some Chromium builds (Debian's 150) forget `context.setOffline(true)` for `navigator.onLine`
   * in every new document: a page loaded or reloaded while offline believes it is online, though
   * its requests still fail. Saying "offline" again on each new document (never passing through
   * "online", which would wake the outbox) keeps what the page sees true to the network.
   *
   * Only what the page is told (`Network.overrideNetworkState`), never a second block on the
   * network: with two sessions each emulating "offline", going back online lifted one of them,
   * the page heard `online` while its requests still failed through the other, and whatever
   * `online` woke (the outbox, a query's refetch) failed once and then waited for its next
   * turn — a report sent 30 s later, a "Try again" joining a failing refetch.
   */
  context: async ({ context }, use) => {
    let offline = false;
    const sessions = new Map<Page, CDPSession>();
    const setOffline = context.setOffline.bind(context);
    context.setOffline = async (value: boolean) => {
      offline = value;
      await setOffline(value);
      await Promise.all([...sessions.values()].map((cdp) => cdp.send('Network.overrideNetworkState', told(value)).catch(() => undefined)));
    };
    const watch = async (page: Page) => {
      const cdp = await context.newCDPSession(page);
      sessions.set(page, cdp);
      page.on('close', () => sessions.delete(page));
      page.on('domcontentloaded', () => {
        if (offline) void cdp.send('Network.overrideNetworkState', told(true)).catch(() => undefined);
      });
    };
    for (const page of context.pages()) await watch(page);
    context.on('page', (page) => void watch(page));
    await use(context);
  },
  backend: async ({ request }, use) => {
    expect((await request.post(`${apiUrl}/__mock/reset`)).ok(), `the simulated backend answers at ${apiUrl}`).toBe(true);
    await use({
      faults: async (body) => {
        const response = await request.post(`${apiUrl}/__mock/faults`, { data: body });
        expect(response.ok()).toBe(true);
      },
    });
    await request.post(`${apiUrl}/__mock/reset`);
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

/**
 * The reader scrolls to the foot of the page: a procedure's questions and its agency's figures
 * are drawn only as the reader comes near them (src/lib/use-near-viewport.ts).
 */
export const scrollToFoot = async (page: Page) => {
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
};

/** Through the simulated VNeID from the app's sign-in page, as the named demo citizen. */
export const signInAs = async (page: Page, name: string, checkAxe = false) => {
  await expect(page).toHaveURL(/\/signin\?returnTo=/);
  if (checkAxe) await expectAccessible(page, 'sign-in');
  await page.getByRole('button', { name: 'Đăng nhập bằng VNeID' }).click();
  await expect(page).toHaveURL(/\/idp\/authorize\?/);
  await expect(page.getByRole('heading', { level: 1, name: 'Đăng nhập bằng tài khoản định danh điện tử' })).toBeVisible();
  if (checkAxe) await expectAccessible(page, 'identity provider');
  await page.getByRole('radio', { name: new RegExp(name) }).check();
  await page.getByRole('button', { name: 'Đồng ý và đăng nhập' }).click();
};

/** Paths of everything in Cache Storage. */
export const cachedPaths = (page: Page) =>
  page.evaluate(async () => {
    const all: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      all.push(...(await cache.keys()).map((r) => new URL(r.url).pathname));
    }
    return all;
  });

/**
 * Waits until the service worker has put these paths in Cache Storage. It stores a response
 * after handing it to the page: "the page shows it" does not yet mean "it works offline".
 */
export const expectCached = async (page: Page, paths: string[]) => {
  await expect.poll(() => cachedPaths(page), { message: `${paths.join(', ')} in Cache Storage` }).toEqual(expect.arrayContaining(paths));
};

/**
 * The draft of `procedureId` as this device holds it (IndexedDB), for waiting until an edit is
 * saved before a reload: the form saves a moment after the last change, and a reload during
 * that moment would test the reload, not the saving.
 */
export const storedDraftValues = (page: Page, procedureId: string) =>
  page.evaluate(async (id) => {
    const request = indexedDB.open('mcs-personal');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('indexedDB.open failed'));
    });
    try {
      if (!db.objectStoreNames.contains('drafts')) return null;
      const all = db.transaction('drafts').objectStore('drafts').getAll();
      const drafts = await new Promise<{ procedureId: string; values: Record<string, unknown> }[]>((resolve, reject) => {
        all.onsuccess = () => resolve(all.result as { procedureId: string; values: Record<string, unknown> }[]);
        all.onerror = () => reject(all.error ?? new Error('getAll failed'));
      });
      return drafts.find((d) => d.procedureId === id)?.values ?? null;
    } finally {
      db.close();
    }
  }, procedureId);

/** Waits until the device holds these answers (a partial match) for the procedure's draft. */
export const expectDraftSaved = async (page: Page, procedureId: string, values: Record<string, unknown>) => {
  await expect.poll(() => storedDraftValues(page, procedureId), { message: `draft of ${procedureId} saved on the device` }).toMatchObject(values);
};

/**
 * A citizen's access token straight from the simulated VNeID beside the app at `baseURL` (as the
 * app signs in: code + PKCE), for a test that files dossiers through the API instead of the journey.
 */
export const tokenFor = (baseURL: string, citizen: string): Promise<string> => signInAtSimulatedIdp(`${baseURL}/idp`, citizen);

export { expect };
