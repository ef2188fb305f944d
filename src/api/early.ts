/**
 * Requests started before the code that parses them has arrived. On a cold start the route's
 * chunk, zod and the locale download in parallel with its data instead of one after the other
 * (on 3G each step costs a round trip). The first apiRequest for the same path takes the
 * response; later ones fetch as usual. No zod here: this runs in the entry bundle.
 */
const pending = new Map<string, Promise<Response>>();

// Validated by config/env.ts when the API client loads; only read here.
const base = (): string => String(import.meta.env.VITE_API_BASE_URL ?? '/api').replace(/\/$/, '');

export const startEarly = (path: string): void => {
  if (pending.has(path)) return;
  const request = fetch(`${base()}${path}`, { headers: { Accept: 'application/json' } });
  // A failure is handled by whoever takes it; never an unhandled rejection.
  request.catch(() => undefined);
  pending.set(path, request);
  // Unclaimed responses (the user went elsewhere) do not linger.
  setTimeout(() => pending.delete(path), 30_000);
};

export const takeEarly = (path: string): Promise<Response> | undefined => {
  const request = pending.get(path);
  pending.delete(path);
  return request;
};
