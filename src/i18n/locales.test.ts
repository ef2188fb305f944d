import { describe, expect, it } from 'vitest';

// Every language must say everything the source (Vietnamese) says: a missing key would show the
// citizen a raw key. Plural forms differ per language, so suffixes are compared without them.
const files = import.meta.glob<Record<string, unknown>>('./locales/*/*.json', { eager: true, import: 'default' });

const keys = (value: unknown, prefix = ''): string[] =>
  value && typeof value === 'object'
    ? Object.entries(value).flatMap(([k, v]) => keys(v, `${prefix}${k}.`))
    : [prefix.slice(0, -1).replace(/_(zero|one|two|few|many|other)$/, '')];

const byLanguage = new Map<string, Map<string, Set<string>>>();
for (const [path, content] of Object.entries(files)) {
  const [, , lng = '', file = ''] = path.split('/');
  const ns = file.replace(/\.json$/, '');
  if (!byLanguage.has(lng)) byLanguage.set(lng, new Map());
  byLanguage.get(lng)?.set(ns, new Set(keys(content)));
}

describe('locales', () => {
  const source = byLanguage.get('vi');
  it('has the Vietnamese source', () => {
    expect(source?.size).toBeGreaterThan(0);
  });
  for (const [lng, namespaces] of byLanguage) {
    if (lng === 'vi') continue;
    it(`${lng} has every namespace and key of vi, and no stray ones`, () => {
      expect([...namespaces.keys()].sort()).toEqual([...(source?.keys() ?? [])].sort());
      for (const [ns, sourceKeys] of source ?? []) {
        expect([...(namespaces.get(ns) ?? [])].sort(), `${lng}/${ns}`).toEqual([...sourceKeys].sort());
      }
    });
  }
});
