// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { HttpHandler } from 'msw';
import { handlers } from '../../mocks/handlers.ts';
import { CONTRACT_SCHEMAS, ENDPOINTS, openApiDocument } from './openapi.ts';
import { DAILY_QUOTAS, DOSSIER_CODE, Dossier, TRACK_CLIENT_LIMIT, TRACK_CODE_LOCK, UPLOAD_LIMITS } from './dossiers/schema.ts';

type Json = Record<string, unknown>;
const doc = openApiDocument() as Json & { paths: Record<string, Record<string, Json>>; components: { schemas: Record<string, Json> } };

/** Every `$ref` anywhere in a JSON value. */
const refsIn = (value: unknown, found: string[] = []): string[] => {
  if (Array.isArray(value)) for (const v of value) refsIn(v, found);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') found.push(v);
      else refsIn(v, found);
    }
  }
  return found;
};

const resolve = (pointer: string): unknown =>
  pointer
    .replace(/^#\//, '')
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Json)[key] : undefined), doc);

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 with info, a server and paths', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    expect(doc.servers).toEqual([{ url: '/api' }]);
    expect(Object.keys(doc.paths).length).toBe(new Set(ENDPOINTS.map((e) => e.path)).size);
  });

  it('gives every operation responses, a success and problem+json refusals, and declares its path parameters', () => {
    const ids = new Set<string>();
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const where = `${method.toUpperCase()} ${path}`;
        const responses = op.responses as Record<string, Json>;
        expect(Object.keys(responses).some((s) => /^2\d\d$/.test(s)), where).toBe(true);
        for (const [status, response] of Object.entries(responses)) {
          expect(response.description, `${where} ${status}`).toEqual(expect.any(String));
          if (!/^2/.test(status)) expect(Object.keys(response.content as Json), `${where} ${status}`).toEqual(['application/problem+json']);
        }
        const declared = ((op.parameters ?? []) as Json[]).filter((p) => p.in === 'path').map((p) => p.name);
        expect(declared.sort(), where).toEqual([...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort());
        expect(ids.has(op.operationId as string), `${where}: duplicate operationId`).toBe(false);
        ids.add(op.operationId as string);
      }
    }
  });

  it('resolves every $ref inside the document', () => {
    const refs = refsIn(doc);
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of refs) {
      expect(ref.startsWith('#/'), ref).toBe(true);
      expect(resolve(ref), ref).toBeDefined();
    }
  });

  it('is generated from the zod schemas: a member of Dossier is a property of the component, required unless optional', () => {
    const dossier = doc.components.schemas.Dossier as { properties: Json; required: string[] };
    const shape = Dossier.def.shape;
    expect(Object.keys(dossier.properties).sort()).toEqual(Object.keys(shape).sort());
    const required = Object.entries(shape)
      .filter(([, schema]) => schema._zod.optin !== 'optional')
      .map(([key]) => key);
    expect([...dossier.required].sort()).toEqual(required.sort());
    expect(dossier.required).toContain('code');
    expect((dossier.properties.code as Json).pattern).toBe(DOSSIER_CODE.source);
    // Every named schema of the contract is a component.
    expect(Object.keys(doc.components.schemas).sort()).toEqual(Object.keys(CONTRACT_SCHEMAS).sort());
  });

  it('states the limits with the contract’s figures: 429 with Retry-After on /track, uploads and dossiers; the dossier total', () => {
    const response = (method: string, path: string, status: number) => (doc.paths[path]?.[method]?.responses as Record<string, (Json & { description: string; headers?: Json }) | undefined>)[String(status)];
    for (const [method, path] of [['get', '/track'], ['post', '/uploads'], ['post', '/dossiers']] as const) {
      const tooMany = response(method, path, 429);
      expect(tooMany, `${method} ${path}`).toBeDefined();
      expect(tooMany!.headers, `${method} ${path}`).toMatchObject({ 'Retry-After': { required: true } });
    }
    expect(response('get', '/track', 429)!.description).toContain(`after ${TRACK_CODE_LOCK.misses} wrong digits`);
    expect(response('get', '/track', 429)!.description).toContain(`${TRACK_CLIENT_LIMIT.requests} look-ups`);
    expect(response('post', '/uploads', 429)!.description).toContain(`${DAILY_QUOTAS.uploads} uploads`);
    expect(response('post', '/dossiers', 429)!.description).toContain(`${DAILY_QUOTAS.dossiers} dossiers`);
    for (const path of ['/dossiers', '/dossiers/{code}/supplement']) expect(response('post', path, 413)!.description).toContain(`${UPLOAD_LIMITS.maxDossierBytes} bytes (25 MB`);
    for (const path of ['/uploads/{id}/file', '/me/documents/{id}/file']) {
      expect(response('get', path, 200)!.headers).toMatchObject({ 'Content-Disposition': {}, 'X-Content-Type-Options': {}, 'Content-Security-Policy': {} });
    }
  });

  it('lists exactly the endpoints the simulated backend answers', () => {
    const served = (handlers as unknown[])
      .filter((h): h is HttpHandler => typeof (h as HttpHandler).info?.path === 'string')
      .map((h) => ({ method: String(h.info.method).toLowerCase(), path: String(h.info.path) }))
      .filter(({ path }) => path.startsWith('*/api/') && !path.startsWith('*/api/__mock/') && path !== '*/api/*' && path !== '*/api/openapi.json')
      .map(({ method, path }) => `${method} ${path.slice('*/api'.length).replace(/:(\w+)/g, '{$1}')}`);
    const listed = ENDPOINTS.map((e) => `${e.method} ${e.path}`);
    expect(listed.sort()).toEqual(served.sort());
  });

  it('is served by the simulated backend at /api/openapi.json with the server it was asked on', async () => {
    const response = await fetch('http://localhost:3000/api/openapi.json');
    expect(response.status).toBe(200);
    const served = (await response.json()) as Json;
    expect(served.servers).toEqual([{ url: 'http://localhost:3000/api' }]);
    expect(served.paths).toEqual(doc.paths);
  });
});
