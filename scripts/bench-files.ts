/**
 * Photo compression benchmark (`npm run bench:files`): a 12 MP phone photo of a paper form,
 * made in the page (a desk, the sheet, Vietnamese text, a stamp, lens fall-off and sensor
 * noise), run through the real `compressPhoto` in Chromium with the CPU slowed 4× (a cheap
 * phone), then three compressed photos bound into one PDF with `imagesToPdf`.
 *
 * Runs on the Vite dev server, not the production build: until the documents step imports the
 * compressor the build has no chunk for it, and dev serves the same worker and OffscreenCanvas
 * code (module worker from `new URL(…, import.meta.url)`).
 *
 * Chromium throttles only a page's main thread: for a worker, `Emulation.setCPUThrottlingRate`
 * answers "Operation is only supported for pages, not workers". The script measures whether
 * the worker ran slower under throttling and, when it did not, holds the budget to 4 × the
 * worker's time: a pessimistic estimate, since it also multiplies time spent waiting on I/O.
 *
 * Budget: compressed photo ≤ 600 kB, and ≤ 3 s from photo to compressed JPEG on that phone.
 */
import { chromium } from '@playwright/test';
import { createServer } from 'vite';
import type * as Compress from '../src/lib/files/compress.ts';
import type * as ImagesToPdf from '../src/lib/files/images-to-pdf.ts';
import { chromiumOptions, freePort } from './preview-server.ts';
import { enforce, median } from './lib/stats.ts';

const BUDGET_MS = 3000;
const MAX_BYTES = 600_000;
const THROTTLE = 4;
const RUNS = 3;
const COMPRESS = '/src/lib/files/compress.ts';
const IMAGES_TO_PDF = '/src/lib/files/images-to-pdf.ts';

const kb = (bytes: number) => `${(bytes / 1000).toFixed(0)} kB`;

