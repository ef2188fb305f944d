// @vitest-environment node
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Everything a maintainer needs lives in this repository (docs/). No file may send the reader
 * to notes kept outside it: a sibling "shared" folder, or the planning notes that preceded the
 * docs. The patterns are assembled from pieces so that this file does not match itself.
 */
const ROOT = join(import.meta.dirname, '..');
const DIRS = ['src', 'mocks', 'e2e', 'scripts', 'public', 'docs', '.ci'];
const TEXT = new Set(['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.md', '.html', '.css', '.svg', '.webmanifest', '.txt', '']);
const SKIP = new Set(['node_modules', 'dist', 'dev-dist', 'test-results', 'playwright-report', '.lighthouse']);

const notes = ['style', 'platform', 'domain', 'product'].join('|');
const OUTSIDE = [
  new RegExp(`\\b(?:${notes})\\.md\\b`),
  new RegExp(['\\.\\.', 'shared'].join('/')),
  new RegExp(['', 'work', '(?:shared|main|wt)', ''].join('/')),
];

const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIP.has(entry.name)) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return walk(path);
    return TEXT.has(extname(entry.name)) ? [path] : [];
  });

const rootFiles = readdirSync(ROOT).filter(
  (name) => statSync(join(ROOT, name)).isFile() && (name === 'README.md' || /\.(ts|js|mjs|cjs|json|html)$/.test(name)) && name !== 'package-lock.json',
);

const files = [...rootFiles.map((name) => join(ROOT, name)), ...DIRS.flatMap((dir) => walk(join(ROOT, dir)))];

describe('references', () => {
  it('scans the sources, tests, scripts, docs and configuration', () => {
    const scanned = files.map((f) => relative(ROOT, f));
    for (const expected of ['README.md', 'vite.config.ts', 'eslint.config.js', 'src/pwa/sw.ts', 'docs/README.md', 'scripts/no-outside-refs.test.ts']) {
      expect(scanned).toContain(expected);
    }
  });

  it('never point outside the repository', () => {
    const found: string[] = [];
    for (const file of files) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (OUTSIDE.some((pattern) => pattern.test(line))) found.push(`${relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });

  it('would catch the kinds of reference it forbids', () => {
    // Joined at run time, for the reason above.
    const samples = [['see platform', '.md'], ['..', '/shared/brief'], ['/work', '/shared/data']].map((parts) => parts.join(''));
    for (const sample of samples) expect(OUTSIDE.some((pattern) => pattern.test(sample)), sample).toBe(true);
    expect(OUTSIDE.some((pattern) => pattern.test('docs/domain/id-numbers.md'))).toBe(false);
  });
});
