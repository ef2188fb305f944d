import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Dossier, TrackResult, Upload } from '../src/api/dossiers/schema.ts';
import { DAILY_QUOTAS, TRACK_CLIENT_LIMIT, TRACK_CODE_LOCK } from './dossiers/limits.ts';
import { state } from './dossiers/state.ts';
import { CLIENT_ADDRESS_HEADER } from './handlers/client.ts';
import { codeFrom, consent, exchange, origin } from './oidc-test-client.ts';
import { documentPdf } from './pdf.ts';
import { mockMiddleware, respond } from './vite-plugin.ts';
import { validAnswers } from './answers.ts';

/**
 * The probes a real backend must refuse, through msw/node as the app meets them: guessing
 * tracking digits, flooding uploads and dossier numbers, files that are not what they claim,
 * stored files opened as pages of our origin.
 */

const AN = 'vneid-046095001234'; // account phone 0912345678

const signIn = async (citizen = AN) => ((await (await exchange(codeFrom(await consent(citizen)))).json()) as { access_token: string }).access_token;

const PDF = documentPdf('To khai', ['Nguyen Van An']) as Uint8Array<ArrayBuffer>;

const upload = (token: string, bytes: Uint8Array<ArrayBuffer>, name = 'giay-to.pdf', key = randomUUID()) =>
  fetch(`${origin}/api/uploads`, { method: 'POST', body: bytes, headers: { Authorization: `Bearer ${token}`, 'Idempotency-Key': key, 'X-File-Name': encodeURIComponent(name) } });

const submit = (token: string, body: unknown, key = randomUUID()) =>
  fetch(`${origin}/api/dossiers`, { method: 'POST', body: JSON.stringify(body), headers: { Authorization: `Bearer ${token}`, 'Idempotency-Key': key, 'Content-Type': 'application/json' } });

const created = async (response: Response) => {
  expect(response.status, await response.clone().text()).toBe(201);
  return Dossier.parse(await response.json());
};

const track = (code: string, phone: string, client = '203.0.113.7') =>
  fetch(`${origin}/api/track?${new URLSearchParams({ code, phone }).toString()}`, { headers: { [CLIENT_ADDRESS_HEADER]: client } });

const problem = async (response: Response) => (await response.json()) as { status: number; code: string; retryAfter?: number };

/** The marital-status form declares its own phone (field `phone`); the account's is 0912345678. */
const maritalBody = (phone?: string, citizen = AN) => ({ procedureId: '1.004873', values: validAnswers('1.004873', citizen, phone === undefined ? {} : { phone: phone.replace(/\s/g, '') }), documents: [] });

afterEach(() => {
  vi.useRealTimers();
});
const at = (iso: string) => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(iso));
};
const later = (ms: number) => vi.setSystemTime(new Date(Date.now() + ms));

describe('/track against guessing', () => {
  it('checks the phone declared on the dossier, not the account’s', async () => {
    const token = await signIn();
    const dossier = await created(await submit(token, maritalBody('0987 654 321')));
    expect((await track(dossier.code, '4321')).status).toBe(200);
    expect((await track(dossier.code, '5678')).status).toBe(404); // the account's phone
    // A form that declares the account's own phone.
    const bare = await created(await submit(token, maritalBody()));
    expect(TrackResult.parse(await (await track(bare.code, '5678', '203.0.113.8')).json()).code).toBe(bare.code);
  });

  it('locks a code for 15 minutes after 5 wrong guesses, for every client', async () => {
    at('2026-12-01T03:00:00Z');
    const token = await signIn();
    const { code } = await created(await submit(token, maritalBody('0987654321')));
    for (let i = 0; i < TRACK_CODE_LOCK.misses; i++) expect((await track(code, String(1000 + i), `198.51.100.${i}`)).status).toBe(404);

    const sixth = await track(code, '1005', '198.51.100.99');
    expect(sixth.status).toBe(429);
    expect(sixth.headers.get('Content-Type')).toContain('application/problem+json');
    expect(sixth.headers.get('Retry-After')).toBe(String(15 * 60));
    expect(await problem(sixth)).toMatchObject({ status: 429, code: 'code-locked', retryAfter: 900 });
    // Locked means locked: even the right digits wait, so guessing gains nothing.
    expect((await track(code, '4321', '192.0.2.1')).status).toBe(429);

    later(14 * 60_000);
    expect(Number((await track(code, '4321', '192.0.2.2')).headers.get('Retry-After'))).toBe(60);
    later(60_000);
    expect((await track(code, '4321', '192.0.2.3')).status).toBe(200);
  });

  it('locks unknown codes the same way, so a lock tells nothing', async () => {
    const unknown = '000.00.31.H99-260101-9999';
    for (let i = 0; i < TRACK_CODE_LOCK.misses; i++) expect((await track(unknown, '0000', `198.51.100.${i}`)).status).toBe(404);
    expect(await problem(await track(unknown, '0000', '198.51.100.50'))).toMatchObject({ code: 'code-locked' });
  });

  it('limits each client, and another client is not affected', async () => {
    at('2026-12-01T03:00:00Z');
    const token = await signIn();
    const { code } = await created(await submit(token, maritalBody('0987654321')));
    // Guesses spread over many codes, as sequential codes invite.
    for (let i = 0; i < TRACK_CLIENT_LIMIT.requests; i++) expect((await track(`000.00.31.H99-260101-${String(i).padStart(4, '0')}`, '1234', 'flood')).status).toBe(404);
    const refused = await track('000.00.31.H99-260101-0100', '1234', 'flood');
    expect(refused.status).toBe(429);
    expect(await problem(refused)).toMatchObject({ code: 'too-many-lookups' });
    expect(Number(refused.headers.get('Retry-After'))).toBe(60);

    expect((await track(code, '4321', 'citizen')).status).toBe(200);
    later(TRACK_CLIENT_LIMIT.windowMs);
    expect((await track('000.00.31.H99-260101-0101', '1234', 'flood')).status).toBe(404);
  });

  it('refuses a flooding client without parsing its query or reading a dossier', async () => {
    for (let i = 0; i < TRACK_CLIENT_LIMIT.requests; i++) await track('x', 'y', 'flood');
    const get = vi.spyOn(state.dossiers, 'get');
    const refused = await fetch(`${origin}/api/track?code=${'%'.repeat(10_000)}`, { headers: { [CLIENT_ADDRESS_HEADER]: 'flood' } });
    expect(refused.status).toBe(429);
    expect(get).not.toHaveBeenCalled();
  });
});