const port = Number(process.env.BENCH_PORT ?? (await freePort()));
// No file watching and no HMR: others edit the tree while this runs, and a reload would kill the page.
const server = await createServer({ server: { port, strictPort: true, hmr: false, watch: null }, logLevel: 'warn', clearScreen: false });
await server.listen();
const browser = await chromium.launch(chromiumOptions);
try {
  const page = await browser.newPage({ viewport: { width: 412, height: 915 } });
  await page.goto(`http://localhost:${port}/`);
  await page.waitForLoadState('networkidle');

  // A busy loop in a worker, to find out whether the CPU throttle reaches workers.
  const workerLoopMs = () =>
    page.evaluate(async () => {
      const source = 'onmessage = () => { const t = performance.now(); let x = 0; for (let i = 0; i < 1e8; i++) x += Math.sqrt(i); postMessage([performance.now() - t, x]); }';
      const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
      const [ms] = await new Promise<[number, number]>((resolve) => {
        worker.onmessage = (event: MessageEvent<[number, number]>) => resolve(event.data);
        worker.postMessage(null);
      });
      worker.terminate();
      return ms;
    });
  const loopBefore = median([await workerLoopMs(), await workerLoopMs(), await workerLoopMs()]);

  // The photo is made before throttling: drawing it is not what we measure.
  const original = await page.evaluate(async () => {
    const W = 4000;
    const H = 3000;
    const canvas = document.createElement('canvas');
    canvas.width = W;
    canvas.height = H;
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
    let seed = 42;
    const random = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);

    // A wooden desk: warm gradient and grain.
    const desk = ctx.createLinearGradient(0, 0, W, H);
    desk.addColorStop(0, '#8a5a34');
    desk.addColorStop(0.5, '#a8713f');
    desk.addColorStop(1, '#6e4526');
    ctx.fillStyle = desk;
    ctx.fillRect(0, 0, W, H);
    ctx.lineWidth = 3;
    for (let i = 0; i < 400; i++) {
      const y = random() * H;
      ctx.strokeStyle = `rgba(${random() < 0.5 ? '60,35,15' : '190,140,90'},${0.15 + random() * 0.2})`;
      ctx.beginPath();
      ctx.moveTo(0, y);
      ctx.bezierCurveTo(W / 3, y + (random() - 0.5) * 80, (2 * W) / 3, y + (random() - 0.5) * 80, W, y + (random() - 0.5) * 60);
      ctx.stroke();
    }

    // The sheet, a little crooked, lit from a window on the left, with its shadow.
    ctx.save();
    ctx.translate(W / 2, H / 2);
    ctx.rotate(-0.035);
    ctx.shadowColor = 'rgba(0,0,0,0.45)';
    ctx.shadowBlur = 60;
    ctx.shadowOffsetX = 25;
    ctx.shadowOffsetY = 30;
    const pw = 2000;
    const ph = 2830;
    const light = ctx.createLinearGradient(-pw / 2, 0, pw / 2, 0);
    light.addColorStop(0, '#fbfaf5');
    light.addColorStop(1, '#d9d5ca');
    ctx.fillStyle = light;
    ctx.fillRect(-pw / 2, -ph / 2, pw, ph);
    ctx.shadowColor = 'transparent';

    ctx.fillStyle = '#1d1d24';
    ctx.textAlign = 'center';
    ctx.font = 'bold 46px serif';
    ctx.fillText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 0, -ph / 2 + 150);
    ctx.font = 'bold 40px serif';
    ctx.fillText('Độc lập - Tự do - Hạnh phúc', 0, -ph / 2 + 210);
    ctx.font = 'bold 64px serif';
    ctx.fillText('GIẤY KHAI SINH', 0, -ph / 2 + 360);
    ctx.textAlign = 'left';
    ctx.font = '38px serif';
    const lines = [
      'Họ, chữ đệm, tên: NGUYỄN THỊ MINH THƯ',
      'Ngày, tháng, năm sinh: 14/03/2019     ghi bằng chữ: Ngày mười bốn, tháng ba, năm hai nghìn không trăm mười chín',
      'Giới tính: Nữ     Dân tộc: Kinh     Quốc tịch: Việt Nam',
      'Nơi sinh: Bệnh viện Phụ sản Hà Nội, phường Láng Thượng, quận Đống Đa, thành phố Hà Nội',
      'Quê quán: xã Hải Thượng, huyện Hải Lăng, tỉnh Quảng Trị',
      'Số định danh cá nhân: 001319012345',
      'Họ, chữ đệm, tên người mẹ: TRẦN THỊ HỒNG NHUNG     Năm sinh: 1990',
      'Dân tộc: Kinh     Quốc tịch: Việt Nam',
      'Nơi cư trú: số 12 ngõ 45 phố Chùa Láng, phường Láng Thượng, quận Đống Đa, Hà Nội',
      'Họ, chữ đệm, tên người cha: NGUYỄN VĂN ĐỨC     Năm sinh: 1988',
      'Dân tộc: Kinh     Quốc tịch: Việt Nam',
      'Nơi cư trú: số 12 ngõ 45 phố Chùa Láng, phường Láng Thượng, quận Đống Đa, Hà Nội',
      'Người đi khai sinh: NGUYỄN VĂN ĐỨC     Giấy tờ tùy thân: CCCD số 001088004567',
      'Nơi đăng ký khai sinh: Ủy ban nhân dân phường Láng Thượng',
      'Ngày, tháng, năm đăng ký: 20/03/2019',
    ];
    let y = -ph / 2 + 520;
    for (const line of lines) {
      ctx.fillText(line.length > 80 ? line.slice(0, 80) : line, -pw / 2 + 140, y, pw - 280);
      y += 96;
      // Dotted leaders, as on the printed form.
      ctx.fillStyle = '#6b6b78';
      for (let x = -pw / 2 + 140; x < pw / 2 - 140; x += 14) ctx.fillRect(x, y - 80, 4, 3);
      ctx.fillStyle = '#1d1d24';
    }
    // The red stamp and a signature.
    ctx.strokeStyle = 'rgba(200,20,30,0.8)';
    ctx.lineWidth = 12;
    ctx.beginPath();
    ctx.arc(pw / 4, ph / 2 - 420, 190, 0, Math.PI * 2);
    ctx.stroke();
    ctx.lineWidth = 5;
    ctx.beginPath();
    ctx.arc(pw / 4, ph / 2 - 420, 150, 0, Math.PI * 2);
    ctx.stroke();
    ctx.fillStyle = 'rgba(200,20,30,0.8)';
    ctx.font = 'bold 34px serif';
    ctx.textAlign = 'center';
    ctx.fillText('UBND PHƯỜNG', pw / 4, ph / 2 - 440);
    ctx.fillText('LÁNG THƯỢNG', pw / 4, ph / 2 - 390);
    ctx.strokeStyle = '#1b2a6b';
    ctx.lineWidth = 6;
    ctx.beginPath();
    ctx.moveTo(pw / 4 - 220, ph / 2 - 330);
    for (let i = 0; i < 12; i++) ctx.lineTo(pw / 4 - 200 + i * 38, ph / 2 - 360 + (i % 2 ? -50 : 30) * random());
    ctx.stroke();
    ctx.restore();

    // Lens fall-off towards the corners.
    const vignette = ctx.createRadialGradient(W / 2, H / 2, H / 3, W / 2, H / 2, W * 0.65);
    vignette.addColorStop(0, 'rgba(0,0,0,0)');
    vignette.addColorStop(1, 'rgba(0,0,0,0.35)');
    ctx.fillStyle = vignette;
    ctx.fillRect(0, 0, W, H);

    // Sensor noise: luminance plus a little colour, as a phone camera in indoor light.
    const image = ctx.getImageData(0, 0, W, H);
    const px = image.data;
    for (let i = 0; i < px.length; i += 4) {
      const luma = (random() + random() + random() - 1.5) * 14;
      px[i] = (px[i] as number) + luma + (random() - 0.5) * 5;
      px[i + 1] = (px[i + 1] as number) + luma + (random() - 0.5) * 5;
      px[i + 2] = (px[i + 2] as number) + luma + (random() - 0.5) * 5;
    }
    ctx.putImageData(image, 0, 0);

    const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob failed'))), 'image/jpeg', 0.92));
    (window as unknown as { __photo: Blob }).__photo = blob;
    return { size: blob.size, width: W, height: H };
  });

  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  const loopAfter = median([await workerLoopMs(), await workerLoopMs(), await workerLoopMs()]);
  const workerSlowdown = loopAfter / loopBefore;
  // A worker the throttle did not reach: scale its time to the phone ourselves.
  const workerFactor = workerSlowdown < THROTTLE / 2 ? THROTTLE : 1;

  const compress = ({ mainThread = false, maxBytes }: { mainThread?: boolean; maxBytes?: number } = {}) =>
    page.evaluate(
      async ({ modulePath, runs, mainThread, maxBytes }) => {
        const { compressPhoto } = (await import(/* @vite-ignore */ modulePath)) as typeof Compress;
        const w = window as unknown as { __photo: Blob; __compressed: Blob[]; OffscreenCanvas?: unknown };
        // Without OffscreenCanvas the compressor takes its main-thread fallback.
        const offscreen = w.OffscreenCanvas;
        if (mainThread) delete w.OffscreenCanvas;
        let longestTask = 0;
        const observer = new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) longestTask = Math.max(longestTask, entry.duration);
        });
        observer.observe({ type: 'longtask' });
        try {
          // One warm-up (the dev server compiles the worker on first request), then the runs.
          await compressPhoto(w.__photo, { maxBytes });
          longestTask = 0;
          const blobs: Blob[] = [];
          const results = [];
          for (let i = 0; i < runs; i++) {
            const result = await compressPhoto(w.__photo, { maxBytes });
            blobs.push(result.blob);
            results.push({ size: result.blob.size, type: result.blob.type, width: result.width, height: result.height, quality: result.quality, ms: result.ms });
          }
          if (!mainThread && maxBytes === undefined) w.__compressed = blobs;
          // Long tasks are reported a little after they end.
          await new Promise((resolve) => setTimeout(resolve, 100));
          return { results, longestTask };
        } finally {
          observer.disconnect();
          if (mainThread) w.OffscreenCanvas = offscreen;
        }
      },
      { modulePath: COMPRESS, runs: RUNS, mainThread, maxBytes },
    );

  const worker = await compress();
  const pdf = await page.evaluate(
    async ({ modulePath, runs }) => {
      const { imagesToPdf } = (await import(/* @vite-ignore */ modulePath)) as typeof ImagesToPdf;
      const photos = (window as unknown as { __compressed: Blob[] }).__compressed;
      const times = [];
      let pdf = new Blob();
      for (let i = 0; i < runs; i++) {
        const started = performance.now();
        pdf = await imagesToPdf(photos.map((jpeg) => ({ jpeg })));
        times.push(performance.now() - started);
      }
      const head = new TextDecoder().decode(await pdf.slice(0, 8).arrayBuffer());
      const tail = new TextDecoder().decode(await pdf.slice(-6).arrayBuffer());
      return { times, size: pdf.size, type: pdf.type, pages: photos.length, head, tail };
    },
    { modulePath: IMAGES_TO_PDF, runs: RUNS },
  );
  // The whole ladder (2000 px at 0.8…0.5, then 1600 px at 0.8…0.5), forced by a tiny target.
  const ladder = await compress({ maxBytes: 100_000 });
  const fallback = await compress({ mainThread: true });

  const first = worker.results[0];
  if (!first) throw new Error('No compression result');
  const workerMs = median(worker.results.map((r) => r.ms));
  const phoneMs = workerMs * workerFactor;
  const largest = Math.max(...worker.results.map((r) => r.size));
  console.log(`Vite dev server (not the production build), Chromium ${browser.version()}, CPU ${THROTTLE}× slower, median of ${RUNS} runs after a warm-up`);
  console.log(`photo:       ${original.width}×${original.height} JPEG, ${kb(original.size)}`);
  console.log(
    `compressed:  ${first.width}×${first.height} ${first.type} at quality ${first.quality}, ${kb(largest)} (budget ${kb(MAX_BYTES)}); ${(original.size / largest).toFixed(0)}× smaller`,
  );
  const tasks = (ms: number) => (ms > 0 ? `longest main-thread task ${ms.toFixed(0)} ms` : 'no main-thread task over 50 ms');
  console.log(`worker:      ${workerMs.toFixed(0)} ms measured (runs: ${worker.results.map((r) => r.ms.toFixed(0)).join(', ')} ms); ${tasks(worker.longestTask)}`);
  console.log(
    `             the throttle slowed the worker ${workerSlowdown.toFixed(1)}× (busy loop ${loopBefore.toFixed(0)} → ${loopAfter.toFixed(0)} ms)` +
      (workerFactor > 1 ? `: not reached, so on the phone ≈ ${THROTTLE} × ${workerMs.toFixed(0)} = ${phoneMs.toFixed(0)} ms` : ''),
  );
  console.log(`             photo → JPEG on a ${THROTTLE}× slower phone: ${phoneMs.toFixed(0)} ms (budget ${BUDGET_MS} ms)`);
  const ladderMs = median(ladder.results.map((r) => r.ms));
  const last = ladder.results[0];
  console.log(
    `worst case:  all 8 encodings (target ${kb(100_000)}, ends at ${last?.width}×${last?.height} q${last?.quality}, ${kb(last?.size ?? NaN)}): ${ladderMs.toFixed(0)} ms measured, ≈ ${(ladderMs * workerFactor).toFixed(0)} ms on the phone (for information)`,
  );
  console.log(
    `fallback:    main thread, no OffscreenCanvas (throttled ${THROTTLE}×; decoding and encoding partly run on browser threads): ${median(fallback.results.map((r) => r.ms)).toFixed(0)} ms, ${kb(Math.max(...fallback.results.map((r) => r.size)))}, ${tasks(fallback.longestTask)} (for information)`,
  );
  console.log(`PDF of ${pdf.pages} compressed photos: ${median(pdf.times).toFixed(1)} ms (main thread, throttled), ${kb(pdf.size)}, ${pdf.type}`);

  enforce(
    [
      // On the phone: each run's time, scaled when the throttle did not reach the worker.
      { name: 'photo → JPEG on the phone', samples: worker.results.map((r) => r.ms * workerFactor), stat: 'median', limit: BUDGET_MS, minSamples: RUNS },
      { name: 'compressed photo', samples: worker.results.map((r) => r.size / 1000), stat: 'max', limit: MAX_BYTES / 1000, unit: 'kB', minSamples: RUNS },
    ],
    [
      first.type !== 'image/jpeg' && `compressed type ${first.type}`,
      (!pdf.head.startsWith('%PDF-1.') || !pdf.tail.includes('%%EOF') || pdf.type !== 'application/pdf') && `not a PDF: ${JSON.stringify([pdf.head, pdf.tail, pdf.type])}`,
      !Number.isFinite(workerSlowdown) && `could not tell whether the throttle reaches workers (busy loop ${loopBefore} → ${loopAfter} ms)`,
    ],
  );
} finally {
  await browser.close();
  await server.close();
}
