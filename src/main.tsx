import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n/i18n.ts';
import { applyTextSize, readTextSize } from './lib/preferences.ts';
import { App } from './app/App.tsx';
import { startEarlyRequests } from './app/routes.tsx';
import { router } from './app/router.tsx';
import { readSession } from './auth/session.ts';
import './styles.css';

applyTextSize(readTextSize());
startEarlyRequests(window.location.pathname);

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');

// A pre-rendered page (scripts/prerender.ts) stays on screen until the route's code and data
// are here, then the app renders the same page over it in one go: no blank frame, no jump.
const routeReady = root.hasChildNodes()
  ? new Promise<void>((resolve) => {
      if (router.state.initialized) return resolve();
      const stop = router.subscribe((state) => {
        if (state.initialized) {
          stop();
          resolve();
        }
      });
    })
  : undefined;

// The first namespace is awaited before rendering, so the first paint is already translated
// and nothing jumps when the strings arrive.
void Promise.all([initI18n(), routeReady]).then(() => {
  // Whoever scrolled the pre-rendered page while the code arrived stays where they were.
  const scrolled = routeReady ? window.scrollY : 0;
  const app = (
    <StrictMode>
      <App />
    </StrictMode>
  );
  const reactRoot = createRoot(root);
  if (scrolled > 0) {
    flushSync(() => reactRoot.render(app));
    window.scrollTo(0, scrolled);
  } else reactRoot.render(app);
});

// Signing out in one tab (auth/actions.ts) signs out every other tab too: their session goes,
// and they leave whatever personal page they showed.
if ('BroadcastChannel' in window) {
  new BroadcastChannel('mcs-session').onmessage = (event: MessageEvent) => {
    if (event.data !== 'signed-out' || !readSession()) return;
    try {
      sessionStorage.clear();
    } catch {
      // Storage blocked: there was no session in it either.
    }
    window.location.replace('/');
  };
}
