/**
 * Identity provider settings. The defaults point at the simulated VNeID served beside the app
 * (mocks/handlers/idp.ts); a real IdP is configuration only: VITE_OIDC_AUTHORITY and
 * VITE_OIDC_CLIENT_ID at build time (validated in config/env.ts when the API client loads).
 */
export const oidcConfig = () => ({
  authority: String(import.meta.env.VITE_OIDC_AUTHORITY ?? `${window.location.origin}/idp`),
  clientId: String(import.meta.env.VITE_OIDC_CLIENT_ID ?? 'mot-cua-so'),
  redirectUri: `${window.location.origin}/auth/callback`,
  postLogoutRedirectUri: `${window.location.origin}/`,
});

/** Every key the identity library writes starts with this, so the session can be read cheaply. */
export const OIDC_STORAGE_PREFIX = 'mcs.oidc.';
