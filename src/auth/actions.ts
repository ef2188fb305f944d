import { wipePersonalData } from './wipe.ts';
import { isExpired, notifySessionChange, readSession } from './session.ts';
import { safeReturnTo } from './return-to.ts';

const oidc = () => import('./oidc.ts').then((m) => m.userManager());

/** Off to the identity provider; back at `returnTo` once signed in. */
export const signIn = async (returnTo: string): Promise<void> => {
  // The provider's pages follow the app's language (<html lang> is kept in step with it).
  await (await oidc()).signinRedirect({ state: { returnTo: safeReturnTo(returnTo) }, ui_locales: document.documentElement.lang || 'vi' });
};

/**
 * On /auth/callback: trade the code for tokens (PKCE verified by the library). `prepareDevice`
 * runs for the person now signed in before the app learns of the session (the caller drops
 * what another person left on the device: auth sits below offline and cannot reach it).
 */
export const completeSignIn = async (prepareDevice: (sub: string) => Promise<void>): Promise<string> => {
  const user = await (await oidc()).signinRedirectCallback();
  await prepareDevice(user.profile.sub);
  notifySessionChange();
  const state = user.state as { returnTo?: string } | undefined;
  return safeReturnTo(state?.returnTo);
};

/**
 * Sign out: wipe this person's data from the device first (it must go even if the identity
 * provider cannot be reached), then end the session at the provider, then leave with
 * location.replace so the back/forward cache cannot show the previous person's pages.
 */
export const signOut = async (): Promise<void> => {
  const session = readSession();
  await wipePersonalData();
  notifySessionChange();
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
