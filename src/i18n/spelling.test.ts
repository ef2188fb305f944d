import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * One spelling style for what the app says in Vietnamese: the tone mark on the main vowel of
 * "oa/oe/uy" as current textbooks write it (xoá, huỷ, hoà, thuỷ, khoẻ), and "đã mất" rather
 * than the blunt "đã chết". Proper names from official data (communes, procedure titles) keep
 * their published spelling and are not checked here.
 */
const OLD_STYLE = /\b(?:[Xx]óa|[Xx]òa|[Hh]ủy|[Hh]òa|[Hh]óa|[Tt]hủy|[Kk]hỏe|[Ll]òa|[Tt]òa)\b|đã chết/u;

const localeFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? localeFiles(join(dir, e.name)) : e.name.endsWith('.json') ? [join(dir, e.name)] : []));

const strings = (value: unknown, key = ''): [string, string][] =>
  typeof value === 'string' ? [[key, value]] : Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => strings(v, key ? `${key}.${k}` : k));

describe('Vietnamese spelling style', () => {
  it.each(localeFiles(join(import.meta.dirname, 'locales', 'vi')))('%s keeps to one style', (file) => {
    const offending = strings(JSON.parse(readFileSync(file, 'utf8'))).filter(([, text]) => OLD_STYLE.test(text));
    expect(offending).toEqual([]);
  });

  it('catches the old style', () => {
    expect(OLD_STYLE.test('Xóa bản nháp')).toBe(true);
    expect(OLD_STYLE.test('Xoá bản nháp')).toBe(false);
  });
});
