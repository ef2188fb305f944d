/**
 * Sign-in return paths, apart from session.ts: every page reads the session, only the sign-in
 * flow (lazy routes and actions) needs this.
 */

const AFTER_SIGN_IN = '/me';

/**
 * Where to come back to after signing in: only paths inside the app, never the sign-in
 * callback. Decided the way the browser will read it — parsed as a URL against the app's origin,
 * origins compared — so `/\host`, `/<tab>/host` and the like (which browsers read as `//host`)
 * fall back to a safe path; the parsed path is what is returned.
 */
export const safeReturnTo = (value: string | null | undefined): string => {
  if (!value?.startsWith('/')) return AFTER_SIGN_IN;
  const origin = window.location.origin;
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return AFTER_SIGN_IN;
  }
  if (url.origin !== origin || url.pathname.toLowerCase().startsWith('/auth/')) return AFTER_SIGN_IN;
  return `${url.pathname}${url.search}${url.hash}`;
};
