import { z } from 'zod/mini';

/**
 * Start-up configuration, parsed once. VITE_API_BASE_URL points the app at a real backend;
 * the default "/api" is the simulated one served beside the app. zod/mini keeps this cheap
 * enough to run before first render.
 */
const Env = z.object({
  VITE_API_BASE_URL: z._default(z.string().check(z.regex(/^(\/|https?:\/\/)/, 'must be a path or an http(s) URL')), '/api'),
});

const parsed = Env.safeParse(import.meta.env);
if (!parsed.success) {
  throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
}

export const env = {
  apiBaseUrl: parsed.data.VITE_API_BASE_URL.replace(/\/$/, ''),
} as const;
