import { createHash, createHmac, generateKeyPairSync, randomBytes, sign, timingSafeEqual, verify } from 'node:crypto';
import { DataStore, type Correction, type CorrectionReceipt, type CorrectionRequest } from '../src/api/me/schema.ts';
import { demoCitizens, type DemoCitizen } from './fixtures/citizens.ts';
import { VOLUNTEER_ROLE } from '../src/api/assisted/schema.ts';

/**
 * State of the simulated VNeID identity provider and of the personal data it fronts: one-time
 * authorization codes bound to a PKCE challenge, access tokens, each citizen's data store and
 * the correction requests they filed. Reset between tests; lives as long as the server does.
 */
export const CLIENT_ID = 'mot-cua-so';
export const TOKEN_TTL_SECONDS = 60 * 60;
/** A refresh token unused for 30 days dies (the phone was away too long). */
export const REFRESH_IDLE_SECONDS = 30 * 24 * 60 * 60;
/** However it is used, a session family ends 90 days after the sign-in. */
export const REFRESH_ABSOLUTE_SECONDS = 90 * 24 * 60 * 60;
const CODE_TTL_MS = 2 * 60 * 1000;

/**
 * The provider's signing key pair, made when the server starts: the private half never leaves
 * this process (nor the source), the public half is published at jwks_uri. RS256, the
 * algorithm every OpenID provider must offer.
 */
const keyPair = generateKeyPairSync('rsa', { modulusLength: 2048 });
const publicJwk = keyPair.publicKey.export({ format: 'jwk' });
/** RFC 7638 thumbprint: the key's id changes whenever the key does. */
const KEY_ID = createHash('sha256').update(JSON.stringify({ e: publicJwk.e, kty: publicJwk.kty, n: publicJwk.n })).digest('base64url');
export const SIGNING_ALG = 'RS256';

/** What jwks_uri publishes. */
export const publicJwks = () => ({ keys: [{ ...publicJwk, kid: KEY_ID, use: 'sig', alg: SIGNING_ALG }] });

/**
 * Subjects are pairwise (OIDC Core §8.1): each client gets its own stable identifier for a
 * citizen, an HMAC of the personal ID number, so no client learns the ID number from `sub` nor
 * can match citizens with another client. The secret must outlive restarts (devices key drafts
 * by `sub`); a deployment sets its own.
 */
const SUBJECT_SECRET = process.env.MOCK_IDP_SUBJECT_SECRET ?? 'simulated-vneid-pairwise-subjects-dev-only';

interface PendingCode {
  citizenId: string;
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  nonce: string | undefined;
  /** Space-separated scopes granted; `offline_access` earns a refresh token. */
  scope?: string | undefined;
  expiresAt: number;
}

interface Token {
  citizenId: string;
  expiresAt: number;
  /** A delegated token (RFC 8693): the volunteer acting and the consent it rests on. */
  delegation?: { actorId: string; consentId: string } | undefined;
  /** The refresh-token family this access token came from, if any: it dies with the family. */
  family?: string | undefined;
}

/**
 * A chain of refresh tokens from one sign-in ("session family"). Each refresh spends the token
 * it presents and issues the next; presenting a spent one again means it was copied, so the
 * whole family ends (OAuth 2.0 Security BCP, RFC 9700 §4.14.2).
 */
interface Family {
  citizenId: string;
  /** Absolute end: no refresh past it, however active the citizen is. */
  absoluteExpiresAt: number;
  ended: boolean;
}

interface RefreshToken {
  family: string;
  /** Idle end: unused for this long, the token is dead. */
  expiresAt: number;
  used: boolean;
}

interface State {
  codes: Map<string, PendingCode>;
  tokens: Map<string, Token>;
  families: Map<string, Family>;
  refreshTokens: Map<string, RefreshToken>;
  stores: Map<string, DataStore>;
  corrections: { citizenId: string; request: CorrectionRequest; receipt: CorrectionReceipt }[];
}

const fresh = (): State => ({ codes: new Map(), tokens: new Map(), families: new Map(), refreshTokens: new Map(), stores: new Map(), corrections: [] });
let state = fresh();

export const resetIdp = (): void => {
  state = fresh();
  resetDeviceFlow();
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
  | { ok: true; citizenId: string; nonce: string | undefined; scope: string }
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
  return { ok: true, citizenId: pending.citizenId, nonce: pending.nonce, scope: pending.scope ?? 'openid profile' };
};

export const issueAccessToken = (citizenId: string, now = Date.now(), family?: string): string => {
  const token = randomToken(32);
  state.tokens.set(token, { citizenId, expiresAt: now + TOKEN_TTL_SECONDS * 1000, family });
  return token;
};

