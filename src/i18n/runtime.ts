/**
 * The part of i18next this app uses, small enough for the first bundle (i18next itself is about
 * 20 KB gzip of the ≈ 130 KB a phone downloads before the first page). vite.config.ts resolves
 * `i18next` to this file and `react-i18next` to ./react.ts, so the app keeps i18next's API and
 * its typed keys (types still come from the i18next package) while shipping this instead.
 *
 * What it does, as i18next does with this app's options: namespaces loaded through a backend
 * plugin, keys as dot paths with an optional "ns:" prefix, lookup in the language then the
 * fallback language, plurals with `count` (Intl.PluralRules: key_zero for 0 when present,
 * key_one, key_other…), `{{name}}` interpolation without escaping (React escapes), a missing key
 * returned as is, and the `languageChanged` event. Nothing else: a feature of i18next used
 * beyond that needs adding here (and a test in runtime.test.ts).
 */

type Values = Record<string, unknown>;
type Tree = { [key: string]: string | Tree };
type Listener = (...args: unknown[]) => void;

export interface BackendModule {
  type: 'backend';
  init?: (...args: unknown[]) => void;
  read: (language: string, namespace: string, callback: (error: unknown, data: Tree | null) => void) => void;
}
export interface ThirdPartyModule {
  type: '3rdParty';
  init: (instance: I18n) => void;
}

export interface InitOptions {
  lng?: string;
  fallbackLng?: string;
  supportedLngs?: string[];
  ns?: string[];
  defaultNS?: string;
  [option: string]: unknown;
}

export type TFunction = (key: string, values?: Values) => string;

const plurals = new Map<string, Intl.PluralRules>();
const pluralOf = (lng: string, count: number): string => {
  let rules = plurals.get(lng);
  if (!rules) plurals.set(lng, (rules = new Intl.PluralRules(lng)));
  return rules.select(count);
};

const interpolate = (text: string, values: Values | undefined): string =>
  values ? text.replace(/\{\{\s*([^{}\s]+)\s*\}\}/g, (match, name: string) => (values[name] === undefined ? match : String(values[name]))) : text;

export class I18n {
  isInitialized = false;
  language = '';
  resolvedLanguage: string | undefined = undefined;
  languages: string[] = [];
  options: Required<Pick<InitOptions, 'fallbackLng' | 'supportedLngs' | 'ns' | 'defaultNS'>> = {
    fallbackLng: 'dev',
    supportedLngs: [],
    ns: ['translation'],
    defaultNS: 'translation',
  };

  private backend: BackendModule | undefined;
  private readonly resources = new Map<string, Tree>();
  private readonly loading = new Map<string, Promise<void>>();
  private readonly settled = new Set<string>();
  private readonly listeners = new Map<string, Set<Listener>>();

  use(module: BackendModule | ThirdPartyModule): this {
    if (module.type === 'backend') this.backend = module;
    else module.init(this);
    return this;
  }

  async init(options: InitOptions): Promise<TFunction> {
    this.options = {
      fallbackLng: options.fallbackLng ?? this.options.fallbackLng,
      supportedLngs: options.supportedLngs ?? [],
      ns: [...(options.ns ?? this.options.ns)],
      defaultNS: options.defaultNS ?? options.ns?.[0] ?? this.options.defaultNS,
    };
    await this.changeLanguage(options.lng);
    this.isInitialized = true;
    this.emit('initialized', this.options);
    return this.t;
  }

  /** The language, then the fallback language: where a key is looked up, in order. */
  private chain(lng: string): string[] {
    return lng === this.options.fallbackLng ? [lng] : [lng, this.options.fallbackLng];
  }

