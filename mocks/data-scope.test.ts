import { describe, expect, it } from 'vitest';
import { ACCESS_TOKEN_TYPE, CONSENT_TOKEN_TYPE, Consent, ConsentGrant, DelegatedTokenResponse, TOKEN_EXCHANGE_GRANT } from '../src/api/assisted/schema.ts';
import { DataStore, DataStoreView, type DataScope } from '../src/api/me/schema.ts';
import { codeFrom, consent, exchange, origin } from './oidc-test-client.ts';

/**
 * GET /me with a volunteer's delegated token (docs/domain/assisted.md): only the parts of the
 * resident's data store their consent lists; asking for any other part is refused (403
 * problem+json `outside-consent`); the resident's own token still reads everything.
 */
const HUNG = 'vneid-046088005555';
const HAI = { id: 'vneid-060048000123', idNumber: '060048000123', phone: '0378123456' };

const signIn = async (citizen: string) => ((await (await exchange(codeFrom(await consent(citizen)))).json()) as { access_token: string }).access_token;
const api = (token: string, method: string, path: string, json?: unknown) =>
  fetch(`${origin}/api${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(json === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(json === undefined ? {} : { body: JSON.stringify(json) }),
  });

/** Hải's consent to Hùng for these parts of his data, confirmed by the code, exchanged. */
const helpingWith = async (data: DataScope[]) => {
  const own = await signIn(HUNG);
  const started = Consent.parse(await (await api(own, 'POST', '/assisted/consents', { residentIdNumber: HAI.idNumber, scope: { procedures: ['1.004873'], data }, minutes: 30 })).json());
  const { messages } = (await (await fetch(`${origin}/api/__mock/sms?to=${HAI.phone}`)).json()) as { messages: { text: string }[] };
  const code = /Mã xác nhận: (\d{6})/.exec(messages.at(-1)?.text ?? '')?.[1] ?? '';
  const grant = ConsentGrant.parse(await (await api(own, 'POST', `/assisted/consents/${started.id}/confirm`, { code })).json());
  const exchanged = await fetch(`${origin}/idp/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: TOKEN_EXCHANGE_GRANT, client_id: 'mot-cua-so', subject_token: grant.consentToken, subject_token_type: CONSENT_TOKEN_TYPE, actor_token: own, actor_token_type: ACCESS_TOKEN_TYPE }),
  });
  return DelegatedTokenResponse.parse(await exchanged.json()).access_token;
};

describe('GET /me within the consent’s data scope', () => {
  it('gives a delegated token only the consented parts, and says which', async () => {
    const token = await helpingWith(['identity', 'contact']);
    const response = await api(token, 'GET', '/me');
    expect(response.status).toBe(200);
    const view = DataStoreView.parse(await response.json());
    expect(view.scope).toEqual(['identity', 'contact']);
    expect(view.citizen).toMatchObject({ fullName: 'Phạm Văn Hải', idNumber: HAI.idNumber });
    expect(view.contact?.phone).toBe(HAI.phone);
    // Residence, household and papers: not there at all, not even empty.
    expect(view.citizen).not.toHaveProperty('permanentAddress');
    expect(view.citizen).not.toHaveProperty('currentAddress');
    expect(view).not.toHaveProperty('household');
    expect(view).not.toHaveProperty('documents');
    expect(Object.keys(view.sources).sort()).toEqual(['citizen', 'contact']);
    expect(JSON.stringify(view)).not.toContain('Kim Long');
  });

  it('gives residence without identity when that is all the consent lists', async () => {
    const token = await helpingWith(['residence']);
    const view = DataStoreView.parse(await (await api(token, 'GET', '/me')).json());
    expect(Object.keys(view.citizen).sort()).toEqual(expect.arrayContaining(['currentAddress', 'permanentAddress']));
    expect(view.citizen).not.toHaveProperty('fullName');
    expect(view.citizen).not.toHaveProperty('idNumber');
    expect(view).not.toHaveProperty('contact');
  });

  it('refuses a read of a part outside the consent with problem+json, and the papers’ files too', async () => {
    const token = await helpingWith(['identity', 'contact']);
    const refused = await api(token, 'GET', '/me?parts=identity,household');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('Content-Type')).toMatch(/application\/problem\+json/);
    expect(await refused.json()).toMatchObject({ code: 'outside-consent', parts: ['household'] });
    const within = DataStoreView.parse(await (await api(token, 'GET', '/me?parts=contact')).json());
    expect(within.scope).toEqual(['contact']);
    expect(within.citizen).toEqual({});
    const file = await api(token, 'GET', '/me/documents/any/file');
    expect(file.status).toBe(403);
    expect(await file.json()).toMatchObject({ code: 'outside-consent' });
  });

  it('still gives the resident, with their own token, the whole data store', async () => {
    const own = await signIn(HAI.id);
    const store = DataStore.parse(await (await api(own, 'GET', '/me')).json());
    expect(store.household.members.length).toBeGreaterThan(0);
    expect(store).not.toHaveProperty('scope');
    const bad = await api(own, 'GET', '/me?parts=secrets');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'unknown-data-part' });
  });
});
