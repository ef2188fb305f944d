/**
 * E-form benchmark (`npm run bench:form`, after `npm run build`): the production build with the
 * simulated backend, signed in through the simulated VNeID, in Chromium with the CPU slowed 4×
 * (a cheap phone).
 *
 * 1. Typing into the longest real e-form (the birth registration form, 31 fields): for each
 *    keystroke, the time from the key event's timestamp (when the phone received the key, so time
 *    spent waiting for a busy main thread counts) to the presentation of the next frame, as the
 *    browser's Event Timing API reports it — what Chrome's Interaction to Next Paint is made of
 *    (`scripts/lib/event-timing.ts`). A keystroke's latency is the longest of its events, the
 *    release included. For information it also prints the page-side estimate this benchmark used
 *    before (the first task after the key's animation frame): compared key by key under CPU
 *    throttling, that task ran 15–30 ms after the frame the browser reports as presented, so it
 *    counted work the citizen does not wait for.
 * 2. Opening a 60-field form (a synthetic one, MOCK_FORMS=synthetic — longer than any real
 *    form): from the click on "apply" on the procedure's page to the paint after the last field
 *    is in the page — the route's code, the definition, the draft and the render. Each open
 *    starts from a freshly loaded procedure page (code from the HTTP cache or service worker).
 *
 * Budgets: keystroke → next paint p95 ≤ 50 ms; opening the 60-field form p95 ≤ 1,000 ms.
 * Fails as well when it measured fewer keystrokes or opens than it made, or when Event Timing
 * reported no keystroke at all (at 4× CPU every key takes over 16 ms: none means it did not work).
 */
import { chromium, type Page } from '@playwright/test';
import { SYNTHETIC_FORM_FIELDS, SYNTHETIC_FORM_ID } from '../mocks/synthetic-form.ts';
import { chromiumOptions, freePort, startPreview } from './preview-server.ts';
import { enforce, median, percentile } from './lib/stats.ts';
import { keystrokeLatencies, type TimedEvent } from './lib/event-timing.ts';

/** BENCH_THROTTLE=1 shows what the same machine does unthrottled (a diagnosis, not the budget). */
const THROTTLE = Number(process.env.BENCH_THROTTLE ?? 4);
const KEY_TO_PAINT_BUDGET_MS = 50;
const OPEN_BUDGET_MS = 1000;
const LONGEST_FORM = '1.001193';
const TYPED_FIELD = '#f-childFullName';
const TEXT = 'Nguyen Thi Minh Thu';
/** Six rounds (114 keys): p95 is then the sixth-slowest key, not the third — one busy second on a shared machine does not decide it. */
const TYPING_ROUNDS = 6;
/** A quick typist on a phone: a key every 120 ms. */
const KEY_DELAY_MS = 120;
const OPENS = 5;
const LAST_FIELD = `#f-f${SYNTHETIC_FORM_FIELDS}`;

type Probe = Window & { __keyTimes: number[]; __events: TimedEvent[]; __afterFrame: number[] };

/** Records each keydown's timestamp, Event Timing's entries, and (for information) the page-side estimate. */
const installKeyProbe = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as Probe;
    w.__keyTimes = [];
    w.__events = [];
    w.__afterFrame = [];
    let keyAt: number | null = null;
    document.addEventListener(
      'keydown',
      (event) => {
        w.__keyTimes.push(event.timeStamp);
        keyAt = event.timeStamp;
      },
      { capture: true },
    );
    document.addEventListener(
      'input',
      () => {
        if (keyAt === null) return;
        const started = keyAt;
        keyAt = null;
        // For information: the task queued from the frame's animation callbacks runs after it.
        requestAnimationFrame(() => setTimeout(() => w.__afterFrame.push(performance.now() - started), 0));
      },
      { capture: true },
    );
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__events.push({ name: entry.name, startTime: entry.startTime, duration: entry.duration });
    }).observe({ type: 'event', durationThreshold: 16, buffered: false } as PerformanceObserverInit);
  });

