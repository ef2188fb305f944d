/**
 * Outbox drain benchmark (`npm run bench:outbox`): 20 dossiers queued offline, each with a
 * photographed paper, then the connection comes back — how long until the office holds all 20,
 * each exactly once?
 *
 * The real app in Chromium, signed in through the simulated VNeID: one dossier is made through
 * the UI (form, documents step, a 12 MP photo through the camera input, compressed on the
 * device, Submit while offline), then copied to 20 distinct submissions in the outbox with the
 * app's own IndexedDB module. The phone: CPU slowed 4×, and a fair mobile link in a rural
 * commune (150 ms round trip, 2 Mbit/s up, 4 Mbit/s down) emulated by Chromium.
 *
 * Runs on the Vite dev server (like bench:files) so the page can import the app's modules.
 *
 * Budget: all 20 sent exactly once, and the time beyond the raw upload time (bytes ÷ uplink)
 * at most 1 s per dossier — the queue's own cost: round trips, IndexedDB writes, the UI.
 */
import { chromium } from '@playwright/test';
import { createServer } from 'vite';
import type * as PersonalDb from '../src/offline/personal-db.ts';
import { chromiumOptions, freePort } from './preview-server.ts';
import { enforce } from './lib/stats.ts';

const COUNT = 20;
const THROTTLE = 4;
const LINK = { latency: 150, uploadThroughput: (2_000_000 / 8) | 0, downloadThroughput: (4_000_000 / 8) | 0 };
const OVERHEAD_BUDGET_MS_PER_DOSSIER = 1000;
const PERSONAL_DB = '/src/offline/personal-db.ts';

