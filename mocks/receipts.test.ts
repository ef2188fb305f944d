import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Dossier, RECEIPT_TOKEN, RECEIPT_TOKEN_LIMITS, ReceiptToken, TrackResult } from '../src/api/dossiers/schema.ts';
import type { ApiError } from '../src/api/errors.ts';
import { trackByReceipt } from '../src/api/dossiers/requests.ts';
import { CLIENT_ADDRESS_HEADER } from './handlers/client.ts';
import { codeFrom, consent, exchange, origin } from './oidc-test-client.ts';
import { validAnswers } from './answers.ts';

/** Receipt tokens (docs/domain/kiosks.md): the QR code on a receipt, opaque and revocable. */

const AN = 'vneid-046095001234';
const LAN = 'vneid-092301004567';
const signIn = async (citizen = AN) => ((await (await exchange(codeFrom(await consent(citizen)))).json()) as { access_token: string }).access_token;

const post = (path: string, body: unknown, extra: Record<string, string> = {}) =>
  fetch(`${origin}/api${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...extra }, body: body === undefined ? null : JSON.stringify(body) });

const filed = async () => {
  const token = await signIn();
  const response = await post('/dossiers', { procedureId: '1.004873', values: validAnswers('1.004873', AN), documents: [] }, { Authorization: `Bearer ${token}`, 'Idempotency-Key': randomUUID() });
  expect(response.status, await response.clone().text()).toBe(201);
  return { token, dossier: Dossier.parse(await response.json()) };
};

const lookUp = (token: string, client = 'client-a') => post('/track/receipt', { token }, { [CLIENT_ADDRESS_HEADER]: client });
const codeOf = async (response: Response) => ((await response.json()) as { code: string }).code;

describe('receipt tokens', () => {
  it('a new dossier carries an opaque token that looks it up without phone digits, status only', async () => {
    const { dossier } = await filed();
    const receipt = dossier.receiptToken;
    expect(receipt?.token).toMatch(RECEIPT_TOKEN);
    // Nothing of the dossier code nor of the person is in it.
    expect(receipt?.token).not.toContain(dossier.code.slice(-4));
    expect(receipt?.token).not.toContain('046095001234');
    const response = await lookUp(receipt!.token);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    const result = TrackResult.parse(body);
    expect(result.code).toBe(dossier.code);
    expect(JSON.stringify(body)).not.toContain(dossier.applicantName);
    expect(body).not.toHaveProperty('receiptToken');
    // The app's own request function reads it the same way.
    expect((await trackByReceipt(receipt!.token)).status).toBe('received');
  });

  it('the owner replaces it: the old token is revoked (410), the new one works; nobody else can', async () => {
    const { token, dossier } = await filed();
    const old = dossier.receiptToken!.token;
    expect((await post(`/dossiers/${encodeURIComponent(dossier.code)}/receipt-token`, undefined, { Authorization: `Bearer ${await signIn(LAN)}` })).status).toBe(404);
    const renewed = await post(`/dossiers/${encodeURIComponent(dossier.code)}/receipt-token`, undefined, { Authorization: `Bearer ${token}` });
    expect(renewed.status).toBe(201);
    const fresh = ReceiptToken.parse(await renewed.json());
    expect(fresh.token).not.toBe(old);
    const revoked = await lookUp(old);
    expect(revoked.status).toBe(410);
    expect(revoked.headers.get('Content-Type')).toContain('application/problem+json');
    expect(await codeOf(revoked)).toBe('receipt-token-revoked');
    expect((await lookUp(fresh.token)).status).toBe(200);
    await expect(trackByReceipt(old)).rejects.toMatchObject({ code: 'receipt-token-revoked' } satisfies Partial<ApiError>);
  });

  it('unknown, malformed and expired tokens are told apart', async () => {
    const { dossier } = await filed();
    const unknown = await lookUp(`rt_${'A'.repeat(22)}`);
    expect(unknown.status).toBe(404);
    expect(await codeOf(unknown)).toBe('receipt-token-unknown');
    const malformed = await lookUp('000.00.12.H62-201105-0004');
    expect(malformed.status).toBe(400);
    expect(await codeOf(malformed)).toBe('invalid-receipt-token');
    expect((await post(`/__mock/receipt-tokens/${dossier.receiptToken!.token}/expire`, undefined)).status).toBe(204);
    const expired = await lookUp(dossier.receiptToken!.token);
    expect(expired.status).toBe(410);
    expect(await codeOf(expired)).toBe('receipt-token-expired');
  });

  it(`a flood of guesses from one client is paused after ${RECEIPT_TOKEN_LIMITS.misses} misses (429 with Retry-After), others are not`, async () => {
    const { dossier } = await filed();
    for (let i = 0; i < RECEIPT_TOKEN_LIMITS.misses; i++) expect((await lookUp(`rt_${String(i).padStart(22, 'x')}`, 'flood')).status).toBe(404);
    const paused = await lookUp(dossier.receiptToken!.token, 'flood');
    expect(paused.status).toBe(429);
    expect(Number(paused.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(Number(paused.headers.get('Retry-After'))).toBeLessThanOrEqual(RECEIPT_TOKEN_LIMITS.windowMs / 1000);
    expect(await codeOf(paused)).toBe('too-many-receipt-misses');
    expect((await lookUp(dossier.receiptToken!.token, 'honest')).status).toBe(200);
  });
});
