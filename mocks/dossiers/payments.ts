import { randomBytes } from 'node:crypto';
import type { LocalisedText, Payment } from '../../src/api/dossiers/schema.ts';
import { vietnamDate } from '../working-days.ts';
import {
  done,
  fail,
  isFinal,
  latestPayment,
  NOT_FOUND,
  ownDossier,
  paymentStatusOf,
  randomId,
  remember,
  replayed,
  state,
  type Outcome,
  type PaymentRecord,
} from './state.ts';

/** Payments: a VietQR for banking apps, or the simulated gateway's card page. */

const PAID: LocalisedText = { vi: 'Đã thanh toán phí, lệ phí', en: 'Fees paid' };

export const PAYMENT_TTL_MS = 15 * 60 * 1000;
/** VietinBank's BIN in the NAPAS 247 directory. */
const TREASURY_BIN = '970415';
/** Made up: stands for the State Treasury's fee collection account; not a real account. */
const TREASURY_ACCOUNT = '1200000000123';
/** The gateway's test card that is always declined. */
export const DECLINED_CARD = '4000000000000002';

/** CRC-16/CCITT-FALSE (poly 0x1021, initial 0xFFFF), as EMVCo QR tag 63 requires. */
export const crc16 = (text: string): number => {
  let crc = 0xffff;
  for (const byte of new TextEncoder().encode(text)) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
};

const tlv = (id: string, value: string) => {
  if (value.length > 99) throw new Error(`EMVCo field ${id} too long`);
  return `${id}${String(value.length).padStart(2, '0')}${value}`;
};

/**
 * NAPAS VietQR (EMVCo merchant-presented QR): dynamic (01=12) since it carries the amount;
 * tag 38 holds the NAPAS GUID, the bank BIN and account, and the "transfer to account" service;
 * tag 62/08 the purpose, here the dossier code so the treasury can match the transfer.
 */
export const vietQrPayload = (amount: number, purpose: string): string => {
  const beneficiary = tlv('00', TREASURY_BIN) + tlv('01', TREASURY_ACCOUNT);
  const merchant = tlv('00', 'A000000727') + tlv('01', beneficiary) + tlv('02', 'QRIBFTTA');
  const body = tlv('00', '01') + tlv('01', '12') + tlv('38', merchant) + tlv('53', '704') + tlv('54', String(amount)) + tlv('58', 'VN') + tlv('62', tlv('08', purpose)) + '6304';
  return body + crc16(body).toString(16).toUpperCase().padStart(4, '0');
};

const paymentView = (payment: PaymentRecord, now: Date): Payment => ({
  id: payment.id,
  dossierCode: payment.dossierCode,
  amount: payment.amount,
  status: paymentStatusOf(payment, now),
  qrPayload: payment.qrPayload,
  cardUrl: `/pay/${payment.id}`,
  expiresAt: new Date(payment.expiresAt).toISOString(),
  transfer: { bankName: 'VietinBank', account: TREASURY_ACCOUNT, accountName: 'KHO BAC NHA NUOC (MO PHONG)', note: payment.dossierCode },
});

export const startPayment = (citizenId: string, code: string, key: string, now = new Date()): Outcome<Payment> => {
  const record = ownDossier(citizenId, code);
  if (!record) return NOT_FOUND();
  const earlier = replayed(citizenId, 'payment', key, record.data.code);
  if (earlier && 'ok' in earlier) return earlier;
  const again = earlier && state.payments.get(earlier.ref);
  if (again) return done(paymentView(again, now), false);

  const { payment } = record.data;
  if (payment.status === 'paid') return fail(409, 'already-paid', 'The fees of this dossier are already paid');
  if (payment.status === 'not-required') return fail(409, 'payment-not-required', 'Nothing to pay for this dossier');
  if (isFinal(record.data.status)) return fail(409, 'cannot-pay', 'The dossier is closed');
  const open = latestPayment(record.data.code);
  if (open && paymentStatusOf(open, now) === 'pending') {
    remember(citizenId, 'payment', key, record.data.code, open.id);
    return done(paymentView(open, now), false);
  }
  const created: PaymentRecord = {
    citizenId,
    id: randomId('tt'),
    dossierCode: record.data.code,
    amount: payment.amount,
    status: 'pending',
    qrPayload: vietQrPayload(payment.amount, record.data.code),
    expiresAt: now.getTime() + PAYMENT_TTL_MS,
  };
  state.payments.set(created.id, created);
  payment.status = 'pending';
  remember(citizenId, 'payment', key, record.data.code, created.id);
  return done(paymentView(created, now));
};

