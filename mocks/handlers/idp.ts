import { http, HttpResponse } from 'msw';
import { CorrectionRequest, DATA_SCOPES } from '../../src/api/me/schema.ts';
import { requestedParts, withinScope } from '../data-scope.ts';
import { consentForDelegation } from '../assisted.ts';
import { demoCitizens, type DemoCitizen } from '../fixtures/citizens.ts';
import {
  CLIENT_ID,
  TOKEN_TTL_SECONDS,
  citizenForToken,
  dataStoreFor,
  correctionsOf,
  fileCorrection,
  findCitizen,
  issueAccessToken,
  issueCode,
  profileClaims,
  redeemCode,
  revokeTokensOf,
  revokeToken,
  rotateRefreshToken,
  startRefreshFamily,
  SIGNING_ALG,
  citizenForSubject,
  decideUserCode,
  DEVICE_GRANT_TYPE,
  DEVICE_TOKEN_TTL_SECONDS,
  issueDeviceAccessToken,
  normaliseUserCode,
  pollDeviceCode,
  startDeviceAuthorization,
  userCodeState,
  type UserCodeState,
  publicJwks,
  signJwt,
  verifyIdToken,
  delegationOfToken,
  issueDelegatedToken,
  subjectFor,
} from '../idp.ts';
import { storedDocumentPdf } from '../pdf.ts';
import { randomUUID } from 'node:crypto';
import { ACCESS_TOKEN_TYPE, CONSENT_TOKEN_TYPE, TOKEN_EXCHANGE_GRANT } from '../../src/api/assisted/schema.ts';
import { exchangeConsentToken } from '../assisted.ts';
import { readForm, readJson } from './body.ts';
import { storedFileHeaders } from './files.ts';
import { problem } from './problem.ts';

/**
 * The simulated VNeID: a standard OpenID Connect provider (authorization code + PKCE S256) with
 * an authorize page where a demo citizen is chosen and consents, and the personal-data API that
 * trusts its access tokens. The app talks to it exactly as it would to the real one.
 */
const issuerOf = (request: Request) => `${new URL(request.url).origin}/idp`;

const noStore = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };

const bearer = (request: Request): string | undefined => /^Bearer\s+(\S+)$/i.exec(request.headers.get('Authorization') ?? '')?.[1];

/** The signed-in citizen behind a request's access token, if it is live. */
export const currentCitizenId = (request: Request): string | undefined => {
  const token = bearer(request);
  return token ? citizenForToken(token) : undefined;
};

const sessionExpired = () => {
  const response = problem(401, 'session-expired', 'Sign in again');
  response.headers.set('WWW-Authenticate', 'Bearer error="invalid_token"');
  response.headers.set('Cache-Control', 'no-store');
  return response;
};

// ---------------------------------------------------------------------------------------------
// The authorize page: plain HTML, no script, styles from a file (the CSP allows nothing inline).
// ---------------------------------------------------------------------------------------------

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

type Lang = 'vi' | 'en';