describe('the server’s front door', () => {
  /** One request through the Connect middleware of `npm start`, with a fake socket. */
  const viaServer = (url: string, remoteAddress: string) =>
    new Promise<{ status: number; headers: Record<string, unknown>; body: string } | 'passed-on'>((resolve) => {
      const res = {
        status: 0,
        headers: {} as Record<string, unknown>,
        writeHead(status: number, headers: Record<string, unknown>) {
          this.status = status;
          this.headers = headers;
        },
        end(body: string) {
          resolve({ status: this.status, headers: this.headers, body });
        },
      };
      const req = { url, method: 'GET', headers: {}, socket: { remoteAddress, destroy: () => undefined } };
      // A request it does not refuse goes on to the handlers (an async answer, not awaited here).
      mockMiddleware(req as never, res as never, () => resolve('passed-on'));
      setTimeout(() => resolve('passed-on'), 50);
    });

  it('answers a client over its /track budget before any handler runs', async () => {
    for (let i = 0; i < TRACK_CLIENT_LIMIT.requests; i++) await track('000.00.31.H99-260101-0001', '0000', '192.0.2.66');
    const get = vi.spyOn(state.dossiers, 'get');
    const refused = await viaServer('/api/track?code=000.00.31.H99-260101-0001&phone=0000', '192.0.2.66');
    expect(refused).toMatchObject({ status: 429, headers: { 'Content-Type': 'application/problem+json', 'X-Content-Type-Options': 'nosniff' } });
    if (refused === 'passed-on') throw new Error('not refused');
    expect(Number(refused.headers['Retry-After'])).toBeGreaterThan(0);
    expect(JSON.parse(refused.body)).toMatchObject({ status: 429, code: 'too-many-lookups' });
    expect(get).not.toHaveBeenCalled();
    // Another client goes through to the handlers.
    expect(await viaServer('/api/track?code=000.00.31.H99-260101-0001&phone=0000', '192.0.2.67')).toBe('passed-on');
  });
});

describe('daily quotas', () => {
  it('numbers at most 30 dossiers a day per citizen, far below an agency’s 9,999', async () => {
    at('2026-12-01T03:00:00Z');
    const token = await signIn();
    for (let i = 0; i < DAILY_QUOTAS.dossiers; i++) await created(await submit(token, maritalBody('0987654321')));
    const key = randomUUID();
    const refused = await submit(token, maritalBody('0987654321'), key);
    expect(refused.status).toBe(429);
    expect(await problem(refused)).toMatchObject({ code: 'daily-dossiers-quota' });
    // Until midnight in Vietnam (UTC+7): 10:00 there, so 14 hours.
    expect(refused.headers.get('Retry-After')).toBe(String(14 * 3600));
    // Another citizen is not held to this one's quota.
    expect((await submit(await signIn('vneid-092301004567'), maritalBody('0987654321', 'vneid-092301004567'))).status).toBe(201);

    vi.setSystemTime(new Date('2026-12-01T17:00:00Z')); // 00:00 the next day in Vietnam
    expect((await submit(await signIn(), maritalBody('0987654321'), key)).status).toBe(201);
  });

  it('takes at most 100 uploads a day per citizen, refused before the body is read; a retry still replays', async () => {
    at('2026-12-01T03:00:00Z');
    const token = await signIn();
    const firstKey = randomUUID();
    const first = Upload.parse(await (await upload(token, PDF, 'a.pdf', firstKey)).json());
    for (let i = 1; i < DAILY_QUOTAS.uploads; i++) expect((await upload(token, PDF)).status).toBe(201);

    // 8 MB in 1 MB chunks; msw's clone of the request may pull one, the handler none.
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({ pull: (c) => (pulled++ < 8 ? c.enqueue(new Uint8Array(1024 * 1024)) : c.close()) }, { highWaterMark: 0 });
    // Straight to the server's entry point, as limits.test.ts does: fetch under msw/node buffers bodies.
    const refused = (await respond(new Request(`${origin}/api/uploads`, { method: 'POST', body, duplex: 'half', headers: { Authorization: `Bearer ${token}`, 'Idempotency-Key': randomUUID() } } as RequestInit))) as Response;
    expect(refused.status).toBe(429);
    expect(await problem(refused)).toMatchObject({ code: 'daily-uploads-quota' });
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(pulled).toBeLessThanOrEqual(1);

    const replay = await upload(token, PDF, 'a.pdf', firstKey);
    expect(replay.status).toBe(200);
    expect(Upload.parse(await replay.json()).id).toBe(first.id);
  });
});

