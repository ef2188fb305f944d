import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { Connect, Plugin } from 'vite';
import { getResponse } from 'msw';
import { handlers } from './handlers.ts';

/**
 * Serves the simulated backend from the same HTTP server as the app (vite dev and vite
 * preview). The browser's only service worker is ours (Workbox), so msw cannot run there;
 * instead each /api request becomes a Fetch Request answered by msw's getResponse with the
 * very handlers the unit tests use (docs/architecture/decisions.md, 1).
 */
const readBody = async (req: IncomingMessage): Promise<Buffer | undefined> => {
  if (req.method === 'GET' || req.method === 'HEAD') return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

const toRequest = async (req: IncomingMessage): Promise<Request> => {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const body = await readBody(req);
  return new Request(new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`), {
    method: req.method,
    headers,
    body: body && body.length > 0 ? new Uint8Array(body) : undefined,
  });
};

const send = async (res: ServerResponse, req: IncomingMessage, response: Response): Promise<void> => {
  let body = Buffer.from(await response.arrayBuffer());
  response.headers.forEach((value, name) => {
    if (name !== 'content-length' && name !== 'content-encoding') res.setHeader(name, value);
  });
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
};

/** The simulated backend (/api, and the /idp and /pay pages) as Connect middleware; also scripts/mock-backend.ts. */
export const mockMiddleware: Connect.NextHandleFunction = (req, res, next) => {
  if (!req.url?.startsWith('/api/') && !req.url?.startsWith('/idp/') && !req.url?.startsWith('/pay/')) return next();
  void (async () => {
    try {
      const response = await getResponse(handlers, await toRequest(req));
      if (!response) return next();
      // HttpResponse.error() means "drop the connection": do exactly that.
      if (response.type === 'error') {
        req.socket.destroy();
        return;
      }
      await send(res, req, response);
    } catch (error) {
      next(error);
    }
  })();
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