const TEXT = {
  vi: {
    title: 'Đăng nhập bằng tài khoản định danh điện tử',
    brand: 'VNeID — bản mô phỏng',
    lead: 'Ứng dụng Một Cửa Số xin đăng nhập bằng tài khoản định danh điện tử mức độ 2 của bạn.',
    demo: 'Đây là nhà cung cấp định danh mô phỏng dùng để thử nghiệm. Hãy chọn một công dân mẫu; không có mật khẩu thật nào được hỏi.',
    choose: 'Chọn công dân mẫu',
    consent: 'Một Cửa Số sẽ được xem',
    scopes: [
      'Họ tên, ngày sinh, giới tính và số định danh cá nhân',
      'Thông tin cư trú và hộ gia đình trong Cơ sở dữ liệu quốc gia về dân cư',
      'Số điện thoại, email và giấy tờ trong kho dữ liệu của bạn',
    ],
    allow: 'Đồng ý và đăng nhập',
    deny: 'Từ chối',
    missing: 'Hãy chọn một công dân mẫu để tiếp tục.',
    badRequest: 'Yêu cầu đăng nhập không hợp lệ',
    badRequestBody: 'Ứng dụng đã gửi một yêu cầu đăng nhập mà nhà cung cấp định danh không chấp nhận. Hãy quay lại ứng dụng và thử lại.',
    signedOut: 'Bạn đã đăng xuất khỏi VNeID.',
    badLogout: 'Yêu cầu đăng xuất không hợp lệ',
    badLogoutBody: 'Nhà cung cấp định danh không chấp nhận yêu cầu đăng xuất này, nên không phiên đăng nhập nào bị thay đổi. Hãy quay lại ứng dụng và đăng xuất từ đó.',
    back: 'Quay lại Một Cửa Số',
    deviceTitle: 'Đăng nhập trên máy tự phục vụ',
    deviceLead: 'Bạn đang cho phép máy tự phục vụ tại trung tâm hành chính công dùng tài khoản của bạn trong lượt này. Chỉ đồng ý khi mã dưới đây giống mã trên màn hình của máy.',
    deviceCode: 'Mã trên màn hình máy',
    deviceCodeHint: '8 chữ cái, ví dụ BCDF-GHJK',
    deviceContinue: 'Tiếp tục',
    deviceAllowed: 'Đã đăng nhập trên máy tự phục vụ. Hãy quay lại màn hình của máy.',
    deviceDenied: 'Bạn đã từ chối. Máy tự phục vụ không được đăng nhập.',
    device_unknown: 'Không có mã này. Hãy kiểm tra mã trên màn hình của máy.',
    device_expired: 'Mã này đã hết hạn. Hãy bắt đầu lại trên máy tự phục vụ.',
    device_used: 'Mã này đã được dùng. Mỗi mã chỉ dùng cho một người, một lần.',
  },
  en: {
    title: 'Sign in with your electronic identity',
    brand: 'VNeID — simulator',
    lead: 'Một Cửa Số asks to sign you in with your level-2 electronic identity account.',
    demo: 'This is a simulated identity provider for testing. Choose a demo citizen; no real password is asked for.',
    choose: 'Choose a demo citizen',
    consent: 'Một Cửa Số will be able to see',
    scopes: [
      'Your full name, date of birth, sex and personal ID number',
      'Your residence and household in the national population database',
      'Your phone number, email and the papers in your data store',
    ],
    allow: 'Allow and sign in',
    deny: 'Decline',
    missing: 'Choose a demo citizen to continue.',
    badRequest: 'Invalid sign-in request',
    badRequestBody: 'The app sent a sign-in request the identity provider does not accept. Go back to the app and try again.',
    signedOut: 'You are signed out of VNeID.',
    badLogout: 'Invalid sign-out request',
    badLogoutBody: 'The identity provider did not accept this sign-out request, so no session was changed. Go back to the app and sign out from there.',
    back: 'Back to Một Cửa Số',
    deviceTitle: 'Sign in on a self-service kiosk',
    deviceLead: 'You are letting the kiosk at the public administration service centre use your account for this visit. Only allow it if the code below is the one on the kiosk’s screen.',
    deviceCode: 'Code on the kiosk’s screen',
    deviceCodeHint: '8 letters, for example BCDF-GHJK',
    deviceContinue: 'Continue',
    deviceAllowed: 'You are signed in on the kiosk. Go back to its screen.',
    deviceDenied: 'You declined. The kiosk is not signed in.',
    device_unknown: 'There is no such code. Check the code on the kiosk’s screen.',
    device_expired: 'This code has expired. Start again on the kiosk.',
    device_used: 'This code has already been used. Each code is for one person, once.',
  },
} as const;

const langOf = (uiLocales: string | null): Lang => (uiLocales?.split(' ')[0]?.startsWith('en') ? 'en' : 'vi');

const page = (lang: Lang, title: string, main: string, status = 200) =>
  new HttpResponse(
    `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/idp/idp.css">
</head>
<body>
<header class="bar"><p class="brand">${escapeHtml(TEXT[lang].brand)}</p></header>
<main>
${main}
</main>
</body>
</html>`,
    { status, headers: { 'Content-Type': 'text/html; charset=utf-8', ...noStore, 'X-Frame-Options': 'DENY' } },
  );

/** The parameters of an authorization request that the page carries from GET to POST. */
const AUTHORIZE_PARAMS = ['client_id', 'redirect_uri', 'response_type', 'scope', 'state', 'nonce', 'code_challenge', 'code_challenge_method', 'ui_locales'] as const;

type AuthorizeRequest = Record<(typeof AUTHORIZE_PARAMS)[number], string>;

/**
 * The app's origins: the one serving this provider (`npm start`), and those scripts/mock-backend.ts
 * serves with CORS when the provider runs on an origin of its own (MOCK_ALLOWED_ORIGINS).
 */
const appOrigins = (request: Request): string[] => [
  new URL(request.url).origin,
  ...(process.env.MOCK_ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean),
];