describe('uploads nobody attaches', () => {
  it('are deleted after 24 hours; attached ones stay', async () => {
    at('2026-12-01T03:00:00Z');
    const token = await signIn();
    const kept = Upload.parse(await (await upload(token, PDF, 'kept.pdf')).json());
    const dropped = Upload.parse(await (await upload(token, PDF, 'dropped.pdf')).json());
    await created(await submit(token, { ...maritalBody('0987654321'), documents: [{ requirement: null, source: 'upload', ref: kept.id }] }));

    later(24 * 3600_000 - 1000);
    const fresh = await signIn();
    const get = (id: string) => fetch(`${origin}/api/uploads/${id}/file`, { headers: { Authorization: `Bearer ${fresh}` } });
    expect((await get(dropped.id)).status).toBe(200);
    later(1000);
    expect((await get(dropped.id)).status).toBe(404);
    expect((await get(kept.id)).status).toBe(200);
    // Gone for a submission too, and from memory once anything is uploaded again.
    const late = await submit(fresh, { ...maritalBody('0987654321'), documents: [{ requirement: null, source: 'upload', ref: dropped.id }] });
    expect(late.status).toBe(422);
    await upload(fresh, PDF);
    expect(state.uploads.has(dropped.id)).toBe(false);
    expect(state.uploads.has(kept.id)).toBe(true);
  });
});

describe('files that are not what they claim', () => {
  const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
  const png = (width: number, height: number) => {
    const b = new Uint8Array(33);
    b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    new DataView(b.buffer).setUint32(16, width);
    new DataView(b.buffer).setUint32(20, height);
    return b;
  };

  it('refuses a web page behind %PDF-', async () => {
    const token = await signIn();
    const refused = await upload(token, ascii('%PDF-<html><script>fetch("/api/me")</script></html>'));
    expect(refused.status).toBe(422);
    expect(refused.headers.get('Content-Type')).toContain('application/problem+json');
    expect(await problem(refused)).toMatchObject({ code: 'not-a-pdf' });
    expect(state.uploads.size).toBe(0);
  });

  it('refuses a PNG whose header claims 3.6 GB of pixels, without decoding it', async () => {
    const token = await signIn();
    const bomb = new Uint8Array(109 * 1024);
    bomb.set(png(30_000, 30_000));
    const refused = await upload(token, bomb, 'anh.png');
    expect(refused.status).toBe(422);
    expect(await problem(refused)).toMatchObject({ code: 'too-many-pixels' });
    expect((await upload(token, png(4000, 3000), 'anh.png')).status).toBe(201);
  });

  it('refuses an image without a readable size', async () => {
    const token = await signIn();
    const refused = await upload(token, Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xd9]), 'anh.jpg');
    expect(refused.status).toBe(422);
    expect(await problem(refused)).toMatchObject({ code: 'unreadable-image' });
  });
});

describe('stored files', () => {
  const expectSafe = (response: Response) => {
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Disposition')).toMatch(/^attachment;/);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(response.headers.get('Content-Security-Policy')).toBe("sandbox; default-src 'none'");
  };

  it('are served as sandboxed downloads, never inline', async () => {
    const token = await signIn();
    const stored = Upload.parse(await (await upload(token, PDF, 'Tờ khai "gốc".pdf')).json());
    const file = await fetch(`${origin}/api/uploads/${stored.id}/file`, { headers: { Authorization: `Bearer ${token}` } });
    expectSafe(file);
    expect(file.headers.get('Content-Disposition')).toBe(`attachment; filename="To khai _goc_.pdf"; filename*=UTF-8''${encodeURIComponent('Tờ khai "gốc".pdf')}`);
    expect(file.headers.get('Content-Type')).toBe('application/pdf');

    // Results and data-store papers too.
    expectSafe(await fetch(`${origin}/api/me/documents/doc-an-kh/file`, { headers: { Authorization: `Bearer ${token}` } }));
  });
});
