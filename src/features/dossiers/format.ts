import type { Dossier } from '../../api/dossiers/schema.ts';
import type { FormNotice } from '../../api/forms/schema.ts';
import { formatDate, intlLocale } from '../../lib/format.ts';

const timeFormats = new Map<string, Intl.DateTimeFormat>();
const timeFormat = (lng: string): Intl.DateTimeFormat => {
  let format = timeFormats.get(lng);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(lng), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Asia/Ho_Chi_Minh' });
    timeFormats.set(lng, format);
  }
  return format;
};

/** "14:05 12/11/2026": the time first, as Vietnamese notices write it; Vietnam's time zone. */
export const formatDateTime = (iso: string, lng: string): string => `${timeFormat(lng).format(new Date(iso))} ${formatDate(iso, lng)}`;

/** The backend's late-registration flag on a dossier, if it set one (docs/domain/civil-status.md). */
export const lateNotice = (d: Pick<Dossier, 'notices'>): FormNotice | undefined => d.notices?.find((n) => n.code === 'late');