/**
 * The only redirect URIs registered for the app, on an origin of the app: its own callback, and
 * assisted mode's, where a resident's sign-in on a volunteer's phone only records a consent.
 */
const REDIRECT_PATHS = ['/auth/callback', '/assist/signed-in'];
const isRegisteredRedirect = (request: Request, uri: string) => appOrigins(request).some((origin) => REDIRECT_PATHS.some((path) => uri === `${origin}${path}`));

/** The post-logout redirect URIs registered for the app, compared exactly (no prefix, no query). */
const registeredPostLogout = (request: Request) => appOrigins(request).map((origin) => `${origin}/`);

/**
 * RFC 6749 §4.1.2.1: a bad client or redirect URI is shown to the user (never redirected to);
 * anything else wrong goes back to the app as an error.
 */
const validateAuthorize = (request: Request, params: URLSearchParams): { request: AuthorizeRequest } | { page: Response } | { redirect: string } => {
  const values = Object.fromEntries(AUTHORIZE_PARAMS.map((k) => [k, params.get(k) ?? ''])) as AuthorizeRequest;
  const lang = langOf(values.ui_locales);
  if (values.client_id !== CLIENT_ID || !isRegisteredRedirect(request, values.redirect_uri)) {
    return { page: page(lang, TEXT[lang].badRequest, `<h1>${escapeHtml(TEXT[lang].badRequest)}</h1><p>${escapeHtml(TEXT[lang].badRequestBody)}</p>`, 400) };
  }
  const back = (error: string, description: string) => {
    const url = new URL(values.redirect_uri);
    url.searchParams.set('error', error);
    url.searchParams.set('error_description', description);
    if (values.state) url.searchParams.set('state', values.state);
    return { redirect: url.toString() };
  };
  if (values.response_type !== 'code') return back('unsupported_response_type', 'Only the authorization code flow is supported');
  if (!values.scope.split(' ').includes('openid')) return back('invalid_scope', 'The openid scope is required');
  if (values.code_challenge_method !== 'S256' || !/^[A-Za-z0-9_-]{43}$/.test(values.code_challenge)) {
    return back('invalid_request', 'PKCE with S256 is required');
  }
  return { request: values };
};

const citizenChoice = (citizen: DemoCitizen, lang: Lang, checked: boolean) => {
  const id = `citizen-${escapeHtml(citizen.id)}`;
  return `<div class="choice">
<input type="radio" name="citizen" id="${id}" value="${escapeHtml(citizen.id)}" required${checked ? ' checked' : ''}>
<label for="${id}"><strong>${escapeHtml(citizen.store.citizen.fullName)}</strong><span>${escapeHtml(citizen.summary[lang])}</span></label>
</div>`;
};

const authorizePage = (values: AuthorizeRequest, chosen: string | undefined, missing: boolean) => {
  const lang = langOf(values.ui_locales);
  const t = TEXT[lang];
  const hidden = AUTHORIZE_PARAMS.map((k) => `<input type="hidden" name="${k}" value="${escapeHtml(values[k])}">`).join('\n');
  return page(
    lang,
    t.title,
    `<h1>${escapeHtml(t.title)}</h1>
<p>${escapeHtml(t.lead)}</p>
<p class="note">${escapeHtml(t.demo)}</p>
${missing ? `<p class="error" role="alert">${escapeHtml(t.missing)}</p>` : ''}
<form method="post" action="/idp/authorize">
${hidden}
<fieldset>
<legend>${escapeHtml(t.choose)}</legend>
${demoCitizens.map((c) => citizenChoice(c, lang, c.id === chosen)).join('\n')}
</fieldset>
<h2>${escapeHtml(t.consent)}</h2>
<ul>${t.scopes.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul>
<div class="actions">
<button type="submit" name="decision" value="allow" class="primary">${escapeHtml(t.allow)}</button>
<button type="submit" name="decision" value="deny" formnovalidate>${escapeHtml(t.deny)}</button>
</div>
</form>`,
    missing ? 400 : 200,
  );
};

