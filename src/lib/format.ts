/** Formatting that follows the UI language: dd/MM/yyyy and đồng for Vietnamese. */
const locales: Record<string, string> = { vi: 'vi-VN', en: 'en-GB' };

export const intlLocale = (lng: string): string => locales[lng] ?? lng;

// Intl formatters are costly to build (a list of procedures formats dozens of amounts): one per language.
const memo = <T,>(make: (lng: string) => T) => {
  const cache = new Map<string, T>();
  return (lng: string): T => {
    let value = cache.get(lng);
    if (value === undefined) {
      value = make(lng);
      cache.set(lng, value);
    }
    return value;
  };
};

/**
 * Strings a pre-rendered page was rendered with, by what was formatted ("money|vi|30000"): the
 * build records them (`recordFormatted`, src/prerender.tsx), the page carries them and the app
 * keeps them before taking the page over (`keepFormatted`, main.tsx). Hydration then builds no
 * Intl formatter: the first one a Chromium process builds costs 20–30 ms, 120 ms on a 4× slower
 * phone, which would be one long task while the citizen is already reading the page
 * (docs/architecture/decisions.md, 3c). It also makes the hydrated text exactly the HTML's,
 * whatever ICU version the browser has. A formatted string depends only on what is formatted,
 * so keeping it for the visit is safe.
 */
const kept = new Map<string, string>();
let recording: Map<string, string> | undefined;

const keptOr = (key: string, format: () => string): string => {
  const value = kept.get(key) ?? format();
  recording?.set(key, value);
  return value;
};

export const keepFormatted = (entries: Readonly<Record<string, string>> | undefined): void => {
  for (const [key, value] of Object.entries(entries ?? {})) if (typeof value === 'string') kept.set(key, value);
};

/** Runs `render` and returns, beside its result, every string it formatted. */
export const recordFormatted = <T,>(render: () => T): [T, Record<string, string>] => {
  const previous = recording;
  const seen = new Map<string, string>();
  recording = seen;
  try {
    return [render(), Object.fromEntries(seen)];
  } finally {
    recording = previous;
  }
};

/** A formatter whose results a pre-rendered page can carry (see `kept` above). */
export const keptFormat =
  <V extends number | string>(kind: string, format: (value: V, lng: string) => string) =>
  (value: V, lng: string): string =>
    keptOr(`${kind}|${lng}|${value}`, () => format(value, lng));

const money = memo((lng) => new Intl.NumberFormat(intlLocale(lng), { style: 'currency', currency: 'VND', maximumFractionDigits: 0 }));
const date = memo(
  (lng) => new Intl.DateTimeFormat(intlLocale(lng), { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Asia/Ho_Chi_Minh' }),
);

const time = memo((lng) => new Intl.DateTimeFormat(intlLocale(lng), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Asia/Ho_Chi_Minh' }));

const percent = memo((lng) => new Intl.NumberFormat(intlLocale(lng), { style: 'percent', maximumFractionDigits: 1 }));

export const formatMoney = keptFormat<number>('money', (amount, lng) => money(lng).format(amount));

/** A share (0…1) as a percentage: "92,5 %" in Vietnamese, "92.5%" in English. */
export const formatShare = keptFormat<number>('share', (share, lng) => percent(lng).format(share));

export const formatDate = keptFormat<string>('date', (iso, lng) => date(lng).format(new Date(iso)));

/** A time of day in Vietnam, 24-hour clock: "14:05". */
export const formatTime = (at: Date, lng: string): string => time(lng).format(at);

/** File sizes as people read them: "512 KB", "3,4 MB" (decimal comma in Vietnamese). */
export const formatBytes = (bytes: number, lng = 'vi'): string => {
  const locale = intlLocale(lng);
  if (bytes < 1024 * 1024) return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.max(1, bytes / 1024))} KB`;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024))} MB`;
};
