import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Payment } from '../src/api/dossiers/schema.ts';

/**
 * The payment gateway's sessions, as a real card page keeps them. The backend hands the payer
 * (and only the payer: the API answers the dossier's owner) a card URL carrying a checkout
 * token bound to that payment; opening it starts a gateway session (an HttpOnly, SameSite=Lax
 * cookie) and the card form carries a CSRF token bound to that session. A cross-site POST has
 * neither, so it cannot pay or cancel anybody's payment.
 */
const SECRET = randomBytes(32);
/** Longer than any payment stays open: the payment's own expiry is what the page reports. */
const SESSION_TTL_MS = 30 * 60 * 1000;
export const GATEWAY_COOKIE = 'mcs_pay';

interface Session {
  paymentId: string;
  expiresAt: number;
}

let sessions = new Map<string, Session>();

export const resetGatewaySessions = (): void => {
  sessions = new Map();
};

const mac = (purpose: string, value: string) => createHmac('sha256', SECRET).update(`${purpose}\u0000${value}`).digest('base64url');

const same = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** The payment as the API shows it to its owner: the card URL carries the checkout token. */
export const withCheckoutToken = (payment: Payment): Payment => ({ ...payment, cardUrl: `${payment.cardUrl}?t=${mac('checkout', payment.id)}` });

/** A new session for the payment when `token` is its checkout token; its cookie value. */
export const openGatewaySession = (paymentId: string, token: string, now = Date.now()): string | undefined => {
  if (!same(token, mac('checkout', paymentId))) return undefined;
  const id = randomBytes(24).toString('base64url');
  sessions.set(id, { paymentId, expiresAt: now + SESSION_TTL_MS });
  return id;
};

export const sessionCookie = (id: string): string => `${GATEWAY_COOKIE}=${id}; Path=/pay/; Max-Age=${SESSION_TTL_MS / 1000}; HttpOnly; SameSite=Lax`;

const cookieValue = (request: Request, name: string): string | undefined =>
  (request.headers.get('Cookie') ?? '')
    .split(';')
    .map((c) => c.trim().split('='))
    .find(([k]) => k === name)?.[1];

/** The live gateway session of this request for this payment, if any. */
export const gatewaySession = (request: Request, paymentId: string, now = Date.now()): string | undefined => {
  const id = cookieValue(request, GATEWAY_COOKIE);
  const session = id ? sessions.get(id) : undefined;
  return id && session && session.paymentId === paymentId && session.expiresAt > now ? id : undefined;
};

export const csrfToken = (sessionId: string): string => mac('csrf', sessionId);

export const validCsrf = (sessionId: string, sent: string | null): boolean => sent !== null && same(sent, csrfToken(sessionId));
