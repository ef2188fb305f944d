/**
 * Bundled into the framework file (vite.config.ts), React's. A pre-rendered page asks for it
 * once it has painted (src/app/paint-first.ts); the plain shell through the entry (main.tsx).
 * Importing React DOM's client here is what makes the file run React DOM's (CommonJS) code when
 * it is evaluated: a task of its own (10–15 ms), not part of the entry's.
 */
import 'react-dom/client';

/**
 * The first Intl.NumberFormat or DateTimeFormat a Chromium process builds costs 20–30 ms (120 ms
 * on a 4× slower phone), whatever the locale: V8 sets up ICU's number and date support once per
 * process. A throwaway worker pays it on its own thread instead: workers share the page's
 * process, so the page's first formatter is then ready at once (docs/architecture/decisions.md,
 * 3c). The shell starts it at once, while the rest of the app downloads; a pre-rendered page
 * once it has been taken over (main.tsx: its own strings came formatted with it, and a second
 * thread busy during the takeover would slow the takeover down on a two-core phone). A blob
 * worker needs no request (CSP worker-src allows blob:); without workers, nothing changes.
 */
export const warmUpIntl = (): void => {
  if (typeof Worker === 'undefined' || typeof Blob === 'undefined' || typeof URL.createObjectURL !== 'function') return;
  try {
    const url = URL.createObjectURL(
      new Blob(
        [
          "new Intl.NumberFormat('vi-VN',{style:'currency',currency:'VND'}).format(1);new Intl.DateTimeFormat('vi-VN',{timeZone:'Asia/Ho_Chi_Minh'}).format(0);postMessage(0);",
        ],
        { type: 'text/javascript' },
      ),
    );
    const worker = new Worker(url);
    const done = () => {
      URL.revokeObjectURL(url);
      worker.terminate();
    };
    worker.onmessage = worker.onerror = done;
  } catch {
    // A browser that refuses the worker: the first formatter simply costs what it costs.
  }
};

// The plain shell (no pre-rendered page to take over): its first formatter is warmed at once.
if (typeof document !== 'undefined' && !import.meta.env.SSR && !document.querySelector('script[data-react]')) warmUpIntl();
