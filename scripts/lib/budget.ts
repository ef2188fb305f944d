/**
 * Initial-JavaScript budget, page by page: what a page makes the browser fetch as script before
 * the app's first render — every `<script src>`, every `<link rel="modulepreload">`, React's file,
 * the framework files, the entry and preloads a pre-rendered page's loader asks for (`data-react`,
 * `data-early`, `data-entry`, `data-preload`: src/app/paint-first.ts), inline scripts, and the
 * static imports of all of these (the build manifest) — gzipped. Not the page's route code
 * (`data-route`: the loader asks for it early, but it is the route's, which shell.html
 * gets through the router's lazy import; the README gives both figures).
 *
 * Pages: `shell.html` (what the service worker serves on every repeat visit and offline) and every
 * pre-rendered page (every other `.html` in the build: `index.html`, `services…`, `stats…`). The worst page is held to
 * the budget. Counting nothing is a failure, not a pass: no shell, or a page with no script.
 */
import { readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The gate: the target, 130 KB. The worst page measured 132.3 KB on 2/12/2026 (the gate then sat
 * at 133 KB, a recorded gap); React Query out of the first render (docs/architecture/decisions.md,
 * 3b) brought it to 125.3 KB, which leaves room for lazy routes' entries in the entry's maps. The
 * framework chunk (React DOM, React Router, i18next, react-i18next) is ≈ 114 KB of it: the aim,
 * 110 KB, is not reachable with the decided stack as it is (decisions, 3a).
 */
export const TARGET_KB = 130;
export const BUDGET_KB = TARGET_KB;
export const AIM_KB = 110;

// jsdom ships no types; one constructor is not worth @types/jsdom.
type Dom = { window: { document: Document; close: () => void } };
const { JSDOM } = (await import('jsdom' as string)) as { JSDOM: new (html: string) => Dom };

export type RefKind = 'script' | 'modulepreload' | 'boot-entry' | 'boot-preload' | 'inline' | 'static-import';

export interface ScriptRef {
  kind: RefKind;
  /** URL as written in the page (resolved against the page for files), or `inline #n`. */
  url: string;
  /** Inline script text. */
  text?: string;
}

/** Scripts a page asks for before the app renders, read with a real HTML parser. */
export const scriptRefs = (html: string): ScriptRef[] => {
  const dom = new JSDOM(html);
  try {
    const doc = dom.window.document;
    const refs: ScriptRef[] = [];
    let inline = 0;
    for (const el of doc.querySelectorAll('script, link')) {
      if (el.localName === 'link') {
        const rel = (el.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
        const href = el.getAttribute('href');
        // `preload as=script` fetches a script just as eagerly as `modulepreload`.
        if (href && (rel.includes('modulepreload') || (rel.includes('preload') && el.getAttribute('as') === 'script'))) refs.push({ kind: 'modulepreload', url: href });
        continue;
      }
      const type = (el.getAttribute('type') ?? '').toLowerCase();
      // Data blocks (JSON, import maps…) are not executed script.
      if (type && !['module', 'text/javascript', 'application/javascript'].includes(type)) continue;
      const src = el.getAttribute('src');
      if (src) refs.push({ kind: 'script', url: src });
      else if ((el.textContent ?? '').trim()) refs.push({ kind: 'inline', url: `inline #${++inline}`, text: el.textContent ?? '' });
      // src/app/paint-first.ts: a pre-rendered page's loader names React's file, the other
      // framework files, the app's entry and preloads.
      for (const name of ['data-react', 'data-early', 'data-entry']) {
        for (const url of (el.getAttribute(name) ?? '').split(/\s+/).filter(Boolean)) refs.push({ kind: 'boot-entry', url });
      }
      for (const url of (el.getAttribute('data-preload') ?? '').split(/\s+/).filter(Boolean)) refs.push({ kind: 'boot-preload', url });
    }
    return refs;
  } finally {
    dom.window.close();
  }
};

/**
 * The pages to measure, relative to `dist`: the shell, then every pre-rendered page (every other
 * `.html` the build wrote: `index.html`, `services/…`, `stats/…`, whatever is pre-rendered next).
 */
export const listPages = async (dist: string): Promise<string[]> => {
  const html = (await readdir(dist, { recursive: true }))
    .map((f) => f.split('\\').join('/'))
    .filter((f) => f.endsWith('.html') && f !== 'shell.html' && !f.startsWith('.'))
    .sort((a, b) => Number(b === 'index.html') - Number(a === 'index.html') || a.localeCompare(b));
  return [...(existsSync(join(dist, 'shell.html')) ? ['shell.html'] : []), ...html];
};

interface ManifestChunk {
  file: string;
  imports?: string[];
}

export interface FileCount {
  /** Path in dist (`assets/x.js`) or `page.html inline #1`. */
  file: string;
  kinds: RefKind[];
  gzipKb: number;
}

export interface PageReport {
  page: string;
  files: FileCount[];
  totalKb: number;
  /** What could not be counted (a missing file, another origin). */
  problems: string[];
}

const gzipKb = (bytes: Buffer | string) => gzipSync(bytes, { level: 9 }).length / 1024;

/** Measures every page of a built site. */
export const measure = async (dist: string): Promise<PageReport[]> => {
  const manifestPath = join(dist, '.vite', 'manifest.json');
  const manifest = existsSync(manifestPath) ? (JSON.parse(await readFile(manifestPath, 'utf8')) as Record<string, ManifestChunk>) : {};
  const byFile = new Map(Object.values(manifest).map((chunk) => [chunk.file, chunk]));
  const sizes = new Map<string, number | null>();
  const sizeOf = async (file: string) => {
    if (!sizes.has(file)) sizes.set(file, existsSync(join(dist, file)) ? gzipKb(await readFile(join(dist, file))) : null);
    return sizes.get(file) ?? null;
  };

  const reports: PageReport[] = [];
  for (const page of await listPages(dist)) {
    const files = new Map<string, FileCount>();
    const problems: string[] = [];
    const add = (file: string, kind: RefKind, kb: number) => {
      const known = files.get(file);
      if (known) {
        if (!known.kinds.includes(kind)) known.kinds.push(kind);
      } else files.set(file, { file, kinds: [kind], gzipKb: kb });
    };
    const queue: { file: string; kind: RefKind }[] = [];
    for (const ref of scriptRefs(await readFile(join(dist, page), 'utf8'))) {
      if (ref.kind === 'inline') {
        add(`${page} ${ref.url}`, 'inline', gzipKb(ref.text ?? ''));
        continue;
      }
      const url = new URL(ref.url, `http://site.invalid/${page}`);
      if (url.origin !== 'http://site.invalid') {
        problems.push(`${ref.url}: a script from another origin cannot be measured`);
        continue;
      }
      queue.push({ file: decodeURIComponent(url.pathname).replace(/^\/+/, ''), kind: ref.kind });
    }
    // Static imports run before the module that imports them: they count wherever they are listed.
    while (queue.length > 0) {
      const { file, kind } = queue.shift() as { file: string; kind: RefKind };
      const seen = files.has(file);
      const kb = await sizeOf(file);
      if (kb === null) {
        if (!problems.some((p) => p.startsWith(`${file}:`))) problems.push(`${file}: not in ${dist}`);
        continue;
      }
      add(file, kind, kb);
      if (seen) continue;
      for (const key of byFile.get(file)?.imports ?? []) {
        const dep = manifest[key]?.file;
        if (dep) queue.push({ file: dep, kind: 'static-import' });
      }
    }
    const list = [...files.values()];
    reports.push({ page, files: list, totalKb: list.reduce((n, f) => n + f.gzipKb, 0), problems });
  }
  return reports;
};

export interface Verdict {
  worst: PageReport | undefined;
  failures: string[];
  /** Over the aim but within the budget. */
  warnings: string[];
}

/** The gate: every page counted something and could count everything; the worst page is within budget. */
export const judge = (reports: readonly PageReport[], { budgetKb = BUDGET_KB, aimKb = AIM_KB } = {}): Verdict => {
  const failures: string[] = [];
  const warnings: string[] = [];
  if (reports.length === 0) failures.push('no page found (expected shell.html and the pre-rendered pages): run `npm run build` first');
  else if (!reports.some((r) => r.page === 'shell.html')) failures.push('shell.html is missing: the service worker serves it on every repeat visit');
  for (const r of reports) {
    if (r.files.length === 0) failures.push(`${r.page}: no script counted — a page that loads no app code is not what was built`);
    for (const problem of r.problems) failures.push(`${r.page}: ${problem}`);
    if (!Number.isFinite(r.totalKb)) failures.push(`${r.page}: total ${r.totalKb} is not a number`);
  }
  const worst = reports.reduce<PageReport | undefined>((w, r) => (!w || r.totalKb > w.totalKb ? r : w), undefined);
  if (worst && worst.totalKb > budgetKb) failures.push(`${worst.page}: ${worst.totalKb.toFixed(1)} KB gzip of JavaScript before first render, over the ${budgetKb} KB budget by ${(worst.totalKb - budgetKb).toFixed(1)} KB`);
  else if (worst && worst.totalKb > aimKb) warnings.push(`${worst.page}: ${worst.totalKb.toFixed(1)} KB, above the ${aimKb} KB aim: look for something to make lazy.`);
  return { worst, failures, warnings };
};

/** One line per group of pages that load the same files, the worst page's files in full. */
export const format = (reports: readonly PageReport[], verdict: Verdict, { budgetKb = BUDGET_KB, aimKb = AIM_KB } = {}): string => {
  const lines: string[] = [];
  const groups = new Map<string, PageReport[]>();
  for (const r of reports) {
    const key = r.files.map((f) => f.file).sort().join(' ');
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  lines.push('Page(s)                                   JS gzip   files');
  for (const group of groups.values()) {
    const first = group[0] as PageReport;
    const name = group.length === 1 ? first.page : `${first.page} and ${group.length - 1} more with the same scripts`;
    lines.push(`  ${name.padEnd(40)} ${first.totalKb.toFixed(1).padStart(6)} KB  ${first.files.length}`);
  }
  if (verdict.worst) {
    lines.push(`Worst page: ${verdict.worst.page}`);
    for (const f of [...verdict.worst.files].sort((a, b) => b.gzipKb - a.gzipKb)) lines.push(`  ${f.file.padEnd(44)} ${f.gzipKb.toFixed(1).padStart(6)} KB  ${f.kinds.join(', ')}`);
    lines.push(`Initial JS (worst page): ${verdict.worst.totalKb.toFixed(1)} KB gzip (budget ${budgetKb} KB, aim ${aimKb} KB)`);
  }
  return lines.join('\n');
};