const port = Number(process.env.BENCH_PORT ?? (await freePort()));
const base = `http://localhost:${port}`;
const server = await createServer({ server: { port, strictPort: true, hmr: false, watch: null }, logLevel: 'warn', clearScreen: false });
await server.listen();
const browser = await chromium.launch(chromiumOptions);
let passed: boolean;
try {
  await fetch(`${base}/api/__mock/reset`, { method: 'POST' });
  const context = await browser.newContext({ viewport: { width: 412, height: 915 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);

  // Sign in and fill the form, as a citizen would.
  await page.goto(`${base}/services/1.004873/apply`);
  await page.getByRole('button', { name: 'Đăng nhập bằng VNeID' }).click();
  await page.getByRole('radio', { name: /Lê Thị Lan/ }).check();
  await page.getByRole('button', { name: 'Đồng ý và đăng nhập' }).click();
  await page.getByRole('textbox', { name: /Cơ quan tiếp nhận/ }).fill('UBND phường Ninh Kiều, thành phố Cần Thơ');
  await page.getByRole('combobox', { name: 'Mục đích sử dụng Giấy xác nhận' }).selectOption({ label: 'Để vay vốn ngân hàng' });
  await page.getByRole('textbox', { name: /Số lượng Giấy xác nhận/ }).fill('1');
  await page.getByRole('checkbox', { name: /Tôi cam đoan/ }).check();
  await page.getByRole('button', { name: 'Tiếp tục: xem lại câu trả lời' }).click();
  await page.getByRole('link', { name: /đính kèm giấy tờ và nộp hồ sơ/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Giấy tờ kèm theo' }).waitFor();
  // Open "My dossiers" once while online (the dev server has no service worker to serve its code
  // offline later), then come back: both are client-side navigations.
  await page.getByRole('link', { name: 'Hồ sơ', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Hồ sơ của tôi' }).waitFor();
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: 'Giấy tờ kèm theo' }).waitFor();

  // A 12 MP photo of a paper, drawn in the page (text and noise so it compresses like a real one).
  const photo = Buffer.from(
    await page.evaluate(async () => {
      const canvas = new OffscreenCanvas(4000, 3000);
      const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
      ctx.fillStyle = '#f6f2e6';
      ctx.fillRect(0, 0, 4000, 3000);
      ctx.fillStyle = '#1d1d24';
      ctx.font = '64px serif';
      for (let y = 1; y < 30; y++) ctx.fillText(`Giấy xác nhận tình trạng hôn nhân — dòng ${y} — Ủy ban nhân dân phường Ninh Kiều`, 200, y * 100);
      const image = ctx.getImageData(0, 0, 4000, 3000);
      let seed = 7;
      for (let i = 0; i < image.data.length; i += 4) {
        seed = (seed * 1664525 + 1013904223) >>> 0;
        const n = ((seed >>> 24) - 128) / 12;
        image.data[i] = (image.data[i] as number) + n;
        image.data[i + 1] = (image.data[i + 1] as number) + n;
        image.data[i + 2] = (image.data[i + 2] as number) + n;
      }
      ctx.putImageData(image, 0, 0);
      const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 })).arrayBuffer());
      let binary = '';
      for (const b of bytes) binary += String.fromCharCode(b);
      return btoa(binary);
    }),
    'base64',
  );
  const section = page.getByRole('region', { name: /^Giấy xác nhận tình trạng hôn nhân đã cấp trước đây/ });
  await section.getByLabel('Chụp ảnh giấy tờ').setInputFiles({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: photo });
  await section.getByRole('button', { name: /^Xoá/ }).waitFor();

  // Offline (Chromium's own emulation fires `offline`), then Submit: the first dossier is queued.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
  await page.waitForURL(/\/outbox\//);
  const firstId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');

  // Nineteen more distinct submissions (new idempotency keys), through the app's own DB module.
  const queued = await page.evaluate(
    async ([id, count, moduleUrl]) => {
      const db = (await import(/* @vite-ignore */ moduleUrl)) as typeof PersonalDb;
      const first = await db.getOutboxItem(id);
      if (!first) throw new Error('The first dossier is not in the outbox');
      for (let i = 1; i < count; i++) {
        await db.putOutboxItem({
          ...first,
          id: crypto.randomUUID(),
          createdAt: new Date(Date.now() + i).toISOString(),
          attachments: first.attachments.map((a) => (a.kind === 'file' ? { ...a, key: crypto.randomUUID() } : a)),
        });
      }
      const all = await db.listOutbox(first.owner);
      const bytes = all.reduce((n, item) => n + item.attachments.reduce((m, a) => m + (a.kind === 'file' ? a.size : 0), 0), 0);
      return { items: all.filter((item) => item.state === 'queued').length, bytes };
    },
    [firstId, COUNT, PERSONAL_DB] as const,
  );
  if (queued.items !== COUNT) throw new Error(`Expected ${COUNT} queued dossiers, found ${queued.items}`);

  // The citizen watches "My dossiers" while waiting.
  await page.getByRole('link', { name: 'Xem hồ sơ của tôi' }).click();
  await page.getByRole('heading', { name: `Đang chờ gửi (${COUNT})` }).waitFor();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });

  const held = async () => ((await (await fetch(`${base}/api/__mock/dossiers`)).json()) as { dossiers: { code: string }[] }).dossiers;
  const t0 = performance.now();
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...LINK });
  let count = 0;
  while (performance.now() - t0 < 600_000) {
    count = (await held()).length;
    if (count >= COUNT) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const elapsed = performance.now() - t0;
  // Give a duplicate, if the queue were to send one, the chance to arrive.
  await new Promise((r) => setTimeout(r, 2000));
  const dossiers = await held();
  const distinct = new Set(dossiers.map((d) => d.code)).size;
  await page.getByRole('heading', { name: /Đang chờ gửi/ }).waitFor({ state: 'detached', timeout: 30_000 });

  const transferMs = (queued.bytes / LINK.uploadThroughput) * 1000;
  const overheadPerDossier = (elapsed - transferMs) / COUNT;
  console.log(`Outbox drain: ${COUNT} dossiers, ${(queued.bytes / 1000).toFixed(0)} kB of compressed photos (${(queued.bytes / COUNT / 1000).toFixed(0)} kB each)`);
  console.log(`Phone: CPU ÷${THROTTLE}; link: ${LINK.latency} ms RTT, ${(LINK.uploadThroughput * 8) / 1e6} Mbit/s up, ${(LINK.downloadThroughput * 8) / 1e6} Mbit/s down`);
  console.log(`All ${COUNT} held by the office after ${(elapsed / 1000).toFixed(1)} s (raw upload time ${(transferMs / 1000).toFixed(1)} s)`);
  console.log(`Queue overhead: ${overheadPerDossier.toFixed(0)} ms per dossier (budget ${OVERHEAD_BUDGET_MS_PER_DOSSIER} ms); backend holds ${dossiers.length}, distinct ${distinct}`);
  passed = enforce(
    [{ name: 'queue overhead per dossier', samples: [overheadPerDossier], stat: 'max', limit: OVERHEAD_BUDGET_MS_PER_DOSSIER }],
    [
      (dossiers.length !== COUNT || distinct !== COUNT) && `expected exactly ${COUNT} dossiers, the backend holds ${dossiers.length} (${distinct} distinct)`,
      !(queued.bytes > 0) && `the queued dossiers carry no bytes (${queued.bytes}): the photo was not attached`,
    ],
  );
} finally {
  await browser.close();
  await server.close();
}
process.exit(passed ? 0 : 1);
