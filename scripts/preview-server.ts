/** Starts `vite preview` (the production build + simulated backend) for scripts; resolves when it answers. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';

export const startPreview = async (port: number, env: Record<string, string> = {}): Promise<{ url: string; stop: () => void }> => {
  const child: ChildProcess = spawn('node_modules/.bin/vite', ['preview', '--port', String(port), '--strictPort'], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: 'ignore',
  });
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/`)).ok) break;
    } catch {
      // Not up yet.
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`vite preview did not start on ${url}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, stop: () => child.kill() };
};

export const chromiumOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
};

/** A port nobody is listening on, for a server a script starts itself. */
export const freePort = (): Promise<number> =>
  new Promise<number>((resolve, reject) => {
    const probe = createTcpServer();
    probe.once('error', reject);
    probe.listen(0, () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
