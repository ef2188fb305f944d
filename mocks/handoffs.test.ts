import { afterEach, describe, expect, it, vi } from 'vitest';
import { HANDOFF, HandoffContent, HandoffSlot, type HandoffContent as Content } from '../src/api/kiosk/schema.ts';
import { sealHandoff } from '../src/api/kiosk/handoff-seal.ts';
import { codeFrom, consent, exchange, origin } from './oidc-test-client.ts';

/** "Continue on your own phone" (docs/domain/kiosks.md, "Hand-off") through msw/node. */

const AN = 'vneid-046095001234';
const LAN = 'vneid-092301004567';
const signIn = async (citizen: string) => ((await (await exchange(codeFrom(await consent(citizen)))).json()) as { access_token: string }).access_token;

const call = (token: string | undefined, method: string, path: string, body?: unknown) =>
  fetch(`${origin}/api${path}`, {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
const codeOf = async (response: Response) => ((await response.json()) as { code: string }).code;

const work = (issuedAt: Date): Content => ({
  procedureId: '1.004873',
  procedureName: 'Cấp Giấy xác nhận tình trạng hôn nhân',
  definitionVersion: 1,
  step: 'documents',
  values: { purpose: 'Kết hôn', fullName: 'Nguyễn Văn An' },
  provenance: { fullName: { source: 'vneid' } },
  prefilledCount: 1,
  issuedAt: issuedAt.toISOString(),
});

const reserve = async (token: string) => {
  const response = await call(token, 'POST', '/handoffs');
  expect(response.status).toBe(201);
  return HandoffSlot.parse(await response.json());
};

afterEach(() => vi.useRealTimers());

describe('hand-off to the same person’s phone', () => {
  it('the same person redeems it once; someone else gets nothing and leaves it for its owner', async () => {
    const kiosk = await signIn(AN);
    const slot = await reserve(kiosk);
    const payload = await sealHandoff(work(new Date(slot.serverTime)), slot);
    expect(payload).not.toContain('Nguy');
    expect((await call(await signIn(AN), 'GET', `/handoffs/${slot.id}`).then((r) => r.json())) as unknown).toEqual({ redeemed: false });

    const stranger = await call(await signIn(LAN), 'POST', `/handoffs/${slot.id}/redeem`, { payload });
    expect(stranger.status).toBe(403);
    expect(await codeOf(stranger)).toBe('handoff-not-yours');
    expect((await call(undefined, 'POST', `/handoffs/${slot.id}/redeem`, { payload })).status).toBe(401);

    const phone = await signIn(AN);
    const redeemed = await call(phone, 'POST', `/handoffs/${slot.id}/redeem`, { payload });
    expect(redeemed.status).toBe(200);
    expect(HandoffContent.parse(await redeemed.json()).values).toMatchObject({ purpose: 'Kết hôn' });
    // The kiosk learns it was taken over (and wipes itself).
    expect(await (await call(kiosk, 'GET', `/handoffs/${slot.id}`)).json()).toEqual({ redeemed: true });

    const again = await call(phone, 'POST', `/handoffs/${slot.id}/redeem`, { payload });
    expect(again.status).toBe(410);
    expect(await codeOf(again)).toBe('handoff-used');
  });

  it('a QR code shown more than 5 minutes ago is expired; an altered or foreign one is not ours', async () => {
    const token = await signIn(AN);
    const slot = await reserve(token);
    const old = await sealHandoff(work(new Date(Date.parse(slot.serverTime) - (HANDOFF.validSeconds + 1) * 1000)), slot);
    const expired = await call(token, 'POST', `/handoffs/${slot.id}/redeem`, { payload: old });
    expect(expired.status).toBe(410);
    expect(await codeOf(expired)).toBe('handoff-expired');

    const fresh = await sealHandoff(work(new Date()), slot);
    const altered = `${fresh.slice(0, 20)}${fresh[20] === 'A' ? 'B' : 'A'}${fresh.slice(21)}`;
    expect(await codeOf(await call(token, 'POST', `/handoffs/${slot.id}/redeem`, { payload: altered }))).toBe('handoff-invalid');
    // Sealed for another slot: the id is bound in.
    const other = await reserve(token);
    expect(await codeOf(await call(token, 'POST', `/handoffs/${other.id}/redeem`, { payload: fresh }))).toBe('handoff-invalid');
    expect(await codeOf(await call(token, 'POST', '/handoffs/ho_AAAAAAAAAAAAAAAA/redeem', { payload: fresh }))).toBe('handoff-unknown');
    // Still good for its own slot.
    expect((await call(token, 'POST', `/handoffs/${slot.id}/redeem`, { payload: fresh })).status).toBe(200);
  });

  it(`a slot lives ${HANDOFF.slotMinutes} minutes; ${HANDOFF.tries.requests} tries, then 429 with Retry-After`, async () => {
    const token = await signIn(AN);
    const slot = await reserve(token);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + (HANDOFF.slotMinutes * 60 + 1) * 1000);
    const late = await call(token, 'POST', `/handoffs/${slot.id}/redeem`, { payload: await sealHandoff(work(new Date()), slot) });
    expect(await codeOf(late)).toBe('handoff-expired');
    vi.useRealTimers();
    for (let i = 1; i < HANDOFF.tries.requests; i++) expect((await call(token, 'POST', '/handoffs/ho_AAAAAAAAAAAAAAAA/redeem', { payload: 'AAAA' })).status).toBe(404);
    const paused = await call(token, 'POST', `/handoffs/${slot.id}/redeem`, { payload: 'AAAA' });
    expect(paused.status).toBe(429);
    expect(Number(paused.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(await codeOf(paused)).toBe('too-many-handoff-tries');
  });
});