  private load(lng: string, ns: string): Promise<void> {
    const id = `${lng}|${ns}`;
    let loading = this.loading.get(id);
    if (!loading) {
      const backend = this.backend;
      loading = new Promise<void>((resolve) => {
        if (!backend) return resolve();
        backend.read(lng, ns, (error, data) => {
          // As i18next: a namespace that fails to load leaves its keys missing, it does not throw.
          if (error) console.warn(`i18n: could not load ${lng}/${ns}`, error);
          else if (data) this.resources.set(id, data);
          this.settled.add(id);
          resolve();
        });
      });
      this.loading.set(id, loading);
    }
    return loading;
  }

  private loadAll(lngs: readonly string[], namespaces: readonly string[]): Promise<void> {
    return Promise.all(lngs.flatMap((lng) => namespaces.map((ns) => this.load(lng, ns)))).then(() => undefined);
  }

  loadNamespaces(ns: string | readonly string[], callback?: (error: unknown) => void): Promise<void> {
    const namespaces = typeof ns === 'string' ? [ns] : [...ns];
    for (const n of namespaces) if (!this.options.ns.includes(n)) this.options.ns.push(n);
    return this.loadAll(this.language ? this.chain(this.language) : [], namespaces).then(() => callback?.(null));
  }

  loadLanguages(lngs: string | readonly string[], callback?: (error: unknown) => void): Promise<void> {
    const languages = typeof lngs === 'string' ? [lngs] : [...lngs];
    return this.loadAll(languages, this.options.ns).then(() => callback?.(null));
  }

  /** True once the namespace has loaded (or failed to) for the language and its fallback. */
  hasLoadedNamespace(ns: string, options?: { lng?: string }): boolean {
    const lng = options?.lng ?? this.language;
    return Boolean(lng) && this.chain(lng).every((l) => this.settled.has(`${l}|${ns}`));
  }

  async changeLanguage(lng?: string): Promise<TFunction> {
    const supported = this.options.supportedLngs;
    const target = lng && (supported.length === 0 || supported.includes(lng)) ? lng : this.options.fallbackLng;
    const chain = this.chain(target);
    await this.loadAll(chain, this.options.ns);
    this.language = target;
    this.resolvedLanguage = target;
    this.languages = chain;
    this.emit('languageChanged', target);
    return this.t;
  }

  private lookup(lng: string, ns: string, key: string): string | undefined {
    let node: string | Tree | undefined = this.resources.get(`${lng}|${ns}`);
    for (const part of key.split('.')) {
      if (node === undefined || typeof node === 'string') return undefined;
      node = node[part];
    }
    return typeof node === 'string' ? node : undefined;
  }

  translate(lng: string, namespaces: readonly string[], fullKey: string, values?: Values): string {
    let key = fullKey;
    let nsList = namespaces;
    const separator = fullKey.indexOf(':');
    if (separator > 0) {
      nsList = [fullKey.slice(0, separator)];
      key = fullKey.slice(separator + 1);
    }
    const count = typeof values?.count === 'number' ? values.count : undefined;
    for (const language of this.chain(lng)) {
      const candidates = count === undefined ? [key] : [...(count === 0 ? [`${key}_zero`] : []), `${key}_${pluralOf(language, count)}`, `${key}_other`, key];
      for (const ns of nsList) {
        for (const candidate of candidates) {
          const found = this.lookup(language, ns, candidate);
          if (found !== undefined) return interpolate(found, values);
        }
      }
    }
    return key;
  }

  t: TFunction = (key, values) => this.translate(this.language, [this.options.defaultNS], key, values);

  getFixedT(lng: string | null, ns?: string | readonly string[] | null): TFunction {
    const namespaces = ns ? (typeof ns === 'string' ? [ns] : [...ns]) : [this.options.defaultNS];
    return (key, values) => this.translate(lng ?? this.language, namespaces, key, values);
  }

  on(event: string, listener: Listener): this {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener);
    return this;
  }

  off(event: string, listener: Listener): this {
    this.listeners.get(event)?.delete(listener);
    return this;
  }

  emit(event: string, ...args: unknown[]): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) listener(...args);
  }
}

const i18next = new I18n();
export default i18next;
