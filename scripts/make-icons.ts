/**
 * Renders the PWA icons from public/favicon.svg with Chromium, so the PNGs in public/icons can
 * be remade after a logo change: `node scripts/make-icons.ts`. Not part of the build.
 */
import { readFile, writeFile } from 'node:fs/promises';
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

// /favicon.ico, which browsers and tools still ask for by name: an ICO holding one 32 px PNG
// (a PNG inside an ICO is valid since Windows Vista and read by every current browser).
await page.setViewportSize({ width: 32, height: 32 });
await page.setContent(`<body style="margin:0">${svg.replace('<svg ', '<svg width="32" height="32" ')}</body>`);
const png = await page.screenshot({ omitBackground: true });
const header = Buffer.alloc(22);
header.writeUInt16LE(0, 0); // reserved
header.writeUInt16LE(1, 2); // type: icon
header.writeUInt16LE(1, 4); // one image
header.writeUInt8(32, 6); // width
header.writeUInt8(32, 7); // height
header.writeUInt16LE(1, 10); // colour planes
header.writeUInt16LE(32, 12); // bits per pixel
header.writeUInt32LE(png.length, 14);
header.writeUInt32LE(22, 18); // offset of the PNG
await writeFile('public/favicon.ico', Buffer.concat([header, png]));
await browser.close();
