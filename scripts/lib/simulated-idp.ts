import { createHash, randomBytes, randomUUID } from 'node:crypto';

/**
 * An access token for `citizen` from the simulated VNeID at `idp` (its base URL, e.g.
 * `http://localhost:4173/idp`), got the way the app gets one: authorization code with PKCE, the
 * consent page answered "allow". For tests and the conformance suite that need to act as a
 * citizen without the browser journey. Throws, saying which step failed, when there is no code
 * or no token (a real identity provider has no such consent form).
 */
export const signInAtSimulatedIdp = async (idp: string, citizen: string): Promise<string> => {
  const verifier = randomBytes(32).toString('base64url');
  const redirectUri = `${new URL(idp).origin}/auth/callback`;
  const form = new URLSearchParams({
    client_id: 'mot-cua-so',
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: 'openid profile',
    state: randomUUID(),
    nonce: randomUUID(),
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    ui_locales: 'vi',
    citizen,
    decision: 'allow',
  });
  const consent = await fetch(`${idp}/authorize`, { method: 'POST', body: form, redirect: 'manual' });
  const code = new URL(consent.headers.get('Location') ?? 'about:blank').searchParams.get('code');
  if (!code) throw new Error(`the simulated VNeID at ${idp} gave no code for ${citizen} (${consent.status})`);
  const token = await fetch(`${idp}/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: 'mot-cua-so', code_verifier: verifier }),
  });
  const tokens = (await token.json()) as { access_token?: string };
  if (!tokens.access_token) throw new Error(`the simulated VNeID at ${idp} issued no access token (${token.status})`);
  return tokens.access_token;
};