/** The phone's page of the device flow: type (or scan) the kiosk's code, choose, allow. */
const devicePage = (lang: Lang, userCode: string, error: Exclude<UserCodeState, 'pending'> | 'missing' | undefined, status = 200) => {
  const t = TEXT[lang];
  const message = error === 'missing' ? t.missing : error ? t[`device_${error}`] : undefined;
  const alert = message ? `<p class="error" role="alert">${escapeHtml(message)}</p>` : '';
  const codeField = `<label for="user_code"><strong>${escapeHtml(t.deviceCode)}</strong></label>
<p class="note" id="user_code_hint">${escapeHtml(t.deviceCodeHint)}</p>
<input id="user_code" name="user_code" value="${escapeHtml(userCode)}" autocomplete="off" autocapitalize="characters" aria-describedby="user_code_hint" required>`;
  // Until the code is known to be live, only the code is asked for.
  const known = userCode !== '' && (error === undefined || error === 'missing');
  const body = known
    ? `<form method="post" action="/idp/device">
<input type="hidden" name="ui_locales" value="${lang}">
${codeField}
<fieldset>
<legend>${escapeHtml(t.choose)}</legend>
${demoCitizens.map((c) => citizenChoice(c, lang, false)).join('\n')}
</fieldset>
<h2>${escapeHtml(t.consent)}</h2>
<ul>${t.scopes.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul>
<div class="actions">
<button type="submit" name="decision" value="allow" class="primary">${escapeHtml(t.allow)}</button>
<button type="submit" name="decision" value="deny" formnovalidate>${escapeHtml(t.deny)}</button>
</div>
</form>`
    : `<form method="get" action="/idp/device">
<input type="hidden" name="ui_locales" value="${lang}">
${codeField}
<div class="actions"><button type="submit" class="primary">${escapeHtml(t.deviceContinue)}</button></div>
</form>`;
  return page(lang, t.deviceTitle, `<h1>${escapeHtml(t.deviceTitle)}</h1>
<p>${escapeHtml(t.deviceLead)}</p>
<p class="note">${escapeHtml(t.demo)}</p>
${alert}
${body}`, status);
};

const IDP_CSS = `*{box-sizing:border-box}
body{margin:0;font:1.0625rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#f4f6f8}
.bar{background:#a50e0e;color:#fff;padding:.75rem 1rem}
.brand{margin:0;font-weight:700}
main{max-width:36rem;margin:0 auto;padding:1rem}
h1{font-size:1.4rem;line-height:1.3}
h2{font-size:1.1rem;margin-top:1.5rem}
.note{background:#fff8e1;border-left:4px solid #8a6d00;padding:.5rem .75rem}
.error{background:#fdecea;border-left:4px solid #b3261e;padding:.5rem .75rem;color:#7a1a14;font-weight:600}
fieldset{border:0;padding:0;margin:1rem 0}
input[name=user_code]{font:inherit;font-size:1.5rem;letter-spacing:.1em;min-height:48px;width:100%;padding:.25rem .5rem;border:2px solid #3d4349;border-radius:8px;text-transform:uppercase}
legend{font-weight:700;font-size:1.1rem;margin-bottom:.5rem}
.choice{display:flex;gap:.75rem;align-items:flex-start;background:#fff;border:1px solid #c4c9ce;border-radius:8px;padding:.75rem;margin-bottom:.5rem}
.choice input{width:1.5rem;height:1.5rem;margin:.15rem 0 0;flex:none}
.choice label{display:flex;flex-direction:column;gap:.15rem;cursor:pointer}
.choice span{color:#3d4349;font-size:.95rem}
.actions{display:flex;flex-direction:column;gap:.75rem;margin-top:1.5rem}
button,a.button{min-height:48px;font:inherit;font-weight:600;border-radius:8px;border:2px solid #a50e0e;background:#fff;color:#a50e0e;padding:.5rem 1rem;text-align:center;text-decoration:none;display:block}
button.primary{background:#a50e0e;color:#fff}
:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}
`;

// ---------------------------------------------------------------------------------------------

const DEVICE_ERRORS = {
  authorization_pending: 'Not approved on a phone yet',
  slow_down: 'Polling too fast: wait longer between polls',
  expired_token: 'The device code expired; start again',
  access_denied: 'The person declined',
  invalid_grant: 'Unknown or already used device code',
  invalid_client: 'Device code issued to another client',
} as const;

const tokenError = (error: string, description: string, status = 400) =>
  HttpResponse.json({ error, error_description: description }, { status, headers: noStore });

/**
 * OAuth 2.0 Token Exchange (RFC 8693) for assisted mode (docs/domain/assisted.md): the subject is
 * the resident's confirmed consent (its one-use handle), the actor the volunteer's own access
 * token; the answer is a delegated access token for the resident, a JWT whose `act` names the
 * volunteer, ending with the consent (or when it is revoked).
 */
