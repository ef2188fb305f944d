// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { CheckFailed, exitCodeOf, expect as check, once, runChecks } from './conformance-runner.ts';

const run = async (checks: Parameters<typeof runChecks<null>>[0]) => {
  const lines: string[] = [];
  const report = await runChecks(checks, null, (line) => lines.push(line));
  return { report, lines };
};

describe('the conformance runner', () => {
  it('reports each check by name and ends with "N passed, N failed"; all passing exits 0', async () => {
    const { report, lines } = await run([
      { name: 'first', run: () => undefined },
      { name: 'second', run: async () => undefined },
    ]);
    expect(lines).toEqual(['  ok    first', '  ok    second', '2 passed, 0 failed']);
    expect(exitCodeOf(report)).toBe(0);
  });

  it('fails a check that throws, with its message, goes on with the rest, and exits non-zero', async () => {
    const { report, lines } = await run([
      { name: 'drifts', run: () => check(false, 'GET /catalogue answered 200 with a body that drifts') },
      { name: 'crashes', run: () => Promise.reject(new TypeError('boom')) },
      { name: 'holds', run: () => undefined },
    ]);
    expect(report).toMatchObject({ passed: 1, failed: 2 });
    expect(lines).toContain('  FAIL  drifts');
    expect(lines).toContain('        GET /catalogue answered 200 with a body that drifts');
    expect(lines).toContain('        TypeError: boom');
    expect(lines.at(-1)).toBe('1 passed, 2 failed');
    expect(exitCodeOf(report)).toBe(1);
  });

  it('does not pass a run in which no check ran', async () => {
    const { report, lines } = await run([]);
    expect(lines).toEqual(['0 passed, 0 failed']);
    expect(exitCodeOf(report)).toBe(1);
  });

  it('runs a shared step once, and fails each check that needs it when it fails, naming it', async () => {
    let calls = 0;
    const signIn = once('signing in', () => {
      calls++;
      return Promise.reject(new CheckFailed('no token'));
    });
    const { report, lines } = await run([
      { name: 'a', run: async () => void (await signIn()) },
      { name: 'b', run: async () => void (await signIn()) },
    ]);
    expect(calls).toBe(1);
    expect(report.failed).toBe(2);
    expect(lines.filter((l) => l.includes('needs "signing in", which failed: no token'))).toHaveLength(2);
  });
});

describe('npm run conformance', () => {
  const node = (args: string[]) => spawnSync(process.execPath, ['scripts/conformance.ts', ...args], { encoding: 'utf8', timeout: 60_000 });

  it('exits non-zero with "0 passed, N failed" last when the backend does not answer', async () => {
    // A port that was free a moment ago: nothing answers there.
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
      });
    });
    const result = node(['--base-url', `http://127.0.0.1:${port}/api`, '--token', 'a', '--other-token', 'b']);
    expect(result.status).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines.at(-1)).toMatch(/^0 passed, [1-9]\d* failed$/);
    expect(result.stdout).toContain('FAIL  GET /catalogue parses');
    expect(result.stdout).toContain('no answer');
  });

  it('explains its usage and exits 2 without a base URL', () => {
    const result = node([]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--base-url');
  });
});
