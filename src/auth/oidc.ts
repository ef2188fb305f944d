import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import { OIDC_STORAGE_PREFIX, oidcConfig } from './config.ts';

/**
 * The standard OIDC authorization-code flow with PKCE (oidc-client-ts does both). This module
 * is only imported dynamically: the library stays out of the first bundle.
 * Tokens and transient state live in sessionStorage (gone with the tab, wiped at sign-out),
 * never in localStorage.
 */
let manager: UserManager | undefined;

export const userManager = (): UserManager => {
  if (manager) return manager;
  const config = oidcConfig();
  const store = new WebStorageStateStore({ store: window.sessionStorage, prefix: OIDC_STORAGE_PREFIX });
  manager = new UserManager({
    authority: config.authority,
    client_id: config.clientId,
    redirect_uri: config.redirectUri,
    post_logout_redirect_uri: config.postLogoutRedirectUri,
    response_type: 'code',
    scope: 'openid profile',
    userStore: store,
    stateStore: store,
    loadUserInfo: false,
    automaticSilentRenew: false,
    monitorSession: false,
  });
  return manager;
};