const tokenExchange = (request: Request, form: URLSearchParams, now: number) => {
  if (form.get('client_id') !== CLIENT_ID) return tokenError('invalid_client', 'Unknown client', 401);
  if (form.get('subject_token_type') !== CONSENT_TOKEN_TYPE) return tokenError('invalid_request', `subject_token_type must be ${CONSENT_TOKEN_TYPE}`);
  if (form.get('actor_token_type') !== ACCESS_TOKEN_TYPE) return tokenError('invalid_request', `actor_token_type must be ${ACCESS_TOKEN_TYPE}`);
  const requested = form.get('requested_token_type');
  if (requested !== null && requested !== ACCESS_TOKEN_TYPE) return tokenError('invalid_request', 'Only an access token can be issued');
  const actorToken = form.get('actor_token') ?? '';
  // The actor acts as themself: a delegated token cannot be exchanged again (no chains).
  const actorId = delegationOfToken(actorToken) ? undefined : citizenForToken(actorToken);
  const actor = actorId ? findCitizen(actorId) : undefined;
  if (!actor?.volunteer) return tokenError('invalid_grant', actorId ? 'The actor is not a volunteer' : 'The actor token is not live');
  const exchanged = exchangeConsentToken(form.get('subject_token') ?? '', actor.id);
  if (!exchanged.ok) return tokenError('invalid_grant', exchanged.description);
  const resident = findCitizen(exchanged.residentId);
  if (!resident) return tokenError('invalid_grant', 'Unknown subject');
  const exp = Math.floor(exchanged.validUntil / 1000);
  const scope = [...exchanged.scope.procedures.map((p) => `procedure:${p}`), ...exchanged.scope.data.map((d) => `data:${d}`)].join(' ');
  const accessToken = signJwt({
    iss: issuerOf(request),
    sub: subjectFor(resident.id),
    aud: CLIENT_ID,
    iat: now,
    exp,
    jti: randomUUID(),
    name: resident.store.citizen.fullName,
    act: { sub: subjectFor(actor.id), name: actor.store.citizen.fullName, team: actor.volunteer.team },
    consent_id: exchanged.consentId,
    scope,
  });
  issueDelegatedToken(accessToken, resident.id, { actorId: actor.id, consentId: exchanged.consentId }, exchanged.validUntil);
  return HttpResponse.json(
    { access_token: accessToken, issued_token_type: ACCESS_TOKEN_TYPE, token_type: 'Bearer', expires_in: Math.max(1, exp - now), scope },
    { headers: noStore },
  );
};

