/**
 * Who is asking, for per-client limits: the peer address of the connection, which the server
 * (mocks/vite-plugin.ts) writes into this header after dropping any copy the client sent. A
 * backend behind a proxy would use the address its own proxy appends to X-Forwarded-For, never
 * a value the client can choose. In vitest (msw/node) tests set the header to play two clients.
 */
export const CLIENT_ADDRESS_HEADER = 'x-mock-client-address';

export const clientOf = (request: Request): string => request.headers.get(CLIENT_ADDRESS_HEADER) ?? 'unknown';
