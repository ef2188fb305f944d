import { OIDC_STORAGE_PREFIX } from './config.ts';
import { wipePersonalData } from './wipe.ts';
import { hasKeptSession, isExpired, notifySessionChange, readSession, setMemorySession } from './session.ts';
import { safeReturnTo } from './return-to.ts';
import { markSignedOut } from './signed-out.ts';

/** A refresh token that could not be kept encrypted is not left in the tab's storage in clear. */
const dropRefreshTokenFromTab = () => {
  for (const key of Object.keys(sessionStorage)) {
    if (!key.startsWith(`${OIDC_STORAGE_PREFIX}user:`)) continue;
    const { refresh_token: _, ...rest } = JSON.parse(sessionStorage.getItem(key) ?? '{}') as Record<string, unknown>;
    sessionStorage.setItem(key, JSON.stringify(rest));
  }
};

const oidc = () => import('./oidc.ts').then((m) => m.userManager());

/**
 * Off to the identity provider; back at `returnTo` once signed in. `keep`: stay signed in on this
 * phone (a refresh token, scope offline_access; only offered on a personal device).
 */
export const signIn = async (returnTo: string, options: { keep?: boolean } = {}): Promise<void> => {
  const keep = options.keep ?? hasKeptSession();
  // The provider's pages follow the app's language (<html lang> is kept in step with it).
  await (await oidc()).signinRedirect({
    state: { returnTo: safeReturnTo(returnTo), keep },
    ui_locales: document.documentElement.lang || 'vi',
    ...(keep ? { scope: 'openid profile offline_access' } : {}),
  });
};

/**
 * On /auth/callback: trade the code for tokens (PKCE verified by the library). `prepareDevice`
 * runs for the person now signed in before the app learns of the session (the caller drops
 * what another person left on the device: auth sits below offline and cannot reach it).
 */
export const completeSignIn = async (prepareDevice: (sub: string) => Promise<void>): Promise<string> => {
  const manager = await oidc();
  const user = await manager.signinRedirectCallback();
  await prepareDevice(user.profile.sub);
  const state = user.state as { returnTo?: string; keep?: boolean } | undefined;
  const keep = await import('./keep.ts');
  if (state?.keep && user.refresh_token && (await keep.keepAfterSignIn(user).catch(() => false))) {
    // Kept: the access token lives in memory, the refresh token encrypted; none in sessionStorage.
    await manager.removeUser();
  } else {
    // Not kept (a shared phone, or the citizen said no): no earlier kept session survives; the
    // device key does (residents' queued dossiers are sealed with it).
    await keep.forgetKeptSession();
    if (user.refresh_token) dropRefreshTokenFromTab();
  }
  notifySessionChange();
  return safeReturnTo(state?.returnTo);
};

/**
 * Sign out: wipe this person's data from the device first (it must go even if the identity
 * provider cannot be reached), then end the session at the provider, then leave with
 * location.replace so the back/forward cache cannot show the previous person's pages.
 */
export const signOut = async (): Promise<void> => {
  const session = readSession();
  // Registers the wipe of the kept session (revoked at the provider, then deleted with its key).
  await import('./keep.ts').catch(() => undefined);
  await wipePersonalData();
  setMemorySession(null);
  // After the wipe (which clears the tab's storage): the next page says it is done. And leave
  // from the top, so the router's scroll memory, saved as the page goes, cannot open the home
  // page scrolled down.
  markSignedOut();
  window.scrollTo(0, 0);
  if ('BroadcastChannel' in window) {
    const channel = new BroadcastChannel('mcs-session');
    channel.postMessage('signed-out');
    channel.close();
  }
  const online = navigator.onLine;
  if (session && online && !isExpired(session)) {
    try {
      const manager = await oidc();
      const url = new URL((await manager.metadataService.getEndSessionEndpoint()) ?? '/', window.location.origin);
      url.searchParams.set('id_token_hint', session.idToken);
      url.searchParams.set('post_logout_redirect_uri', manager.settings.post_logout_redirect_uri ?? window.location.origin);
      url.searchParams.set('client_id', manager.settings.client_id);
      window.location.replace(url.toString());
      return;
    } catch {
      // The provider is unreachable: the device is clean already, which is what matters here.
    }
  }
  window.location.replace('/');
};