const newRefreshToken = (family: string, now: number): string => {
  const token = randomToken(32);
  state.refreshTokens.set(token, { family, expiresAt: now + REFRESH_IDLE_SECONDS * 1000, used: false });
  return token;
};

/** A new session family at sign-in (scope offline_access): its first refresh token. */
export const startRefreshFamily = (citizenId: string, now = Date.now()): { refreshToken: string; family: string } => {
  const family = randomToken(16);
  state.families.set(family, { citizenId, absoluteExpiresAt: now + REFRESH_ABSOLUTE_SECONDS * 1000, ended: false });
  return { refreshToken: newRefreshToken(family, now), family };
};

const endFamily = (family: string): void => {
  const found = state.families.get(family);
  if (found) found.ended = true;
  for (const [key, token] of state.tokens) if (token.family === family) state.tokens.delete(key);
};

export type RefreshResult =
  | { ok: true; citizenId: string; refreshToken: string; family: string }
  | { ok: false; reason: 'unknown' | 'reused' | 'revoked' | 'expired' };

/**
 * grant_type=refresh_token with rotation: the presented token is spent, a new one issued in the
 * same family. A spent token presented again ends the family (and its access tokens).
 */
export const rotateRefreshToken = (presented: string, now = Date.now()): RefreshResult => {
  const token = state.refreshTokens.get(presented);
  if (!token) return { ok: false, reason: 'unknown' };
  const family = state.families.get(token.family);
  if (!family) return { ok: false, reason: 'unknown' };
  if (token.used) {
    endFamily(token.family);
    return { ok: false, reason: 'reused' };
  }
  if (family.ended) return { ok: false, reason: 'revoked' };
  if (token.expiresAt <= now || family.absoluteExpiresAt <= now) return { ok: false, reason: 'expired' };
  token.used = true;
  return { ok: true, citizenId: family.citizenId, refreshToken: newRefreshToken(token.family, now), family: token.family };
};

/**
 * RFC 7009: a refresh token ends its family; an access token ends alone. Unknown tokens are
 * ignored (the endpoint answers 200 either way).
 */
export const revokeToken = (token: string): void => {
  const refresh = state.refreshTokens.get(token);
  if (refresh) endFamily(refresh.family);
  state.tokens.delete(token);
};

/** Test control: every refresh-token family ends, as when the citizen signs out elsewhere. */
export const revokeAllRefreshTokens = (): void => {
  for (const family of state.families.keys()) endFamily(family);
};

/** The citizen a live access token belongs to; undefined when unknown, revoked or expired. */
export const citizenForToken = (token: string, now = Date.now()): string | undefined => {
  const found = state.tokens.get(token);
  return found && found.expiresAt > now ? found.citizenId : undefined;
};

/** RFC 8693: a token for `citizenId` acted with by `actorId` under a consent, ending with it. */
export const issueDelegatedToken = (token: string, citizenId: string, delegation: { actorId: string; consentId: string }, expiresAt: number): void => {
  state.tokens.set(token, { citizenId, expiresAt, delegation });
};

/** The delegation a token carries, live or not (the consent's state says whether it may act). */
export const delegationOfToken = (token: string): { citizenId: string; actorId: string; consentId: string; expiresAt: number } | undefined => {
  const found = state.tokens.get(token);
  return found?.delegation ? { citizenId: found.citizenId, ...found.delegation, expiresAt: found.expiresAt } : undefined;
};

/** A consent ended: every token issued under it dies. */
export const revokeDelegatedTokens = (consentId: string): void => {
  // Kept, dead: the gate still knows which consent a presented token was for.
  for (const token of state.tokens.values()) if (token.delegation?.consentId === consentId) token.expiresAt = 0;
};

/** Test control: every session ends at the provider while the app still believes it is live. */
export const expireAllTokens = (): void => {
  for (const token of state.tokens.values()) token.expiresAt = 0;
  // The provider-side session is over: kept sessions cannot renew either.
  for (const family of state.families.values()) family.ended = true;
};

export const revokeTokensOf = (citizenId: string): void => {
  // A volunteer's delegated token for this citizen ends with its consent, not with their sign-out.
  for (const [key, token] of state.tokens) if (token.citizenId === citizenId && !token.delegation) state.tokens.delete(key);
  for (const [key, family] of state.families) if (family.citizenId === citizenId) endFamily(key);
};

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export const signJwt = (claims: Record<string, unknown>): string => {
  const unsigned = `${base64url({ alg: SIGNING_ALG, typ: 'JWT', kid: KEY_ID })}.${base64url(claims)}`;
  return `${unsigned}.${sign('sha256', Buffer.from(unsigned), keyPair.privateKey).toString('base64url')}`;
};

const decodePart = (part: string): Record<string, unknown> | undefined => {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
};

