import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { Readable } from 'node:stream';
import type { Connect, Plugin } from 'vite';
import { getResponse, type RequestHandler } from 'msw';
import { problemType } from '../src/api/problem/schema.ts';
import { handlers } from './handlers.ts';
import { trackClientOverBudget } from './dossiers/limits.ts';
import { CLIENT_ADDRESS_HEADER } from './handlers/client.ts';
import { problem } from './handlers/problem.ts';

/**
 * Serves the simulated backend from the same HTTP server as the app (vite dev and vite
 * preview). The browser's only service worker is ours (Workbox), so msw cannot run there;
 * instead each /api request becomes a Fetch Request answered by msw's getResponse with the
 * very handlers the unit tests use (docs/architecture/decisions.md, 1).
 *
 * The request body is handed to the handlers as a stream, not read here: a handler refuses an
 * oversized body by its Content-Length before a byte of it is read (mocks/handlers/body.ts).
 */
const toRequest = (req: IncomingMessage): Request => {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name === CLIENT_ADDRESS_HEADER) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  // Per-client limits key on the connection's peer, never on anything the client sends.
  headers.set(CLIENT_ADDRESS_HEADER, req.socket.remoteAddress ?? 'unknown');
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD' && (req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0);
  return new Request(new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`), {
    method: req.method ?? 'GET',
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : null,
    duplex: 'half',
  } as RequestInit);
};

/** Headers every answer of the simulated backend carries, as a real deployment's would. */
const SECURITY_HEADERS = { 'X-Content-Type-Options': 'nosniff' } as const;

/**
 * One request answered by the handlers. A handler that throws gets a generic problem+json 500:
 * the details go to the server's log, never into the response (no stack, no file path).
 * Undefined when no handler answers (the app's own files); `Response.error()` passes through.
 */
export const respond = async (request: Request, list: readonly RequestHandler[] = handlers): Promise<Response | undefined> => {
  let response: Response | undefined;
  try {
    response = await getResponse([...list], request);
  } catch (error) {
    console.error(`[mock-api] ${request.method} ${new URL(request.url).pathname} failed:`, error);
    response = problem(500, 'internal-error', 'The server could not handle the request');
  }
  if (!response || response.type === 'error') return response;
  // A copy: a redirect's headers are immutable.
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
};

const send = async (res: ServerResponse, req: IncomingMessage, response: Response): Promise<void> => {
  let body = Buffer.from(await response.arrayBuffer());
  const setCookies = response.headers.getSetCookie();
  response.headers.forEach((value, name) => {
    if (name !== 'content-length' && name !== 'content-encoding' && name !== 'set-cookie') res.setHeader(name, value);
  });
  if (setCookies.length > 0) res.setHeader('Set-Cookie', setCookies);
  const type = response.headers.get('content-type') ?? '';
  if (body.length > 1024 && /json|text/.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
    body = gzipSync(body);
    res.setHeader('Content-Encoding', 'gzip');
    // Keep what is already there (Vary: Origin, on the backend's own origin).
    const vary = res.getHeader('Vary');
    res.setHeader('Vary', vary ? `${String(vary)}, Accept-Encoding` : 'Accept-Encoding');
  }
  res.setHeader('Content-Length', body.length);
  res.statusCode = response.status;
  res.end(body);
  // A refused body is not read by the handler. Closing the connection at once would reset it
  // while the client is still sending, and the client would see a broken pipe instead of the
  // 413. Node's own "lingering close" does not help here: the body is wired to the Request's
  // stream, which nobody reads any more, so the socket stalls. So: unhook that stream and
  // discard the rest, bounded (64 MB, 10 s), then the connection is reused or closed as usual.
  if (!req.complete) {
    req.removeAllListeners('data');
    let discarded = 0;
    const cut = setTimeout(() => req.socket.destroy(), 10_000);
    cut.unref();
    req.on('data', (chunk: Buffer) => {
      discarded += chunk.length;
      if (discarded > 64 * 1024 * 1024) req.socket.destroy();
    });
    req.once('end', () => clearTimeout(cut));
    req.once('close', () => clearTimeout(cut));
    req.resume();
  }
};

/**
 * A client already over its /track budget is answered here, before a Request is built or a
 * handler runs: a flood costs a map read and a small write per request (dossiers/limits.ts
 * counts and decides; the handler gives the same answer when this is bypassed, as in vitest).
 */
const refusedAtTheDoor = (req: IncomingMessage, res: ServerResponse): boolean => {
  const refusal = trackClientOverBudget(req.socket.remoteAddress ?? 'unknown');
  if (!refusal) return false;
  const body = JSON.stringify({ type: problemType(refusal.code), status: 429, code: refusal.code, title: refusal.title, retryAfter: refusal.retryAfter });
  res.writeHead(429, {
    'Content-Type': 'application/problem+json',
    'Retry-After': String(refusal.retryAfter),
    'Cache-Control': 'no-store',
    ...SECURITY_HEADERS,
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
  return true;
};

/** The simulated backend (/api, and the /idp and /pay pages) as Connect middleware; also scripts/mock-backend.ts. */
export const mockMiddleware: Connect.NextHandleFunction = (req, res, next) => {
  if (!req.url?.startsWith('/api/') && !req.url?.startsWith('/idp/') && !req.url?.startsWith('/pay/')) return next();
  if ((req.url === '/api/track' || req.url.startsWith('/api/track?')) && refusedAtTheDoor(req, res)) return;
  void (async () => {
    const response = await respond(toRequest(req));
    if (!response) return next();
    // HttpResponse.error() means "drop the connection": do exactly that.
    if (response.type === 'error') {
      req.socket.destroy();
      return;
    }
    await send(res, req, response);
  })().catch(() => {
    // The connection went away mid-answer: nothing left to tell anyone.
    if (!res.headersSent) req.socket.destroy();
  });
};

/**
 * Someone trying the app (`npm start`, `npm run dev`) sees their dossier move on by itself:
 * two minutes per step unless MOCK_LIFECYCLE_SECONDS says otherwise (e2e sets 0 and plays the
 * office through /api/__mock; unit tests never load this plugin).
 */
export const liveLifecycle = () => {
  process.env.MOCK_LIFECYCLE_SECONDS ??= '120';
};

export const mockApi = (): Plugin => ({
  name: 'mot-cua-so:mock-api',
  configureServer: (server) => {
    liveLifecycle();
    server.middlewares.use(mockMiddleware);
  },
  configurePreviewServer: (server) => {
    liveLifecycle();
    server.middlewares.use(mockMiddleware);
  },
});
