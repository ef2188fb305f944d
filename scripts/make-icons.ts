/**
 * Renders the PWA icons from public/favicon.svg with Chromium, so the PNGs in public/icons can
 * be remade after a logo change: `node scripts/make-icons.ts`. Not part of the build.
 */
import { readFile } from 'node:fs/promises';
import { chromium } from '@playwright/test';

const svg = await readFile(new URL('../public/favicon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
const page = await browser.newPage();

const render = async (size: number, file: string, maskable: boolean) => {
  await page.setViewportSize({ width: size, height: size });
  // Maskable icons keep their content inside the central 80% safe zone, on a full-bleed fill.
  const inner = maskable ? Math.round(size * 0.72) : size;
  await page.setContent(
    `<body style="margin:0;width:${size}px;height:${size}px;display:grid;place-items:center;background:${maskable ? '#0b4a8b' : 'transparent'}">
      <div style="width:${inner}px;height:${inner}px">${svg.replace('<svg ', `<svg width="${inner}" height="${inner}" `)}</div></body>`,
  );
  await page.screenshot({ path: `public/icons/${file}`, omitBackground: !maskable });
};

await render(192, 'icon-192.png', false);
await render(512, 'icon-512.png', false);
await render(512, 'icon-maskable-512.png', true);
await render(180, 'apple-touch-icon.png', true);
await browser.close();