export type IdTokenCheck = { ok: true; claims: Record<string, unknown> & { sub: string } } | { ok: false; reason: string };

/**
 * An ID token this provider issued to `audience`, still valid: RS256 with our key (any other
 * algorithm, `none` included, is refused), our issuer, the audience, a live `exp`.
 */
export const verifyIdToken = (jwt: string, expected: { issuer: string; audience: string }, now = Date.now()): IdTokenCheck => {
  const [header, payload, signature, extra] = jwt.split('.');
  if (!header || !payload || !signature || extra !== undefined) return { ok: false, reason: 'not a JWS' };
  const head = decodePart(header);
  if (head?.alg !== SIGNING_ALG || head.kid !== KEY_ID) return { ok: false, reason: 'unknown algorithm or key' };
  if (!verify('sha256', Buffer.from(`${header}.${payload}`), keyPair.publicKey, Buffer.from(signature, 'base64url'))) return { ok: false, reason: 'bad signature' };
  const claims = decodePart(payload);
  if (!claims || typeof claims.sub !== 'string') return { ok: false, reason: 'no subject' };
  if (claims.iss !== expected.issuer) return { ok: false, reason: 'another issuer' };
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.includes(expected.audience)) return { ok: false, reason: 'another audience' };
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= now) return { ok: false, reason: 'expired' };
  return { ok: true, claims: claims as Record<string, unknown> & { sub: string } };
};

/** The pairwise subject of a citizen for one client. */
export const subjectFor = (citizenId: string, clientId: string = CLIENT_ID): string =>
  createHmac('sha256', SUBJECT_SECRET).update(`${clientId}\u0000${citizenId}`).digest('base64url');

/** The citizen behind a pairwise subject of a client, if any. */
export const citizenForSubject = (sub: string, clientId: string = CLIENT_ID): string | undefined => {
  const wanted = Buffer.from(sub);
  return demoCitizens.find((c) => {
    const candidate = Buffer.from(subjectFor(c.id, clientId));
    return candidate.length === wanted.length && timingSafeEqual(candidate, wanted);
  })?.id;
};

