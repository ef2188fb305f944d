// @vitest-environment node
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every relative link in README.md and docs/ leads to a file or folder that exists. */
const ROOT = join(import.meta.dirname, '..');

const markdown = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return markdown(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });

const files = [join(ROOT, 'README.md'), ...markdown(join(ROOT, 'docs'))];

/** Link targets outside code: fenced blocks and inline code are not links. */
const linkTargets = (text: string): string[] => {
  const prose = text.replace(/^(```|~~~)[\s\S]*?^\1/gm, '').replace(/`[^`\n]*`/g, '');
  const targets: string[] = [];
  for (const match of prose.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) targets.push(match[1] ?? '');
  for (const match of prose.matchAll(/^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/gm)) targets.push(match[1] ?? '');
  return targets;
};

const isRelative = (target: string) => target !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('#') && !target.startsWith('//');

describe('documentation links', () => {
  it('finds the docs', () => {
    expect(files.map((f) => relative(ROOT, f))).toContain('docs/README.md');
  });

  it('reads inline and reference links, not code', () => {
    expect(linkTargets('[a](x.md) [b](y.md "t") ![i](img.png)\n[r]: ref.md\n`[c](code.md)`\n```\n[d](block.md)\n```\n')).toEqual(['x.md', 'y.md', 'img.png', 'ref.md']);
  });

  for (const file of files) {
    it(`${relative(ROOT, file)}: relative links lead to files in the repository`, () => {
      const broken = linkTargets(readFileSync(file, 'utf8'))
        .filter(isRelative)
        .map((target) => decodeURIComponent(target.split('#')[0]?.split('?')[0] ?? ''))
        .filter((path) => path !== '')
        .filter((path) => {
          const resolved = path.startsWith('/') ? join(ROOT, path) : join(dirname(file), path);
          return !existsSync(resolved) || relative(ROOT, resolved).startsWith('..');
        });
      expect(broken).toEqual([]);
    });
  }
});