export const idpHandlers = [
  http.get('*/idp/.well-known/openid-configuration', ({ request }) => {
    const issuer = issuerOf(request);
    return HttpResponse.json(
      {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        userinfo_endpoint: `${issuer}/userinfo`,
        end_session_endpoint: `${issuer}/logout`,
        revocation_endpoint: `${issuer}/revoke`,
        device_authorization_endpoint: `${issuer}/device_authorization`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'],
        grant_types_supported: ['authorization_code', 'refresh_token', DEVICE_GRANT_TYPE, TOKEN_EXCHANGE_GRANT],
        subject_types_supported: ['pairwise'],
        id_token_signing_alg_values_supported: [SIGNING_ALG],
        code_challenge_methods_supported: ['S256'],
        scopes_supported: ['openid', 'profile', 'offline_access'],
        token_endpoint_auth_methods_supported: ['none'],
        revocation_endpoint_auth_methods_supported: ['none'],
        claims_supported: ['sub', 'name', 'given_name', 'family_name', 'birthdate', 'gender', 'acr', 'roles', 'volunteer_team', 'volunteer_commune_code', 'volunteer_commune', 'act'],
        ui_locales_supported: ['vi', 'en'],
      },
      { headers: { 'Cache-Control': 'no-cache' } },
    );
  }),
  // The public half of the signing key: anyone can check an ID token came from here.
  http.get('*/idp/jwks', () => HttpResponse.json(publicJwks(), { headers: { 'Cache-Control': 'no-cache' } })),
  http.get('*/idp/idp.css', () => new HttpResponse(IDP_CSS, { headers: { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'no-cache' } })),

  http.get('*/idp/authorize', ({ request }) => {
    const checked = validateAuthorize(request, new URL(request.url).searchParams);
    if ('page' in checked) return checked.page;
    if ('redirect' in checked) return HttpResponse.redirect(checked.redirect, 302);
    return authorizePage(checked.request, undefined, false);
  }),
  http.post('*/idp/authorize', async ({ request }) => {
    const form = await readForm(request);
    const checked = validateAuthorize(request, form);
    if ('page' in checked) return checked.page;
    if ('redirect' in checked) return HttpResponse.redirect(checked.redirect, 303);
    const values = checked.request;
    const back = new URL(values.redirect_uri);
    if (values.state) back.searchParams.set('state', values.state);
    if (form.get('decision') !== 'allow') {
      back.searchParams.set('error', 'access_denied');
      back.searchParams.set('error_description', 'The citizen declined');
      return HttpResponse.redirect(back.toString(), 303);
    }
    const citizen = findCitizen(form.get('citizen') ?? '');
    if (!citizen) return authorizePage(values, undefined, true);
    back.searchParams.set(
      'code',
      issueCode({ citizenId: citizen.id, clientId: values.client_id, redirectUri: values.redirect_uri, codeChallenge: values.code_challenge, nonce: values.nonce || undefined, scope: values.scope }),
    );
    return HttpResponse.redirect(back.toString(), 303);
  }),

  http.post('*/idp/token', async ({ request }) => {
    const form = await readForm(request);
    const grant = form.get('grant_type');
    const now = Math.floor(Date.now() / 1000);
    const idTokenFor = (citizen: DemoCitizen, nonce?: string) =>
      signJwt({ iss: issuerOf(request), aud: CLIENT_ID, iat: now, exp: now + TOKEN_TTL_SECONDS, auth_time: now, ...(nonce ? { nonce } : {}), ...profileClaims(citizen) });
    if (grant === 'refresh_token') {
      if (form.get('client_id') !== CLIENT_ID) return tokenError('invalid_client', 'Unknown client', 401);
      const rotated = rotateRefreshToken(form.get('refresh_token') ?? '');
      // The reason is in the description for people; the app reads `error` (always invalid_grant).
      if (!rotated.ok) return tokenError('invalid_grant', `Refresh token ${rotated.reason}`);
      const citizen = findCitizen(rotated.citizenId);
      if (!citizen) return tokenError('invalid_grant', 'Unknown subject');
      return HttpResponse.json(
        {
          access_token: issueAccessToken(citizen.id, Date.now(), rotated.family),
          token_type: 'Bearer',
          expires_in: TOKEN_TTL_SECONDS,
          id_token: idTokenFor(citizen),
          refresh_token: rotated.refreshToken,
          scope: 'openid profile offline_access',
        },
        { headers: noStore },
      );
    }
    if (grant === DEVICE_GRANT_TYPE) {
      const polled = pollDeviceCode(form.get('device_code') ?? '', form.get('client_id') ?? '');
      if (!polled.ok) {
        const body = { error: polled.error, error_description: DEVICE_ERRORS[polled.error], ...(polled.interval ? { interval: polled.interval } : {}) };
        return HttpResponse.json(body, { status: polled.error === 'invalid_client' ? 401 : 400, headers: noStore });
      }
      const citizen = findCitizen(polled.citizenId);
      if (!citizen) return tokenError('invalid_grant', 'Unknown subject');
      // A shared device: a short access token and an ID token, never a refresh token.
      return HttpResponse.json(
        {
          access_token: issueDeviceAccessToken(citizen.id),
          token_type: 'Bearer',
          expires_in: DEVICE_TOKEN_TTL_SECONDS,
          id_token: signJwt({ iss: issuerOf(request), aud: CLIENT_ID, iat: now, exp: now + DEVICE_TOKEN_TTL_SECONDS, auth_time: now, ...profileClaims(citizen) }),
          scope: 'openid profile',
        },
        { headers: noStore },
      );
    }
    if (grant === TOKEN_EXCHANGE_GRANT) return tokenExchange(request, form, now);
    if (grant !== 'authorization_code') return tokenError('unsupported_grant_type', 'Only authorization_code, refresh_token, device_code and token-exchange are supported');
    const result = redeemCode({
      code: form.get('code') ?? '',
      clientId: form.get('client_id') ?? '',
      redirectUri: form.get('redirect_uri') ?? '',
      codeVerifier: form.get('code_verifier') ?? '',
    });
    if (!result.ok) return tokenError(result.error, result.description, result.error === 'invalid_client' ? 401 : 400);
    const citizen = findCitizen(result.citizenId);
    if (!citizen) return tokenError('invalid_grant', 'Unknown subject');
    // offline_access: a refresh token, so the citizen's own phone stays signed in.
    const offline = result.scope.split(' ').includes('offline_access') ? startRefreshFamily(citizen.id) : undefined;
    return HttpResponse.json(
      {
        access_token: issueAccessToken(citizen.id, Date.now(), offline?.family),
        token_type: 'Bearer',
        expires_in: TOKEN_TTL_SECONDS,
        id_token: idTokenFor(citizen, result.nonce),
        ...(offline ? { refresh_token: offline.refreshToken, scope: 'openid profile offline_access' } : { scope: 'openid profile' }),
      },
      { headers: noStore },
    );
  }),

  /** RFC 8628 §3.1–3.2: a kiosk asks for a device code and a user code to show. */
  http.post('*/idp/device_authorization', async ({ request }) => {
    const form = await readForm(request);
    if (form.get('client_id') !== CLIENT_ID) return tokenError('invalid_client', 'Unknown client', 401);
    const scope = form.get('scope') ?? 'openid profile';
    // A shared device never stays signed in: offline_access is not granted here.
    if (scope.split(' ').includes('offline_access')) return tokenError('invalid_scope', 'offline_access is not granted to a device');
    const auth = startDeviceAuthorization(CLIENT_ID);
    const verification = `${issuerOf(request)}/device`;
    return HttpResponse.json(
      {
        device_code: auth.deviceCode,
        user_code: auth.userCode,
        verification_uri: verification,
        verification_uri_complete: `${verification}?user_code=${encodeURIComponent(auth.userCode)}`,
        expires_in: Math.round((auth.expiresAt - Date.now()) / 1000),
        interval: auth.interval,
      },
      { headers: noStore },
    );
  }),
  http.get('*/idp/device', ({ request }) => {
    const params = new URL(request.url).searchParams;
    const lang = langOf(params.get('ui_locales') ?? request.headers.get('Accept-Language'));
    const raw = params.get('user_code');
    if (raw === null || raw.trim() === '') return devicePage(lang, '', undefined);
    const userCode = normaliseUserCode(raw);
    const found = userCodeState(userCode);
    return found === 'pending' ? devicePage(lang, userCode, undefined) : devicePage(lang, userCode, found, found === 'unknown' ? 404 : 410);
  }),
  http.post('*/idp/device', async ({ request }) => {
    const form = await readForm(request);
    const lang = langOf(form.get('ui_locales') ?? request.headers.get('Accept-Language'));
    const userCode = normaliseUserCode(form.get('user_code') ?? '');
    const t = TEXT[lang];
    if (form.get('decision') !== 'allow') {
      const outcome = decideUserCode(userCode, { allowed: false });
      if (outcome !== 'decided') return devicePage(lang, userCode, outcome, 409);
      return page(lang, t.deviceTitle, `<h1>${escapeHtml(t.deviceTitle)}</h1><p role="status">${escapeHtml(t.deviceDenied)}</p>`);
    }
    const citizen = findCitizen(form.get('citizen') ?? '');
    if (!citizen) {
      const found = userCodeState(userCode);
      return devicePage(lang, userCode, found === 'pending' ? 'missing' : found, found === 'pending' ? 400 : 409);
    }
    const outcome = decideUserCode(userCode, { allowed: true, citizenId: citizen.id });
    if (outcome !== 'decided') return devicePage(lang, userCode, outcome, 409);
    return page(lang, t.deviceTitle, `<h1>${escapeHtml(t.deviceTitle)}</h1><p role="status">${escapeHtml(t.deviceAllowed)}</p>`);
  }),

  /** RFC 7009 token revocation: 200 whatever the token (an unknown one is no error). */
  http.post('*/idp/revoke', async ({ request }) => {
    const form = await readForm(request);
    if (form.get('client_id') !== CLIENT_ID) return tokenError('invalid_client', 'Unknown client', 401);
    revokeToken(form.get('token') ?? '');
    return new HttpResponse(null, { status: 200, headers: noStore });
  }),

  http.get('*/idp/userinfo', ({ request }) => {
    const citizen = findCitizen(currentCitizenId(request) ?? '');
    if (!citizen) return new HttpResponse(null, { status: 401, headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"', ...noStore } });
    return HttpResponse.json(profileClaims(citizen), { headers: noStore });
  }),

  /**
   * RP-initiated logout 1.0: ends every session of the citizen named by id_token_hint, which
   * must be an unexpired ID token this provider signed for the app; then back to the app only
   * at a registered post-logout URI, matched exactly. Anything else is refused before any
   * session is touched, on the provider's own page (never a redirect).
   */
  http.get('*/idp/logout', ({ request }) => {
    const params = new URL(request.url).searchParams;
    const lang = langOf(params.get('ui_locales'));
    const refused = () => page(lang, TEXT[lang].badLogout, `<h1>${escapeHtml(TEXT[lang].badLogout)}</h1><p>${escapeHtml(TEXT[lang].badLogoutBody)}</p><p><a class="button" href="/">${escapeHtml(TEXT[lang].back)}</a></p>`, 400);
    const hint = params.get('id_token_hint');
    const clientId = params.get('client_id');
    if (clientId !== null && clientId !== CLIENT_ID) return refused();
    let citizenId: string | undefined;
    if (hint) {
      const checked = verifyIdToken(hint, { issuer: issuerOf(request), audience: CLIENT_ID });
      if (!checked.ok) return refused();
      citizenId = citizenForSubject(checked.claims.sub);
    }
    const target = params.get('post_logout_redirect_uri');
    // A redirect needs to know the client (a valid hint or client_id) and an exact registered URI.
    if (target !== null && ((!hint && clientId === null) || !registeredPostLogout(request).includes(target))) return refused();
    if (citizenId) revokeTokensOf(citizenId);
    if (target !== null) {
      const url = new URL(target);
      const state = params.get('state');
      if (state) url.searchParams.set('state', state);
      return HttpResponse.redirect(url.toString(), 302);
    }
    return page(lang, TEXT[lang].signedOut, `<h1>${escapeHtml(TEXT[lang].signedOut)}</h1><p><a class="button" href="/">${escapeHtml(TEXT[lang].back)}</a></p>`);
  }),

  // -------------------------------------------------------------------------------------------
  // The personal data store, behind the provider's access token. Never cacheable.
  // -------------------------------------------------------------------------------------------
  http.get('*/api/me', ({ request }) => {
    const citizenId = currentCitizenId(request);
    if (!citizenId) return sessionExpired();
    const store = dataStoreFor(citizenId);
    if (!store) return sessionExpired();
    const { parts, unknown } = requestedParts(new URL(request.url));
    if (unknown.length > 0) return problem(400, 'unknown-data-part', 'Parts of the data store are identity, residence, household, contact and documents', { parts: unknown });
    // A volunteer helping (a delegated token): only what the resident's consent lists.
    const token = bearer(request);
    const delegation = token ? delegationOfToken(token) : undefined;
    const consent = delegation ? consentForDelegation(delegation.consentId) : undefined;
    if (consent && 'ok' in consent) return problem(consent.status, consent.code, consent.title);
    const allowed = consent ? consent.record.scope.data : DATA_SCOPES;
    const outside = (parts ?? []).filter((p) => !allowed.includes(p));
    if (outside.length > 0) {
      const refused = problem(403, 'outside-consent', 'The resident did not consent to the use of these parts of their data', { parts: outside });
      refused.headers.set('Cache-Control', 'no-store');
      return refused;
    }
    const view = parts || consent ? withinScope(store, parts ?? allowed) : store;
    return HttpResponse.json(view, { headers: { ...noStore, Vary: 'Authorization' } });
  }),
  http.post('*/api/me/corrections', async ({ request }) => {
    const citizenId = currentCitizenId(request);
    if (!citizenId) return sessionExpired();
    const parsed = CorrectionRequest.safeParse(await readJson(request));
    if (!parsed.success) return problem(422, 'invalid-correction', 'A correction needs the field, its current value and the proposed value');
    if (parsed.data.proposedValue.trim() === '' || parsed.data.proposedValue === parsed.data.currentValue) {
      return problem(422, 'invalid-correction', 'The proposed value must differ from the current one');
    }
    return HttpResponse.json(fileCorrection(citizenId, parsed.data), { status: 201, headers: noStore });
  }),
  http.get('*/api/me/corrections', ({ request }) => {
    const citizenId = currentCitizenId(request);
    if (!citizenId) return sessionExpired();
    return HttpResponse.json(correctionsOf(citizenId), { headers: { ...noStore, Vary: 'Authorization' } });
  }),
  http.get('*/api/me/documents/:id/file', ({ request, params }) => {
    const citizenId = currentCitizenId(request);
    if (!citizenId) return sessionExpired();
    const doc = dataStoreFor(citizenId)?.documents.find((d) => d.id === params.id);
    if (!doc) return problem(404, 'document-not-found', 'No such document in your data store');
    const pdf = storedDocumentPdf(doc);
    return new HttpResponse(pdf, {
      headers: { ...storedFileHeaders(doc.file.name, 'application/pdf'), ...noStore },
    });
  }),
];
