import { s256 } from './idp.ts';

/**
 * The simulated VNeID driven as oidc-client-ts drives it in the browser (authorize, consent,
 * token), through msw/node: the sign-in steps that the backend's own tests share.
 */
export const origin = 'http://localhost:3000';
export const redirectUri = `${origin}/auth/callback`;
export const verifier = 'a'.repeat(20) + 'B'.repeat(23) + '-._~0123456789';

export const authorizeParams = (over: Record<string, string> = {}) =>
  new URLSearchParams({
    client_id: 'mot-cua-so',
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: 'openid profile',
    state: 'st-1',
    nonce: 'n-1',
    code_challenge: s256(verifier),
    code_challenge_method: 'S256',
    ui_locales: 'vi',
    ...over,
  });

export const consent = async (citizen: string, over: Record<string, string> = {}, decision = 'allow') => {
  const body = authorizeParams(over);
  body.set('citizen', citizen);
  body.set('decision', decision);
  return fetch(`${origin}/idp/authorize`, { method: 'POST', body, redirect: 'manual' });
};

export const codeFrom = (response: Response) => new URL(response.headers.get('Location') ?? '').searchParams.get('code') ?? '';

export const exchange = (code: string, codeVerifier = verifier) =>
  fetch(`${origin}/idp/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: 'mot-cua-so', code_verifier: codeVerifier }),
  });
