import { describe, expect, it, vi } from 'vitest';
import { I18n } from './runtime.ts';

const locales: Record<string, Record<string, unknown>> = {
  'vi/common': { hello: 'Xin chào {{name}}', files: { count_other: '{{count}} tệp' }, only: 'chỉ tiếng Việt' },
  'en/common': { hello: 'Hello {{name}}', files: { count_zero: 'No files', count_one: 'One file', count_other: '{{count}} files' } },
  'vi/catalogue': { title: 'Dịch vụ' },
  'en/catalogue': { title: 'Services' },
};

const make = async (lng: string) => {
  const i18n = new I18n();
  const read = vi.fn((language: string, ns: string, callback: (error: unknown, data: Record<string, unknown> | null) => void) => {
    const data = locales[`${language}/${ns}`];
    setTimeout(() => (data ? callback(null, data) : callback(new Error('none'), null)), 0);
  });
  await i18n.use({ type: 'backend', read: read as never }).init({ lng, fallbackLng: 'vi', supportedLngs: ['vi', 'en'], ns: ['common'], defaultNS: 'common' });
  return { i18n, read };
};

describe('i18n runtime (the subset of i18next the app uses)', () => {
  it('interpolates, and leaves an unknown placeholder as it is', async () => {
    const { i18n } = await make('vi');
    expect(i18n.t('hello', { name: 'Lan' })).toBe('Xin chào Lan');
    expect(i18n.t('hello')).toBe('Xin chào {{name}}');
  });

  it('picks plural forms by the language’s rules, with _zero for 0 when there is one', async () => {
    const { i18n } = await make('en');
    expect(i18n.t('files.count', { count: 0 })).toBe('No files');
    expect(i18n.t('files.count', { count: 1 })).toBe('One file');
    expect(i18n.t('files.count', { count: 3 })).toBe('3 files');
    await i18n.changeLanguage('vi');
    expect(i18n.t('files.count', { count: 1 })).toBe('1 tệp');
  });

  it('falls back to Vietnamese, then to the key itself', async () => {
    const { i18n } = await make('en');
    expect(i18n.t('only')).toBe('chỉ tiếng Việt');
    expect(i18n.t('nowhere.to.be.found')).toBe('nowhere.to.be.found');
  });

  it('loads namespaces once, reads "ns:key", and says when a namespace is ready', async () => {
    const { i18n, read } = await make('en');
    expect(i18n.hasLoadedNamespace('catalogue')).toBe(false);
    await Promise.all([i18n.loadNamespaces('catalogue'), i18n.loadNamespaces(['catalogue'])]);
    expect(i18n.hasLoadedNamespace('catalogue')).toBe(true);
    expect(read.mock.calls.filter(([, ns]) => ns === 'catalogue')).toHaveLength(2); // en and its fallback vi
    expect(i18n.t('catalogue:title')).toBe('Services');
    expect(i18n.getFixedT('vi', 'catalogue')('title')).toBe('Dịch vụ');
    expect(i18n.getFixedT(null, ['catalogue', 'common'])('hello', { name: 'Ann' })).toBe('Hello Ann');
  });

  it('changes language after the namespaces in use have loaded, then tells its listeners', async () => {
    const { i18n } = await make('vi');
    await i18n.loadNamespaces('catalogue');
    const seen: unknown[] = [];
    i18n.on('languageChanged', (lng) => seen.push([lng, i18n.getFixedT(null, 'catalogue')('title')]));
    await i18n.changeLanguage('en');
    expect(seen).toEqual([['en', 'Services']]);
    expect(i18n.resolvedLanguage).toBe('en');
    await i18n.changeLanguage('xx');
    expect(i18n.language).toBe('vi');
  });
});
