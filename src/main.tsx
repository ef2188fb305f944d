import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n/i18n.ts';
import { applyTextSize, readTextSize } from './lib/preferences.ts';
import { App } from './app/App.tsx';
import { startEarlyRequests } from './app/routes.tsx';
import { router } from './app/router.tsx';
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
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
