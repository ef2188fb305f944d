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

const money = memo((lng) => new Intl.NumberFormat(intlLocale(lng), { style: 'currency', currency: 'VND', maximumFractionDigits: 0 }));
const date = memo(
  (lng) => new Intl.DateTimeFormat(intlLocale(lng), { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Asia/Ho_Chi_Minh' }),
);

const time = memo((lng) => new Intl.DateTimeFormat(intlLocale(lng), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Asia/Ho_Chi_Minh' }));

const percent = memo((lng) => new Intl.NumberFormat(intlLocale(lng), { style: 'percent', maximumFractionDigits: 1 }));

export const formatMoney = (amount: number, lng: string): string => money(lng).format(amount);

/** A share (0…1) as a percentage: "92,5 %" in Vietnamese, "92.5%" in English. */
export const formatShare = (share: number, lng: string): string => percent(lng).format(share);

export const formatDate = (iso: string, lng: string): string => date(lng).format(new Date(iso));

/** A time of day in Vietnam, 24-hour clock: "14:05". */
export const formatTime = (at: Date, lng: string): string => time(lng).format(at);

/** File sizes as people read them: "512 KB", "3,4 MB" (decimal comma in Vietnamese). */
export const formatBytes = (bytes: number, lng = 'vi'): string => {
  const locale = intlLocale(lng);
  if (bytes < 1024 * 1024) return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.max(1, bytes / 1024))} KB`;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024))} MB`;
};