export const getPayment = (citizenId: string, id: string, now = new Date()): Payment | undefined => {
  const payment = state.payments.get(id);
  return payment && payment.citizenId === citizenId ? paymentView(payment, now) : undefined;
};

/** What the gateway's page shows; no sign-in there, the unguessable id is the capability. */
export const gatewayView = (id: string, now = new Date()): { payment: Payment; procedureName: string } | undefined => {
  const payment = state.payments.get(id);
  const record = payment && state.dossiers.get(payment.dossierCode);
  return payment && record ? { payment: paymentView(payment, now), procedureName: record.data.procedureName } : undefined;
};

export type GatewayResult =
  | { kind: 'paid' | 'failed'; dossierCode: string }
  | { kind: 'expired' | 'closed'; dossierCode: string }
  | { kind: 'invalid-card' | 'missing-name'; dossierCode: string }
  | { kind: 'not-found' };

const luhn = (digits: string) =>
  [...digits].reverse().reduce((sum, d, i) => {
    const n = Number(d) * (i % 2 === 1 ? 2 : 1);
    return sum + (n > 9 ? n - 9 : n);
  }, 0) %
    10 ===
  0;

/** The card page's form: pay with a card, or cancel. Paying twice never charges twice. */
export const completePayment = (id: string, action: 'pay' | 'cancel', card: { number: string; name: string }, now = new Date()): GatewayResult => {
  const payment = state.payments.get(id);
  const record = payment && state.dossiers.get(payment.dossierCode);
  if (!payment || !record) return { kind: 'not-found' };
  const dossierCode = payment.dossierCode;
  const status = paymentStatusOf(payment, now);
  if (status === 'paid' || record.data.payment.status === 'paid') return { kind: 'paid', dossierCode };
  if (status === 'expired') return { kind: 'expired', dossierCode };
  if (status === 'failed') return { kind: 'closed', dossierCode };
  const failed = (): GatewayResult => {
    payment.status = 'failed';
    record.data.payment.status = 'failed';
    return { kind: 'failed', dossierCode };
  };
  if (action === 'cancel' || isFinal(record.data.status)) return failed();
  const number = card.number.replace(/[\s-]/g, '');
  if (!/^\d{12,19}$/.test(number) || !luhn(number)) return { kind: 'invalid-card', dossierCode };
  if (!card.name.trim()) return { kind: 'missing-name', dossierCode };
  if (number === DECLINED_CARD) return failed();

  payment.status = 'paid';
  const paidAt = now.toISOString();
  record.data.payment = { status: 'paid', amount: payment.amount, paidAt, reference: `FT${vietnamDate(now).slice(2).replaceAll('-', '')}${randomBytes(4).readUInt32BE(0).toString().padStart(10, '0')}` };
  record.paidAtMs = now.getTime();
  record.data.events.push({ at: paidAt, status: record.data.status, note: PAID });
  return { kind: 'paid', dossierCode };
};

/** Test control: the payment's 15 minutes are up. */
export const expirePayment = (id: string, now = new Date()): Payment | undefined => {
  const payment = state.payments.get(id);
  if (!payment) return undefined;
  payment.expiresAt = Math.min(payment.expiresAt, now.getTime() - 1);
  return paymentView(payment, now);
};
