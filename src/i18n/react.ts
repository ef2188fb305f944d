import { useEffect, useMemo, useReducer } from 'react';
import type { I18n, TFunction, ThirdPartyModule } from './runtime.ts';

/**
 * react-i18next's `useTranslation` over ./runtime.ts (vite.config.ts resolves `react-i18next`
 * here): `t` for the namespaces asked for (the first is the default, the others are searched
 * after it), the instance, and a new `t` when the language changes. A namespace not loaded yet
 * suspends the component until it is, as react-i18next does with `useSuspense`.
 */
let instance: I18n | undefined;

export const initReactI18next: ThirdPartyModule = {
  type: '3rdParty',
  init: (i18n) => {
    instance = i18n;
  },
};

export const useTranslation = (ns?: string | readonly string[]): { t: TFunction; i18n: I18n; ready: true } => {
  const i18n = instance;
  if (!i18n) throw new Error('useTranslation before initI18n: the app starts i18n first');
  const namespaces = ns === undefined ? [i18n.options.defaultNS] : typeof ns === 'string' ? [ns] : [...ns];
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    const onChange = () => rerender();
    i18n.on('languageChanged', onChange);
    return () => {
      i18n.off('languageChanged', onChange);
    };
  }, [i18n]);
  const missing = namespaces.filter((n) => !i18n.hasLoadedNamespace(n));
  if (missing.length > 0) throw i18n.loadNamespaces(missing);
  const key = namespaces.join(' ');
  const language = i18n.language;
  const t = useMemo(() => i18n.getFixedT(language, key.split(' ')), [i18n, language, key]);
  return { t, i18n, ready: true };
};
