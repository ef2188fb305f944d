import i18next, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';

/**
 * Locales live in locales/<lng>/<namespace>.json and load lazily, one chunk per file. A new
 * language is a new folder: the glob below finds it without a code change.
 */
const localeFiles = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.json');

export const languages: readonly string[] = [
  ...new Set(Object.keys(localeFiles).map((path) => path.split('/')[2] as string)),
].sort((a, b) => (a === 'vi' ? -1 : b === 'vi' ? 1 : a.localeCompare(b)));

export const defaultLanguage = 'vi';
const storageKey = 'mcs.language';

/** The language the visitor chose in the preferences, if any. */
export const savedLanguage = (): string | null => {
  try {
    const saved = localStorage.getItem(storageKey);
    if (saved && languages.includes(saved)) return saved;
  } catch {
    // Storage can be blocked (privacy settings); detection still works.
  }
  return null;
};

/** The browser's first supported language, if any. */
export const browserLanguage = (): string | null => {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const primary = tag.toLowerCase().split('-')[0] ?? '';
    if (languages.includes(primary)) return primary;
  }
  return null;
};

/** The saved choice, else the browser's first supported language, else Vietnamese. */
export const detectLanguage = (): string => savedLanguage() ?? browserLanguage() ?? defaultLanguage;

/**
 * A pre-rendered page is taken over in its own language (Vietnamese), whatever the browser
 * prefers: the language a visitor who has not chosen one yet should be offered, if another.
 */
export const languageToOffer = (current: string | undefined): string | null => {
  if (savedLanguage()) return null;
  const preferred = browserLanguage();
  return preferred && preferred !== current ? preferred : null;
};

export const saveLanguage = (lng: string): void => {
  try {
    localStorage.setItem(storageKey, lng);
  } catch {
    // Not fatal: the choice lasts this visit.
  }
};

/** One locale file. Only the files the glob found can be read: no language or namespace value can reach anything else. */
const readLocale = (language: string, namespace: string): Promise<Record<string, unknown>> => {
  const load = localeFiles[`./locales/${language}/${namespace}.json`];
  return load ? load().then((m) => m.default) : Promise.reject(new Error(`No locale ${language}/${namespace}`));
};

/** i18next's backend plugin interface, as documented: `read` may return a promise (i18next calls it with two arguments when it declares two). */
const localeBackend: BackendModule = { type: 'backend', init: () => {}, read: readLocale };

/**
 * One namespace in one language, without the rest of that language: the language offer
 * (components/layout/LanguageOffer.tsx) says three words in a language the page is not in yet,
 * and loading all of that language's strings for them would cost a visitor who declines the
 * work (and, on a slow phone, a long task) for nothing.
 */
export const loadNamespaceIn = async (lng: string, ns: string): Promise<void> => {
  if (!i18next.hasResourceBundle(lng, ns)) i18next.addResourceBundle(lng, ns, await readLocale(lng, ns));
};

/** Strings no first render needs (see fallbackNS below); components that show them ask for it. */
export const laterNamespace = 'problems';

/** Loads what the first render did not need, once the page is on screen. */
export const loadLaterNamespaces = (): Promise<void> => i18next.loadNamespaces(laterNamespace);

/**
 * Only when it changes: writing `lang`, even the same value, makes the browser work the whole
 * page's style out again (a pre-rendered page already says its language).
 */
const setPageLanguage = (lng: string): void => {
  if (document.documentElement.lang !== lng) document.documentElement.lang = lng;
};

/** `ns`: namespaces the first render needs besides `common` (a pre-rendered page says which). */
export const initI18n = async (lng = detectLanguage(), ns: readonly string[] = []): Promise<typeof i18next> => {
  i18next.on('languageChanged', setPageLanguage);
  await i18next
    .use(initReactI18next)
    .use(localeBackend)
    .init({
      lng,
      fallbackLng: defaultLanguage,
      supportedLngs: [...languages],
      ns: ['common', ...ns],
      defaultNS: 'common',
      // What the server can answer (errors.server, errors.conflict…): not needed to show a page,
      // so not in `common`, which every first page downloads. Found under the same keys once
      // loaded: after the first paint (loadLaterNamespaces), and before any error panel shows.
      fallbackNS: laterNamespace,
      interpolation: { escapeValue: false }, // React escapes.
      react: { useSuspense: true },
      returnNull: false,
    });
  setPageLanguage(i18next.language);
  return i18next;
};
