/**
 * `npm run test:conformance` (part of `npm test`): the conformance suite against the simulated
 * backend on an origin of its own (scripts/mock-backend.ts on a free port), as a province runs
 * it against theirs. CONFORMANCE_PORT picks the port.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { main } from './conformance.ts';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });

const port = Number(process.env.CONFORMANCE_PORT ?? (await freePort()));
const base = `http://127.0.0.1:${port}`;
const backend = spawn(process.execPath, ['scripts/mock-backend.ts'], {
  env: { ...process.env, MOCK_PORT: String(port), MOCK_HOST: '127.0.0.1', MOCK_LIFECYCLE_SECONDS: '0', MOCK_LATENCY_MS: '0' },
  stdio: ['ignore', 'ignore', 'inherit'],
});

const ready = async () => {
  const until = Date.now() + 15_000;
  while (Date.now() < until) {
    if (backend.exitCode !== null) throw new Error(`the simulated backend exited (${backend.exitCode})`);
    try {
      if ((await fetch(`${base}/api/catalogue`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the simulated backend did not answer at ${base} within 15 s`);
};

let code = 1;
try {
  await ready();
  code = await main(['--base-url', `${base}/api`]);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
} finally {
  backend.kill('SIGTERM');
}
process.exitCode = code;
