/**
 * The simulated backend on an origin of its own, as a real backend usually is: `/api` (and the
 * simulated VNeID at `/idp`, the card page at `/pay`) answered by the same handlers as
 * `npm start`, with CORS for the app's origin(s). Build the app against it with
 * `VITE_API_BASE_URL=http://127.0.0.1:<port>/api` (the cross-origin e2e does).
 *
 *   MOCK_PORT=4499 MOCK_ALLOWED_ORIGINS=http://localhost:4173 node scripts/mock-backend.ts
 *
 * MOCK_HOST (default 127.0.0.1), MOCK_LATENCY_MS and MOCK_LIFECYCLE_SECONDS work as with
 * `npm start`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { liveLifecycle, mockMiddleware } from '../mocks/vite-plugin.ts';

const port = Number(process.env.MOCK_PORT ?? 4499);
const host = process.env.MOCK_HOST ?? '127.0.0.1';
const allowedOrigins = new Set(
  (process.env.MOCK_ALLOWED_ORIGINS ?? 'http://localhost:4173')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean),
);

/** What the app sends: JSON, the citizen's token, idempotency keys, a file's name on upload. */
const ALLOWED_HEADERS = 'Accept, Authorization, Content-Type, Idempotency-Key, X-File-Name';
const ALLOWED_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE';

/**
 * CORS as a real backend would answer it: only the app's origins, no cookies (the app sends a
 * bearer token, never credentials), preflights cached for 10 minutes. Returns true when the
 * request has been answered (a preflight).
 */
export const cors = (req: IncomingMessage, res: ServerResponse): boolean => {
  const origin = req.headers.origin;
  const allowed = origin !== undefined && allowedOrigins.has(origin);
  res.setHeader('Vary', 'Origin');
  if (allowed) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    // Not a CORS-safelisted response header: the app reads it to say when to try again (429).
    res.setHeader('Access-Control-Expose-Headers', 'Retry-After');
  }
  if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
    if (allowed) {
      res.setHeader('Access-Control-Allow-Methods', ALLOWED_METHODS);
      res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
      res.setHeader('Access-Control-Max-Age', '600');
    }
    res.statusCode = allowed ? 204 : 403;
    res.end();
    return true;
  }
  return false;
};

liveLifecycle();
const server = createServer((req, res) => {
  if (cors(req, res)) return;
  mockMiddleware(req, res, (error?: unknown) => {
    res.statusCode = error ? 500 : 404;
    res.setHeader('Content-Type', 'application/problem+json');
    res.end(JSON.stringify({ title: error ? 'Mock backend error' : 'Not found', status: res.statusCode }));
    if (error) console.error(error);
  });
});
server.listen(port, host, () => {
  console.log(`mock backend: http://${host}:${port}/api (CORS for ${[...allowedOrigins].join(', ') || 'no origin'})`);
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
