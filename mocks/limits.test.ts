import { randomUUID } from 'node:crypto';
import { http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { codeFrom, consent, exchange, origin } from './oidc-test-client.ts';
import { respond } from './vite-plugin.ts';
import { validAnswers } from './answers.ts';

/**
 * What the simulated backend's server (mocks/vite-plugin.ts, `npm start` and e2e) answers to
 * bodies it must not read, JSON it must not parse and handlers that fail: always a problem+json,
 * never a stack trace or a file path.
 */
const signIn = async () => ((await (await exchange(codeFrom(await consent('vneid-046095001234')))).json()) as { access_token: string }).access_token;

/** A body that records how much of it was read: a refusal by Content-Length reads nothing. */
const watchedBody = (chunk: Uint8Array, chunks: number) => {
  const read = { chunks: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (read.chunks >= chunks) return controller.close();
      read.chunks++;
      controller.enqueue(chunk);
    },
  }, { highWaterMark: 0 });
  return { stream, read };
};

const post = (path: string, body: BodyInit | ReadableStream<Uint8Array>, headers: Record<string, string>) =>
  respond(new Request(`${origin}${path}`, { method: 'POST', headers, body, duplex: 'half' } as RequestInit));

const expectCleanProblem = async (response: Response | undefined, status: number, code?: string) => {
  expect(response?.status).toBe(status);
  expect(response?.headers.get('Content-Type')).toBe('application/problem+json');
  const text = (await response?.text()) ?? '';
  expect(text).not.toMatch(/\bat .*\(?[^\s]*:\d+:\d+\)?|\/work\/|node_modules|\.tsx?\b|Error:/);
  const body = JSON.parse(text) as { type: string; title: string; status: number; code: string };
  expect(body.status).toBe(status);
  expect(body.type).toMatch(/^urn:mot-cua-so:problem:/);
  expect(body.title).not.toBe('');
  if (code) expect(body.code).toBe(code);
  return body;
};

describe('request bodies', () => {
  it('refuses a 41 MB JSON body by its Content-Length, without reading it', async () => {
    const token = await signIn();
    const { stream, read } = watchedBody(new Uint8Array(1024 * 1024).fill(0x20), 41);
    const response = await post('/api/dossiers', stream, {
      Authorization: `Bearer ${token}`,
      'Idempotency-Key': randomUUID(),
      'Content-Type': 'application/json',
      'Content-Length': String(41 * 1024 * 1024),
    });
    await expectCleanProblem(response, 413, 'body-too-large');
    // msw clones each request (a tee), which pulls the first chunk; the other 40 MB stay unread.
    expect(read.chunks).toBeLessThanOrEqual(1);
  });

  it('stops reading a body without Content-Length once it passes the limit', async () => {
    const token = await signIn();
    const { stream, read } = watchedBody(new Uint8Array(256 * 1024).fill(0x20), 40);
    const response = await post('/api/dossiers', stream, { Authorization: `Bearer ${token}`, 'Idempotency-Key': randomUUID(), 'Content-Type': 'application/json' });
    await expectCleanProblem(response, 413, 'body-too-large');
    expect(read.chunks).toBeLessThanOrEqual(6);
  });

  it('refuses an 11 MB upload by its Content-Length, without reading it', async () => {
    const token = await signIn();
    const { stream, read } = watchedBody(new Uint8Array(1024 * 1024), 11);
    const response = await post('/api/uploads', stream, {
      Authorization: `Bearer ${token}`,
      'Idempotency-Key': randomUUID(),
      'Content-Type': 'application/pdf',
      'Content-Length': String(11 * 1024 * 1024),
    });
    await expectCleanProblem(response, 413, 'file-too-large');
    expect(read.chunks).toBeLessThanOrEqual(1);
  });

  it('answers 5,000-deep JSON with a 400 problem, without a stack', async () => {
    const token = await signIn();
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const response = await post('/api/dossiers', deep, { Authorization: `Bearer ${token}`, 'Idempotency-Key': randomUUID(), 'Content-Type': 'application/json' });
    await expectCleanProblem(response, 400, 'malformed-json');
    // Brackets inside strings are text, not depth.
    const text = await post('/api/__mock/faults', JSON.stringify({ latencyMs: 0, rules: [], note: '['.repeat(5000) }), { 'Content-Type': 'application/json' });
    expect(text?.status).toBe(200);
  });

  it('answers malformed JSON with a 400 problem', async () => {
    const token = await signIn();
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    await expectCleanProblem(await post('/api/me/corrections', '{"path": ', headers), 400, 'malformed-json');
    await expectCleanProblem(await post('/api/dossiers', '{"a":1}}', { ...headers, 'Idempotency-Key': randomUUID() }), 400, 'malformed-json');
  });

  it('refuses a body declared as anything but JSON with a 415 problem, unread', async () => {
    const token = await signIn();
    const headers = { Authorization: `Bearer ${token}`, 'Idempotency-Key': randomUUID() };
    await expectCleanProblem(await post('/api/dossiers', '{"procedureId":"1.004873"}', { ...headers, 'Content-Type': 'text/plain' }), 415, 'unsupported-media-type');
    await expectCleanProblem(await post('/api/dossiers', 'procedureId=1.004873', { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' }), 415, 'unsupported-media-type');
    // JSON with a charset, or a +json type, is JSON.
    const body = JSON.stringify({ procedureId: '1.004873', values: validAnswers('1.004873', 'vneid-046095001234'), documents: [] });
    expect((await post('/api/dossiers', body, { ...headers, 'Content-Type': 'application/json; charset=utf-8' }))?.status).toBe(201);
  });
});

describe('the server around the handlers', () => {
  it('answers a handler that throws with a generic problem+json 500, details only in the log', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const boom = http.get('*/api/boom', () => {
      throw new Error('ENOENT: /work/secret/db.ts');
    });
    const response = await respond(new Request(`${origin}/api/boom`), [boom]);
    const body = await expectCleanProblem(response, 500, 'internal-error');
    expect(JSON.stringify(body)).not.toContain('ENOENT');
    expect(response?.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(log).toHaveBeenCalled();
  });

  it('sends nosniff on every answer: API, identity provider, payment gateway, problems, redirects', async () => {
    const answers = await Promise.all(
      ['/api/catalogue', '/api/nowhere', '/api/me', '/idp/.well-known/openid-configuration', '/idp/jwks', '/idp/logout', '/pay/unknown', '/pay/pay.css'].map((path) =>
        respond(new Request(`${origin}${path}`)),
      ),
    );
    for (const answer of answers) expect(answer?.headers.get('X-Content-Type-Options')).toBe('nosniff');
    const redirect = await respond(new Request(`${origin}/idp/authorize?client_id=mot-cua-so`, { redirect: 'manual' }));
    expect(redirect?.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });
});
