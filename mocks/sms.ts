import { randomBytes } from 'node:crypto';

/**
 * The simulated SMS gateway: every text the backend sends lands here, where tests and the demo
 * read it (GET /api/__mock/sms). A real deployment hands these to the operator's gateway.
 */
export type SmsKind = 'consent-code' | 'receipt' | 'status';

export interface Sms {
  id: string;
  to: string;
  kind: SmsKind;
  text: string;
  at: string;
}

let outbox: Sms[] = [];

export const resetSms = (): void => {
  outbox = [];
};

const digits = (phone: string) => phone.replace(/\D/g, '');

export const sendSms = (to: string, kind: SmsKind, text: string, now = new Date()): Sms => {
  const sms: Sms = { id: `sms-${randomBytes(6).toString('hex')}`, to: digits(to), kind, text, at: now.toISOString() };
  outbox.push(sms);
  return sms;
};

/** Every text sent, oldest first; to one number when `to` is given. */
export const sentSms = (to?: string | null): Sms[] => (to ? outbox.filter((s) => s.to === digits(to)) : [...outbox]);
