/**
 * Public tracking under a guessing flood (`npm run bench:track`): while one client hammers
 * `/api/track` with wrong digits over sequential codes — the attack sequential dossier codes
 * invite — do honest citizens with the right code and digits still get their answer at once,
 * and is the flood refused cheaply?
 *
 * Bounded and local only: the simulated backend (the same handlers and server code as
 * `npm start`) runs in a worker thread on 127.0.0.1; the flood, from another worker thread,
 * comes from 127.0.0.2 with FLOOD_CONNECTIONS keep-alive connections for FLOOD_SECONDS or
 * FLOOD_MAX requests, whichever ends first; honest citizens (the main thread) come from
 * 127.0.0.3 and up (one loopback address each, as separate phones would), each looking up a
 * few times, spaced out, during the flood. Three threads, so neither client's own event loop
 * is what gets measured.
 *
 * First the same citizens look up without a flood (the baseline, reported), then with it.
 * Budget: every honest look-up answered 200, p95 ≤ 100 ms during the flood; the flood answered
 * 429 after its first TRACK_CLIENT_LIMIT.requests look-ups, never a 200.
 */
import { Agent, createServer, request } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { check, enforce } from './lib/stats.ts';

const FLOOD_SECONDS = 10;
const FLOOD_MAX = 200_000;
const FLOOD_CONNECTIONS = 32;
const CITIZENS = 20;
const LOOKUPS_PER_CITIZEN = 5;
/** Loopback on a shared 2-core machine: "at once" with room for the scheduler. */
const HONEST_P95_MS = 100;
const BASELINE_ROUNDS = 2;

interface Ready {
  port: number;
  code: string;
  digits: string;
  otherCodes: string[];
}

type Role = { role: 'server' } | { role: 'flood'; ready: Ready };
const role = workerData as Role | null;

const lookUp = (port: number, agent: Agent, localAddress: string, code: string, digits: string) =>
  new Promise<{ status: number; ms: number }>((resolve, reject) => {
    const started = performance.now();
    const req = request({ host: '127.0.0.1', port, localAddress, agent, path: `/api/track?${new URLSearchParams({ code, phone: digits }).toString()}` }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
    });
    req.on('error', reject);
    req.end();
  });

interface FloodReport {
  requests: number;
  ms: number;
  statuses: [number, number][];
}

