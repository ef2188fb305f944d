import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Payment } from '../src/api/dossiers/schema.ts';
import { codeFrom, consent, exchange, origin } from './oidc-test-client.ts';
import { validAnswers } from './answers.ts';

/**
 * The simulated payment gateway's card page, attacked as a real one would be: without the
 * payer's gateway session and the form's CSRF token nobody pays, cancels or even sees a payment.
 */
const signIn = async () => ((await (await exchange(codeFrom(await consent('vneid-046095001234')))).json()) as { access_token: string }).access_token;

const api = (token: string, path: string, init: RequestInit = {}) =>
  fetch(`${origin}/api${path}`, { ...init, headers: { Authorization: `Bearer ${token}`, 'Idempotency-Key': randomUUID(), 'Content-Type': 'application/json', ...init.headers } });

/** A dossier with a fee (10.000 ₫) and its open payment, as the payer's API answers it. */
const openPayment = async () => {
  const token = await signIn();
  const created = (await (await api(token, '/dossiers', { method: 'POST', body: JSON.stringify({
        procedureId: '1.004222',
        values: validAnswers('1.004222', 'vneid-046095001234'),
        documents: [{ requirement: 'giay-to-tai-lieu-chung-minh-cho-o-hop-phap', source: 'data-store', ref: 'doc-an-qsdd' }],
      }) })).json()) as { code: string };
  const payment = Payment.parse(await (await api(token, `/dossiers/${created.code}/payment`, { method: 'POST' })).json());
  const status = async () => Payment.parse(await (await api(token, `/payments/${payment.id}`)).json()).status;
  return { payment, status };
};

/** The payer's browser: follows the card URL, keeps the cookie, reads the form's token. */
const openCard = async (payment: Payment) => {
  const opened = await fetch(new URL(payment.cardUrl, origin), { redirect: 'manual' });
  expect(opened.status).toBe(303);
  expect(opened.headers.get('Location')).toBe(`${origin}/pay/${payment.id}`);
  const setCookie = opened.headers.get('Set-Cookie') ?? '';
  expect(setCookie).toMatch(/HttpOnly/);
  expect(setCookie).toMatch(/SameSite=Lax/);
  const cookie = setCookie.split(';')[0] ?? '';
  const page = await fetch(`${origin}/pay/${payment.id}`, { headers: { Cookie: cookie } });
  expect(page.status).toBe(200);
  const csrf = /name="csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  expect(csrf).not.toBe('');
  return { cookie, csrf };
};

const postCard = (id: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(`${origin}/pay/${id}`, { method: 'POST', headers, body: new URLSearchParams(fields), redirect: 'manual' });

const PAY = { action: 'pay', cardNumber: '4111 1111 1111 1111', cardName: 'NGUYEN VAN AN' };

describe('the card page', () => {
  it('refuses a cross-site cancel without the session or the CSRF token, and leaves the payment open', async () => {
    const { payment, status } = await openPayment();
    const { cookie, csrf } = await openCard(payment);

    // A forged form on another site: no cookie (SameSite=Lax), no token.
    expect((await postCard(payment.id, { action: 'cancel' }, { Origin: 'https://evil.example' })).status).toBe(403);
    expect((await postCard(payment.id, { action: 'cancel' })).status).toBe(403);
    // A stolen token without the session, the session without the token, a wrong token.
    expect((await postCard(payment.id, { action: 'cancel', csrf })).status).toBe(403);
    expect((await postCard(payment.id, { action: 'cancel' }, { Cookie: cookie })).status).toBe(403);
    expect((await postCard(payment.id, { action: 'cancel', csrf: `${csrf}x` }, { Cookie: cookie })).status).toBe(403);
    // The right session and token, but posted from another origin.
    expect((await postCard(payment.id, { action: 'cancel', csrf }, { Cookie: cookie, Origin: 'https://evil.example' })).status).toBe(403);
    expect((await postCard(payment.id, { action: 'cancel', csrf }, { Cookie: cookie, 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect(await status()).toBe('pending');

    // The page is no-referrer: the browser's own post says Origin "null".
    const paid = await postCard(payment.id, { ...PAY, csrf }, { Cookie: cookie, Origin: 'null', 'Sec-Fetch-Site': 'same-origin' });
    expect(paid.status).toBe(303);
    expect(paid.headers.get('Location')).toMatch(/\?payment=paid$/);
    expect(await status()).toBe('paid');
  });

  it('shows nothing of a payment without its checkout token or session', async () => {
    const { payment } = await openPayment();
    const bare = await fetch(`${origin}/pay/${payment.id}`);
    expect(bare.status).toBe(403);
    const html = await bare.text();
    expect(html).not.toContain(payment.dossierCode);
    expect(html).not.toContain('name="cardNumber"');
    expect((await fetch(`${origin}/pay/${payment.id}?t=${'A'.repeat(43)}`, { redirect: 'manual' })).status).toBe(403);

    // One payment's session is no key to another's.
    const other = await openPayment();
    const { cookie, csrf } = await openCard(other.payment);
    expect((await fetch(`${origin}/pay/${payment.id}`, { headers: { Cookie: cookie } })).status).toBe(403);
    expect((await postCard(payment.id, { ...PAY, csrf }, { Cookie: cookie })).status).toBe(403);
  });
});
