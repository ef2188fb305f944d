/**
 * The Lighthouse floor: a React 19 + Vite hello world (what `npm create vite` gives, trimmed),
 * built at run time into a temporary directory with this project's own vite, React and React
 * plugin, and served by `vite preview` — the same server and compression as the app.
 */
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, preview } from 'vite';
import react from '@vitejs/plugin-react';

const INDEX = `<!doctype html>
<html lang="vi">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="description" content="Hello world: React 19 and Vite, the floor the app is measured against." />
    <title>Hello world</title>
  </head>
  <body>
    <div id="root"></div>
    <script type="module" src="/main.jsx"></script>
  </body>
</html>
`;

const MAIN = `import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

const App = () => (
  <main>
    <h1>Xin chào / Hello world</h1>
    <p>React 19 + Vite.</p>
  </main>
);

createRoot(document.getElementById('root')).render(<StrictMode><App /></StrictMode>);
`;

export interface HelloWorld {
  url: string;
  stop: () => Promise<void>;
}

/** Builds the hello world and serves it on `port`; `stop` closes the server and removes the files. */
export const serveHelloWorld = async (port: number, projectRoot = process.cwd()): Promise<HelloWorld> => {
  const root = await mkdtemp(join(tmpdir(), 'lh-hello-world-'));
  try {
    await writeFile(join(root, 'index.html'), INDEX);
    await writeFile(join(root, 'main.jsx'), MAIN);
    // Bare imports (react, react-dom) resolve to the project's own copies.
    await symlink(resolve(projectRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
    const config = { root, configFile: false as const, logLevel: 'warn' as const, plugins: [react()], build: { outDir: join(root, 'dist') } };
    await build(config);
    const server = await preview({ ...config, preview: { port, strictPort: true } });
    return {
      url: `http://localhost:${port}`,
      stop: async () => {
        await server.close();
        await rm(root, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw error;
  }
};