if (role?.role === 'server') {
  // ---- The server: the simulated backend exactly as `npm start` serves it --------------------
  const { mockMiddleware } = await import('../mocks/vite-plugin.ts');
  const { submitDossier } = await import('../mocks/dossiers/lifecycle.ts');
  const filed = (key: string) => {
    const outcome = submitDossier('vneid-046095001234', key, { procedureId: '1.004873', values: { phone: '0987 654 321' }, documents: [] });
    if (!outcome.ok) throw new Error(outcome.title);
    return outcome.value.code;
  };
  const code = filed('honest');
  const otherCodes = Array.from({ length: 5 }, (_, i) => filed(`other-${i}`));
  const server = createServer((req, res) => mockMiddleware(req as never, res, () => res.writeHead(404).end()));
  server.keepAliveTimeout = 30_000;
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    parentPort?.postMessage({ port: typeof address === 'object' && address ? address.port : 0, code, digits: '4321', otherCodes } satisfies Ready);
  });
  parentPort?.on('message', () => server.close(() => process.exit(0)));
} else if (role?.role === 'flood') {
  // ---- The flood: wrong digits over the codes around the real ones, as walking sequential codes does
  const { ready } = role;
  const statuses = new Map<number, number>();
  let requests = 0;
  const agent = new Agent({ keepAlive: true, maxSockets: FLOOD_CONNECTIONS });
  const started = performance.now();
  const deadline = started + FLOOD_SECONDS * 1000;
  const prefix = ready.code.slice(0, -4);
  const loop = async () => {
    while (performance.now() < deadline && requests < FLOOD_MAX) {
      const n = requests++;
      const code = n % 7 === 0 ? (ready.otherCodes[n % ready.otherCodes.length] as string) : `${prefix}${String(100 + (n % 9000)).padStart(4, '0')}`;
      const { status } = await lookUp(ready.port, agent, '127.0.0.2', code, String(n % 10_000).padStart(4, '0'));
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: FLOOD_CONNECTIONS }, loop));
  agent.destroy();
  parentPort?.postMessage({ requests, ms: performance.now() - started, statuses: [...statuses] } satisfies FloodReport);
} else {
  // ---- Honest citizens, and the report
  const server = new Worker(new URL(import.meta.url), { workerData: { role: 'server' } satisfies Role });
  const ready = await new Promise<Ready>((resolve, reject) => {
    server.once('message', resolve);
    server.once('error', reject);
  });
  const { TRACK_CLIENT_LIMIT } = await import('../mocks/dossiers/limits.ts');
  // Baseline: the same citizens (other loopback addresses, so their budgets stay whole), no flood.
  const baseline: number[] = [];
  await Promise.all(
    Array.from({ length: CITIZENS }, async (_, i) => {
      const agent = new Agent({ keepAlive: false });
      await new Promise((r) => setTimeout(r, i * 50));
      for (let k = 0; k < BASELINE_ROUNDS; k++) {
        const { status, ms } = await lookUp(ready.port, agent, `127.0.1.${3 + i}`, ready.code, ready.digits);
        if (status === 200) baseline.push(ms);
        await new Promise((r) => setTimeout(r, 500));
      }
    }),
  );
  const floodWorker = new Worker(new URL(import.meta.url), { workerData: { role: 'flood', ready } satisfies Role });
  const floodDone = new Promise<FloodReport>((resolve, reject) => {
    floodWorker.once('message', resolve);
    floodWorker.once('error', reject);
  });
  const honest: { status: number; ms: number }[] = [];
  const deadline = performance.now() + FLOOD_SECONDS * 1000;
  const citizen = async (i: number) => {
    const agent = new Agent({ keepAlive: false });
    // Spread over the flood: the first look-up after the flood has started, then every 1.5 s.
    await new Promise((r) => setTimeout(r, 500 + i * 60));
    for (let k = 0; k < LOOKUPS_PER_CITIZEN && performance.now() < deadline; k++) {
      honest.push(await lookUp(ready.port, agent, `127.0.0.${3 + i}`, ready.code, ready.digits));
      await new Promise((r) => setTimeout(r, 1500));
    }
  };
  await Promise.all(Array.from({ length: CITIZENS }, (_, i) => citizen(i)));
  const flood = await floodDone;
  server.postMessage('stop');
  await new Promise((r) => server.once('exit', r));

  const statuses = new Map(flood.statuses);
  const refused = statuses.get(429) ?? 0;
  const answered = flood.requests - refused;
  const seconds = flood.ms / 1000;
  console.log(
    `flood: ${flood.requests} look-ups in ${seconds.toFixed(1)} s from one client (${Math.round(flood.requests / seconds)}/s, ${FLOOD_CONNECTIONS} connections); ` +
      `${refused} refused with 429 (${Math.round(refused / seconds)}/s); answered: ${[...statuses].filter(([s]) => s !== 429).map(([s, n]) => `${s}×${n}`).join(', ') || 'none'}`,
  );
  // The tail is the scheduler's on a busy machine: say how busy it was.
  console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')} (1 / 5 / 15 min)`);
  const wrong = honest.filter((h) => h.status !== 200);
  console.log(check({ name: 'honest look-up without a flood (baseline)', samples: baseline, stat: 'p95', limit: Number.MAX_VALUE }).line.replace(/ \(budget.*$/, ''));
  enforce(
    [{ name: 'honest look-up during the flood', samples: honest.map((h) => h.ms), stat: 'p95', limit: HONEST_P95_MS, minSamples: CITIZENS * 2 }],
    [
      wrong.length > 0 && `${wrong.length} honest look-up(s) were not answered 200: ${wrong.slice(0, 3).map((w) => w.status).join(', ')}`,
      (statuses.get(200) ?? 0) > 0 && `the flood found a dossier ${statuses.get(200)} time(s)`,
      answered > TRACK_CLIENT_LIMIT.requests && `the flood got ${answered} answers, more than its ${TRACK_CLIENT_LIMIT.requests} a minute`,
    ],
  );
}
