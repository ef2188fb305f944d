import { createHash, createHmac, randomBytes } from 'node:crypto';
import { DataStore, type CorrectionReceipt, type CorrectionRequest } from '../src/api/me/schema.ts';
import { demoCitizens, type DemoCitizen } from './fixtures/citizens.ts';

/**
 * State of the simulated VNeID identity provider and of the personal data it fronts: one-time
 * authorization codes bound to a PKCE challenge, access tokens, each citizen's data store and
 * the correction requests they filed. Reset between tests; lives as long as the server does.
 */
export const CLIENT_ID = 'mot-cua-so';
export const TOKEN_TTL_SECONDS = 60 * 60;
const CODE_TTL_MS = 2 * 60 * 1000;
/** The simulator's signing key. A real IdP signs with its own key published at jwks_uri. */
const SIGNING_KEY = 'mot-cua-so-simulated-vneid';

interface PendingCode {
  citizenId: string;
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  nonce: string | undefined;
  expiresAt: number;
}

interface Token {
  citizenId: string;
  expiresAt: number;
}

interface State {
  codes: Map<string, PendingCode>;
  tokens: Map<string, Token>;
  stores: Map<string, DataStore>;
  corrections: { citizenId: string; request: CorrectionRequest; receipt: CorrectionReceipt }[];
}

const fresh = (): State => ({ codes: new Map(), tokens: new Map(), stores: new Map(), corrections: [] });
let state = fresh();

export const resetIdp = (): void => {
  state = fresh();
};

export const findCitizen = (id: string): DemoCitizen | undefined => demoCitizens.find((c) => c.id === id);

const randomToken = (bytes = 24) => randomBytes(bytes).toString('base64url');

/** base64url(SHA-256(verifier)), RFC 7636 §4.2. */
export const s256 = (verifier: string): string => createHash('sha256').update(verifier).digest('base64url');

export const issueCode = (pending: Omit<PendingCode, 'expiresAt'>, now = Date.now()): string => {
  const code = randomToken();
  state.codes.set(code, { ...pending, expiresAt: now + CODE_TTL_MS });
  return code;
};

export type CodeExchange =
  | { ok: true; citizenId: string; nonce: string | undefined }
  | { ok: false; error: 'invalid_grant' | 'invalid_client'; description: string };

/** A code is spent on first use, right or wrong: a replayed code never yields a token. */
export const redeemCode = (
  params: { code: string; clientId: string; redirectUri: string; codeVerifier: string },
  now = Date.now(),
): CodeExchange => {
  const pending = state.codes.get(params.code);
  state.codes.delete(params.code);
  if (!pending) return { ok: false, error: 'invalid_grant', description: 'Unknown or already used code' };
  if (pending.expiresAt <= now) return { ok: false, error: 'invalid_grant', description: 'Code expired' };
  if (pending.clientId !== params.clientId) return { ok: false, error: 'invalid_client', description: 'Code issued to another client' };
  if (pending.redirectUri !== params.redirectUri) return { ok: false, error: 'invalid_grant', description: 'redirect_uri differs from the authorization request' };
  if (!params.codeVerifier || s256(params.codeVerifier) !== pending.codeChallenge) {
    return { ok: false, error: 'invalid_grant', description: 'PKCE verification failed' };
  }
  return { ok: true, citizenId: pending.citizenId, nonce: pending.nonce };
};

export const issueAccessToken = (citizenId: string, now = Date.now()): string => {
  const token = randomToken(32);
  state.tokens.set(token, { citizenId, expiresAt: now + TOKEN_TTL_SECONDS * 1000 });
  return token;
};

/** The citizen a live access token belongs to; undefined when unknown, revoked or expired. */
export const citizenForToken = (token: string, now = Date.now()): string | undefined => {
  const found = state.tokens.get(token);
  return found && found.expiresAt > now ? found.citizenId : undefined;
};

/** Test control: every session ends at the provider while the app still believes it is live. */
export const expireAllTokens = (): void => {
  for (const token of state.tokens.values()) token.expiresAt = 0;
};

export const revokeTokensOf = (citizenId: string): void => {
  for (const [key, token] of state.tokens) if (token.citizenId === citizenId) state.tokens.delete(key);
};

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export const signJwt = (claims: Record<string, unknown>): string => {
  const unsigned = `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url(claims)}`;
  return `${unsigned}.${createHmac('sha256', SIGNING_KEY).update(unsigned).digest('base64url')}`;
};

/** Claims of a token this provider signed, or undefined (bad signature, not a JWT). */
export const verifyJwt = (jwt: string): Record<string, unknown> | undefined => {
  const [header, payload, signature] = jwt.split('.');
  if (!header || !payload || !signature) return undefined;
  const expected = createHmac('sha256', SIGNING_KEY).update(`${header}.${payload}`).digest('base64url');
  if (expected !== signature) return undefined;
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
};

/** OIDC standard claims for the ID token and userinfo ("profile" scope). */
export const profileClaims = (citizen: DemoCitizen) => {
  const { fullName, dateOfBirth, sex } = citizen.store.citizen;
  const words = fullName.split(' ');
  return {
    sub: citizen.id,
    name: fullName,
    given_name: words.at(-1) ?? fullName,
    family_name: words[0] ?? fullName,
    birthdate: dateOfBirth,
    gender: sex,
    // Level 2 of the electronic identity (Decree 69/2024): what online services require.
    acr: 'vneid:level2',
  };
};

/**
 * The citizen's data store as the national databases return it now. Created on first use from
 * the fixture and kept for the server's lifetime, so results and corrections accumulate.
 */
export const dataStoreFor = (citizenId: string, now = new Date()): DataStore | undefined => {
  const existing = state.stores.get(citizenId);
  if (existing) return existing;
  const citizen = findCitizen(citizenId);
  if (!citizen) return undefined;
  const at = now.toISOString();
  const store = DataStore.parse({
    ...structuredClone(citizen.store),
    sources: {
      citizen: { id: 'population-db', retrievedAt: at },
      contact: { id: 'vneid-account', retrievedAt: at },
      household: { id: 'population-db', retrievedAt: at },
      documents: { id: 'data-store', retrievedAt: at },
    },
  });
  state.stores.set(citizenId, store);
  return store;
};

export const fileCorrection = (citizenId: string, request: CorrectionRequest, now = new Date()): CorrectionReceipt => {
  const receipt: CorrectionReceipt = { id: `YC-${randomBytes(4).toString('hex').toUpperCase()}`, status: 'received', createdAt: now.toISOString() };
  state.corrections.push({ citizenId, request, receipt });
  return receipt;
};

export const correctionsOf = (citizenId: string) => state.corrections.filter((c) => c.citizenId === citizenId).map((c) => c.request);