const port = Number(process.env.BENCH_PORT ?? (await freePort()));
const server = await startPreview(port, { MOCK_FORMS: 'synthetic', MOCK_LIFECYCLE_SECONDS: '0' });
const browser = await chromium.launch(chromiumOptions);
try {
  const context = await browser.newContext({ viewport: { width: 412, height: 915 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  await fetch(`${server.url}/api/__mock/reset`, { method: 'POST' });
  const cdp = await context.newCDPSession(page);
  const throttle = () => cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });

  // Sign in on the way to the form, as a citizen would.
  await page.goto(`${server.url}/services/${LONGEST_FORM}/apply`);
  await page.getByRole('button', { name: 'Đăng nhập bằng VNeID' }).click();
  await page.getByRole('radio', { name: /Nguyễn Văn An/ }).check();
  await page.getByRole('button', { name: 'Đồng ý và đăng nhập' }).click();
  const input = page.locator(TYPED_FIELD);
  await input.waitFor();
  const fieldCount = await page.locator('form.eform .field, form.eform fieldset').count();

  // 1. Typing.
  await installKeyProbe(page);
  await throttle();
  const probe = () =>
    page.evaluate(() => {
      const w = window as unknown as Probe;
      return { keyTimes: [...w.__keyTimes], events: [...w.__events], afterFrame: [...w.__afterFrame] };
    });
  const typing = { latencies: [] as number[], reported: 0, keys: 0, afterFrame: [] as number[] };
  let typed = 0;
  let value = '';
  for (let round = 0; round < TYPING_ROUNDS; round++) {
    // Clearing (fill may press Delete) is not part of the measurement.
    await input.fill('');
    await page.waitForTimeout(500);
    const before = await probe();
    await input.pressSequentially(TEXT, { delay: KEY_DELAY_MS });
    typed += TEXT.length;
    // Event Timing reports an event once its frame is presented.
    await page.waitForTimeout(500);
    const after = await probe();
    value = await input.inputValue();
    if (value !== TEXT) break;
    const measured = keystrokeLatencies(after.keyTimes.slice(before.keyTimes.length), after.events);
    typing.latencies.push(...measured.latencies);
    typing.reported += measured.reported;
    typing.keys += after.keyTimes.length - before.keyTimes.length;
    typing.afterFrame.push(...after.afterFrame.slice(before.afterFrame.length));
  }

  // 2. Opening the 60-field form.
  const opens: number[] = [];
  for (let i = 0; i < OPENS; i++) {
    await page.goto(`${server.url}/services/${SYNTHETIC_FORM_ID}`);
    await throttle();
    const apply = page.locator(`a[href="/services/${SYNTHETIC_FORM_ID}/apply"]`);
    await apply.waitFor();
    await page.waitForLoadState('networkidle');
    const opened = page.evaluate(
      (selector) =>
        new Promise<number>((resolve) => {
          let clickedAt: number | null = null;
          document.addEventListener('click', (event) => (clickedAt ??= event.timeStamp), { capture: true, once: true });
          const done = () => {
            observer.disconnect();
            requestAnimationFrame(() => setTimeout(() => resolve(clickedAt === null ? NaN : performance.now() - clickedAt), 0));
          };
          const observer = new MutationObserver(() => {
            if (document.querySelector(selector)) done();
          });
          observer.observe(document.body, { childList: true, subtree: true });
          // A form that never appears is a failed measurement (NaN), not a hang.
          setTimeout(() => {
            observer.disconnect();
            resolve(NaN);
          }, 60_000);
        }),
      LAST_FIELD,
    );
    await apply.click();
    opens.push(await opened);
    if ((await page.locator('form.eform section').count()) !== 6) throw new Error('The synthetic form did not render its 6 sections');
  }

  console.log(`Production build, Chromium ${browser.version()}, CPU ${THROTTLE}× slower (the machine may be shared: figures are noisy)`);
  console.log(`Typing “${TEXT}” ${TYPING_ROUNDS}× into ${TYPED_FIELD} of ${LONGEST_FORM} (${fieldCount} fields on the page), a key every ${KEY_DELAY_MS} ms`);
  console.log(`  ${typing.reported} of ${typing.keys} keystrokes took 16 ms or more (Event Timing reports no shorter ones; they count as 16 ms)`);
  console.log(
    `  For information, the page-side estimate (first task after the key's frame): median ${median(typing.afterFrame).toFixed(0)} ms, p95 ${percentile(typing.afterFrame, 95).toFixed(0)} ms`,
  );
  console.log(`Opening the ${SYNTHETIC_FORM_FIELDS}-field form ${OPENS}× from its procedure page: ${opens.map((ms) => ms.toFixed(0)).join(', ')} ms`);
  enforce(
    [
      { name: 'keystroke → next paint', samples: typing.latencies, stat: 'p95', limit: KEY_TO_PAINT_BUDGET_MS, minSamples: typed },
      { name: `open the ${SYNTHETIC_FORM_FIELDS}-field form`, samples: opens, stat: 'p95', limit: OPEN_BUDGET_MS, minSamples: OPENS },
    ],
    [
      typing.keys !== typed && `the page saw ${typing.keys} key presses, ${typed} were typed`,
      typing.keys > 0 && typing.reported === 0 && 'Event Timing reported no keystroke at all: at this CPU speed that is a broken measurement, not a fast form',
      value !== TEXT && `the field holds “${value}”, not “${TEXT}”`,
    ],
  );
} finally {
  await browser.close();
  server.stop();
}
