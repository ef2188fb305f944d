import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n/i18n.ts';
import { applyTextSize, readTextSize } from './lib/preferences.ts';
import { App } from './app/App.tsx';
import { startEarlyRequests } from './app/routes.tsx';
import './styles.css';

applyTextSize(readTextSize());
startEarlyRequests(window.location.pathname);

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');

// The first namespace is awaited before rendering, so the first paint is already translated
// and nothing jumps when the strings arrive.
void initI18n().then(() => {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
