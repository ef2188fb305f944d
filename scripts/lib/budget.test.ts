import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUDGET_KB, judge, measure, scriptRefs } from './budget.ts';

const dirs: string[] = [];
/** A built site in a temporary directory: path → contents. */
const site = async (files: Record<string, string>) => {
  const dist = await mkdtemp(join(tmpdir(), 'budget-test-'));
  dirs.push(dist);
  for (const [path, contents] of Object.entries(files)) {
    await mkdir(dirname(join(dist, path)), { recursive: true });
    await writeFile(join(dist, path), contents);
  }
  return dist;
};
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** Incompressible JavaScript of about `kb` KB gzipped. */
const js = (kb: number, seed = 1) => {
  let s = seed;
  let out = 'export const x = "';
  while (out.length < kb * 1024 * 1.35) {
    s = (s * 1664525 + 1013904223) >>> 0;
    out += String.fromCharCode(33 + (s % 90)).replace(/["\\]/, 'a');
  }
  return `${out}";\n`;
};

const shell = (body = '') => `<!doctype html><html><head>
  <script type="module" crossorigin src="/assets/index.js"></script>
  <link rel="modulepreload" crossorigin href="/assets/framework.js">
  <link rel="modulepreload" crossorigin href="/assets/common-vi.js">
  <link rel="stylesheet" href="/assets/index.css">
  </head><body>${body}</body></html>`;

const smallSite = {
  'shell.html': shell(),
  'index.html': '<!doctype html><html><head><script src="/boot.js" defer data-entry="/assets/index.js" data-preload="/assets/framework.js /assets/common-vi.js"></script></head><body><main>Trang chủ</main></body></html>',
  'services.html': shell('<main>Thủ tục</main>'),
  'services/1.001193.html': shell('<main>Khai sinh</main>'),
  'stats/agencies/commune-pc.html': shell('<main>Thống kê</main>'),
  'boot.js': js(0.5, 9),
  'assets/index.js': js(10, 2),
  'assets/framework.js': js(40, 3),
  'assets/query.js': js(5, 4),
  'assets/common-vi.js': js(2, 5),
  'assets/lazy-route.js': js(200, 6),
  'assets/index.css': 'body{}',
  '.vite/manifest.json': JSON.stringify({
    'index.html': { file: 'assets/index.js', isEntry: true, imports: ['_framework', '_query'], dynamicImports: ['src/route.tsx'] },
    _framework: { file: 'assets/framework.js' },
    _query: { file: 'assets/query.js' },
    'src/route.tsx': { file: 'assets/lazy-route.js', imports: ['_framework'] },
  }),
};

describe('scriptRefs', () => {
  it('reads scripts, module preloads and the boot script’s entry and preloads with an HTML parser (not the route’s code)', () => {
    const refs = scriptRefs(`<html><head>
      <!-- <script src="/commented-out.js"></script> -->
      <script src='/a.js' type=module></script>
      <LINK REL="modulepreload" HREF="/b.js">
      <link rel="preload" as="script" href="/c.js">
      <link rel="preload" as="style" href="/d.css">
      <script type="application/json">{"not": "script"}</script>
      <script>console.log('inline')</script>
      <script src="/boot.js" data-react="/r.js" data-early="/router.js /i18n.js" data-entry="/e.js" data-preload=" /f.js  /g.js " data-route="/route.js"></script>
      </head></html>`);
    expect(refs.map((r) => `${r.kind} ${r.url}`)).toEqual([
      'script /a.js',
      'modulepreload /b.js',
      'modulepreload /c.js',
      'inline inline #1',
      'script /boot.js',
      'boot-entry /r.js',
      'boot-entry /router.js',
      'boot-entry /i18n.js',
      'boot-entry /e.js',
      'boot-preload /f.js',
      'boot-preload /g.js',
    ]);
  });
});

describe('the initial-JavaScript budget', () => {
  it('passes a small site, counting every page, the locale preloads and the entry’s static imports, never a lazy route', async () => {
    const reports = await measure(await site(smallSite));
    expect(reports.map((r) => r.page)).toEqual(['shell.html', 'index.html', 'services.html', 'services/1.001193.html', 'stats/agencies/commune-pc.html']);
    const shellReport = reports.find((r) => r.page === 'shell.html');
    expect(shellReport?.files.map((f) => f.file).sort()).toEqual(['assets/common-vi.js', 'assets/framework.js', 'assets/index.js', 'assets/query.js']);
    expect(reports.find((r) => r.page === 'index.html')?.files.map((f) => f.file)).toContain('boot.js');
    const verdict = judge(reports);
    expect(verdict.failures).toEqual([]);
    expect(verdict.worst?.page).toBe('index.html');
    expect(verdict.worst?.totalKb).toBeGreaterThan(50);
    expect(verdict.worst?.totalKb).toBeLessThan(70);
  });

  it('fails over budget, on the worst page', async () => {
    const verdict = judge(await measure(await site({ ...smallSite, 'services/1.001193.html': shell('<script src="/assets/lazy-route.js" type="module"></script>') })));
    expect(verdict.worst?.page).toBe('services/1.001193.html');
    expect(verdict.failures.join('\n')).toMatch(new RegExp(`services/1\\.001193\\.html: .* over the ${BUDGET_KB} KB budget`));
  });

  it('fails when there is no page at all (nothing built)', async () => {
    const verdict = judge(await measure(await site({ 'assets/index.js': js(1) })));
    expect(verdict.failures.join('\n')).toMatch(/no page found/);
  });

  it('fails when the shell is missing', async () => {
    const { 'shell.html': _, ...rest } = smallSite;
    expect(judge(await measure(await site(rest))).failures.join('\n')).toMatch(/shell\.html is missing/);
  });

  it('fails on a page with no script', async () => {
    const verdict = judge(await measure(await site({ ...smallSite, 'services.html': '<!doctype html><html><head></head><body>Thủ tục</body></html>' })));
    expect(verdict.failures).toEqual([expect.stringMatching(/^services\.html: no script counted/)]);
  });

  it('fails on a script it cannot find or measure', async () => {
    const verdict = judge(
      await measure(await site({ ...smallSite, 'services.html': shell('<script src="/assets/gone.js"></script><script src="https://cdn.example/x.js"></script>') })),
    );
    expect(verdict.failures.join('\n')).toMatch(/assets\/gone\.js: not in/);
    expect(verdict.failures.join('\n')).toMatch(/another origin/);
  });
});
