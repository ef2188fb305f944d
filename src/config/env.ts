import { z } from 'zod/mini';

/**
 * Start-up configuration, parsed when the API client first loads (zod stays out of the first
 * bundle). VITE_API_BASE_URL points the app at a real backend; VITE_OIDC_AUTHORITY and
 * VITE_OIDC_CLIENT_ID at a real identity provider. The defaults are the simulated ones served
 * beside the app.
 */
const pathOrUrl = z.string().check(z.regex(/^(\/|https?:\/\/)/, 'must be a path or an http(s) URL'));

const Env = z.object({
  VITE_API_BASE_URL: z._default(pathOrUrl, '/api'),
  VITE_OIDC_AUTHORITY: z.optional(z.string().check(z.regex(/^https?:\/\//, 'must be an http(s) URL'))),
  VITE_OIDC_CLIENT_ID: z.optional(z.string().check(z.minLength(1))),
});

const parsed = Env.safeParse(import.meta.env);
if (!parsed.success) {
  throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
}

export const env = {
  apiBaseUrl: parsed.data.VITE_API_BASE_URL.replace(/\/$/, ''),
} as const;
