/** Formatting that follows the UI language: dd/MM/yyyy and đồng for Vietnamese. */
const locales: Record<string, string> = { vi: 'vi-VN', en: 'en-GB' };

export const intlLocale = (lng: string): string => locales[lng] ?? lng;

export const formatMoney = (amount: number, lng: string): string =>
  new Intl.NumberFormat(intlLocale(lng), { style: 'currency', currency: 'VND', maximumFractionDigits: 0 }).format(amount);

export const formatDate = (iso: string, lng: string): string =>
  new Intl.DateTimeFormat(intlLocale(lng), { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Asia/Ho_Chi_Minh' }).format(
    new Date(iso),
  );