/** OIDC standard claims for the ID token and userinfo ("profile" scope). */
export const profileClaims = (citizen: DemoCitizen, clientId: string = CLIENT_ID) => {
  const { fullName, dateOfBirth, sex } = citizen.store.citizen;
  const words = fullName.split(' ');
  return {
    sub: subjectFor(citizen.id, clientId),
    name: fullName,
    given_name: words.at(-1) ?? fullName,
    family_name: words[0] ?? fullName,
    birthdate: dateOfBirth,
    gender: sex,
    // Level 2 of the electronic identity (Decree 69/2024): what online services require.
    acr: 'vneid:level2',
    // A community digital-technology volunteer (docs/domain/assisted.md): role, team, commune.
    ...(citizen.volunteer
      ? { roles: [VOLUNTEER_ROLE], volunteer_team: citizen.volunteer.team, volunteer_commune_code: citizen.volunteer.communeCode, volunteer_commune: citizen.volunteer.communeName }
      : {}),
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

/** This citizen's requests, oldest first: what was asked and when. */
export const correctionsOf = (citizenId: string): Correction[] =>
  state.corrections.filter((c) => c.citizenId === citizenId).map((c) => ({ ...c.request, ...c.receipt }));

// ---------------------------------------------------------------------------------------------
// OAuth 2.0 Device Authorization Grant (RFC 8628), for kiosks: the kiosk shows a code, the
// person approves on their own phone, the kiosk polls. Short-lived access only, never a refresh
// token; a code is approved once (a second person scanning the same QR gets nothing).
// ---------------------------------------------------------------------------------------------

export const DEVICE_CODE_TTL_SECONDS = 10 * 60;
export const DEVICE_POLL_INTERVAL_SECONDS = 5;
/**
 * The interval a new device code is given: RFC 8628's 5 s, unless MOCK_DEVICE_POLL_SECONDS (a
 * whole number ≥ 1) says otherwise. The end-to-end tests set 1: a kiosk sign-in waits out the
 * interval after each approval, three times a kiosk journey. Slowing down stays +5 s either way.
 */
const devicePollSeconds = (): number => {
  const seconds = Number(process.env.MOCK_DEVICE_POLL_SECONDS ?? '');
  return Number.isInteger(seconds) && seconds >= 1 ? seconds : DEVICE_POLL_INTERVAL_SECONDS;
};
/** A kiosk session is one visit to the hall: its access token ends well before a phone's. */
export const DEVICE_TOKEN_TTL_SECONDS = 20 * 60;
export const DEVICE_GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:device_code';

interface DeviceAuthorization {
  deviceCode: string;
  userCode: string;
  clientId: string;
  expiresAt: number;
  interval: number;
  lastPollAt: number;
  /** Set by the first approval (or refusal) on a phone; nothing changes it afterwards. */
  decision?: { allowed: true; citizenId: string } | { allowed: false };
  redeemed: boolean;
}

const devices = new Map<string, DeviceAuthorization>();
const byUserCode = new Map<string, string>();

export const resetDeviceFlow = (): void => {
  devices.clear();
  byUserCode.clear();
};

/** RFC 8628 §6.1: 8 letters from an alphabet without vowels or look-alikes, typed as XXXX-XXXX. */
const USER_CODE_ALPHABET = 'BCDFGHJKLMNPQRSTVWXZ';
const newUserCode = (): string => {
  const bytes = randomBytes(8);
  const letters = [...bytes].map((b) => USER_CODE_ALPHABET[b % USER_CODE_ALPHABET.length]).join('');
  return `${letters.slice(0, 4)}-${letters.slice(4)}`;
};

export const normaliseUserCode = (input: string): string => {
  const letters = input.toUpperCase().replace(/[^A-Z]/g, '');
  return letters.length === 8 ? `${letters.slice(0, 4)}-${letters.slice(4)}` : letters;
};

export const startDeviceAuthorization = (clientId: string, now = Date.now()): DeviceAuthorization => {
  let userCode = newUserCode();
  while (byUserCode.has(userCode)) userCode = newUserCode();
  const auth: DeviceAuthorization = {
    deviceCode: randomToken(32),
    userCode,
    clientId,
    expiresAt: now + DEVICE_CODE_TTL_SECONDS * 1000,
    interval: devicePollSeconds(),
    lastPollAt: 0,
    redeemed: false,
  };
  devices.set(auth.deviceCode, auth);
  byUserCode.set(userCode, auth.deviceCode);
  return auth;
};

/** Test control: every device code outstanding is past its expiry (expired_token without a 10-minute wait). */
export const expireDeviceCodes = (now = Date.now()): void => {
  for (const auth of devices.values()) auth.expiresAt = Math.min(auth.expiresAt, now);
};

export type UserCodeState = 'pending' | 'unknown' | 'expired' | 'used';

/** What the approval page may do with a user code. */
export const userCodeState = (userCode: string, now = Date.now()): UserCodeState => {
  const deviceCode = byUserCode.get(normaliseUserCode(userCode));
  const auth = deviceCode ? devices.get(deviceCode) : undefined;
  if (!auth) return 'unknown';
  if (auth.decision || auth.redeemed) return 'used';
  if (auth.expiresAt <= now) return 'expired';
  return 'pending';
};

/** The first decision on a phone counts; any later one is refused with the state it found. */
export const decideUserCode = (userCode: string, decision: { allowed: true; citizenId: string } | { allowed: false }, now = Date.now()): Exclude<UserCodeState, 'pending'> | 'decided' => {
  const found = userCodeState(userCode, now);
  if (found !== 'pending') return found;
  const auth = devices.get(byUserCode.get(normaliseUserCode(userCode)) ?? '');
  if (!auth) return 'unknown';
  auth.decision = decision;
  return 'decided';
};

export type DevicePoll =
  | { ok: true; citizenId: string }
  | { ok: false; error: 'authorization_pending' | 'slow_down' | 'expired_token' | 'access_denied' | 'invalid_grant' | 'invalid_client'; interval?: number };

/** One poll of the kiosk (RFC 8628 §3.4–3.5). Polling faster than the interval slows it by 5 s. */
export const pollDeviceCode = (deviceCode: string, clientId: string, now = Date.now()): DevicePoll => {
  const auth = devices.get(deviceCode);
  if (!auth || auth.redeemed) return { ok: false, error: 'invalid_grant' };
  if (auth.clientId !== clientId) return { ok: false, error: 'invalid_client' };
  if (auth.expiresAt <= now) return { ok: false, error: 'expired_token' };
  const early = auth.lastPollAt > 0 && now - auth.lastPollAt < auth.interval * 1000;
  auth.lastPollAt = now;
  if (early) {
    auth.interval += 5;
    return { ok: false, error: 'slow_down', interval: auth.interval };
  }
  if (!auth.decision) return { ok: false, error: 'authorization_pending' };
  if (!auth.decision.allowed) {
    auth.redeemed = true;
    return { ok: false, error: 'access_denied' };
  }
  auth.redeemed = true;
  return { ok: true, citizenId: auth.decision.citizenId };
};

/** Access token of a kiosk session: short, no family, so nothing can renew it. */
export const issueDeviceAccessToken = (citizenId: string, now = Date.now()): string => {
  const token = randomToken(32);
  state.tokens.set(token, { citizenId, expiresAt: now + DEVICE_TOKEN_TTL_SECONDS * 1000 });
  return token;
};
