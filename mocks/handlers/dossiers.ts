import { http, HttpResponse } from 'msw';
import { z } from 'zod/mini';
import { DossierStatus, LocalisedText, ReceiptLookup, SubmitDossier, SubmitSupplement, type Payment } from '../../src/api/dossiers/schema.ts';
import { formDefinitions } from '../fixtures/forms.ts';
import { advanceDossier, allDossiers, getDossier, listDossiers, setProcedureClosed, submitDossier, submitSupplement, withdrawDossier } from '../dossiers/lifecycle.ts';
import { listNotifications, markNotificationsRead } from '../dossiers/notifications.ts';
import { completePayment, expirePayment, gatewayView, getPayment, startPayment } from '../dossiers/payments.ts';
import type { Failure, Outcome } from '../dossiers/state.ts';
import { trackDossier } from '../dossiers/tracking.ts';
import { expireReceiptToken, renewReceiptToken, trackByReceipt } from '../dossiers/receipts.ts';
import { storeUpload, uploadedFile } from '../dossiers/uploads.ts';
import { quotaExhausted } from '../dossiers/limits.ts';
import { knownKey } from '../dossiers/state.ts';
import { clientOf } from './client.ts';
import { storedFileHeaders } from './files.ts';
import { csrfToken, gatewaySession, openGatewaySession, sessionCookie, validCsrf, withCheckoutToken } from '../gateway-session.ts';
import { dataStoreFor } from '../idp.ts';
import { lockedValuesChanged, refusedValues } from './forms.ts';
import { currentCitizenId } from './idp.ts';
import { BODY_LIMITS, readBytes, readForm, readJson } from './body.ts';
import { problem } from './problem.ts';
import { delegationOf } from './assisted.ts';
import { assistedByOf, recordAssistedSubmission } from '../assisted.ts';

/** The app's public tracking page, for the resident's SMS (MOCK_APP_ORIGIN when the API is elsewhere). */
const trackUrlOf = (request: Request) => `${process.env.MOCK_APP_ORIGIN ?? new URL(request.url).origin}/track`;

/**
 * Dossiers (hồ sơ) and everything around them: file uploads, submission, the citizen's list,
 * withdrawal and supplements, notifications, public tracking and the payment gateway. Writes
 * that must happen exactly once take an Idempotency-Key; personal answers are never cacheable.
 */
const noStore = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };
const personal = { ...noStore, Vary: 'Authorization' };

const personalProblem = (status: number, code: string, title: string, extra?: Record<string, unknown>) => {
  const response = problem(status, code, title, extra);
  response.headers.set('Cache-Control', 'no-store');
  return response;
};

const sessionExpired = () => {
  const response = personalProblem(401, 'session-expired', 'Sign in again');
  response.headers.set('WWW-Authenticate', 'Bearer error="invalid_token"');
  return response;
};

const failure = (f: Failure) => {
  const response = personalProblem(f.status, f.code, f.title, { ...f.extra, ...(f.retryAfter === undefined ? {} : { retryAfter: f.retryAfter }) });
  if (f.retryAfter !== undefined) response.headers.set('Retry-After', String(f.retryAfter));
  return response;
};

/** 201 the first time, 200 when an idempotency key replayed an earlier request. */
const answer = <T,>(outcome: Outcome<T>, firstStatus = 201) => {
  if (!outcome.ok) return failure(outcome);
  return HttpResponse.json(outcome.value as object, {
    status: outcome.created ? firstStatus : 200,
    headers: { ...personal, ...(outcome.created ? {} : { 'Idempotent-Replayed': 'true' }) },
  });
};

const ok = (body: object) => HttpResponse.json(body, { headers: personal });

/** RFC draft "The Idempotency-Key HTTP Header Field": a quoted-string or plain token, ≤ 255 chars. */
const idempotencyKey = (request: Request): string | undefined => {
  const raw = request.headers.get('Idempotency-Key')?.trim().replace(/^"(.*)"$/, '$1');
  return raw && raw.length <= 255 ? raw : undefined;
};
const keyRequired = () => personalProblem(400, 'idempotency-key-required', 'This request needs an Idempotency-Key header');


const AdvanceBody = z.object({ to: DossierStatus, message: z.optional(LocalisedText), items: z.optional(z.array(LocalisedText)) });

export const dossierHandlers = [
  // ---- Uploads: raw bytes, one file per request --------------------------------------------
  http.post('*/api/uploads', async ({ request }) => {
    const citizenId = currentCitizenId(request);
    if (!citizenId) return sessionExpired();
    const key = idempotencyKey(request);
    if (!key) return keyRequired();
    // Over today's quota: refused before a byte is read (a retry of a stored upload still replays).
    const exhausted = knownKey(citizenId, 'upload', key) ? undefined : quotaExhausted(citizenId, 'uploads');
    if (exhausted) return failure(exhausted);
    // Refused by Content-Length before a byte is read; counted while reading otherwise.
    const bytes = await readBytes(request, BODY_LIMITS.fileBytes, { code: 'file-too-large', title: `A file may be at most ${BODY_LIMITS.fileBytes} bytes` });
    return answer(await storeUpload(citizenId, key, request.headers.get('X-File-Name'), bytes));
  }),
  http.get('*/api/uploads/:id/file', ({ request, params }) => {
    const citizenId = currentCitizenId(request);
    if (!citizenId) return sessionExpired();
    const file = uploadedFile(citizenId, String(params.id));
    if (!file) return personalProblem(404, 'upload-not-found', 'No such upload');
    return new HttpResponse(file.bytes.slice(), { headers: { ...storedFileHeaders(file.upload.name, file.upload.mime), ...personal } });
  }),

  // ---- Dossiers ------------------------------------------------------------------------------
  http.get('*/api/dossiers', ({ request }) => {
    const citizenId = currentCitizenId(request);
    if (!citizenId) return sessionExpired();
    return ok({ dossiers: listDossiers(citizenId) });
  }),
  http.post('*/api/dossiers', async ({ request }) => {
    const citizenId = currentCitizenId(request);
    if (!citizenId) return sessionExpired();
    const key = idempotencyKey(request);
    if (!key) return keyRequired();
    const exhausted = knownKey(citizenId, 'submit', key) ? undefined : quotaExhausted(citizenId, 'dossiers');
    if (exhausted) return failure(exhausted);
    const parsed = SubmitDossier.safeParse(await readJson(request));
    if (!parsed.success) return personalProblem(422, 'invalid-body', 'Expected { procedureId, values, documents }');
    // The answers hold under the e-form, field by field (the schema the app checks them with).
    const refused = refusedValues(parsed.data.procedureId, parsed.data.values);
    if (refused.length > 0) return personalProblem(422, 'invalid-values', 'Some answers do not hold under the e-form', { errors: refused });
    // The backend does not trust the device: authoritative values must still be the official ones.
    const definition = formDefinitions.find((d) => d.procedureId === parsed.data.procedureId);
    const changed = definition ? lockedValuesChanged(definition, dataStoreFor(citizenId), parsed.data.values) : [];
    if (changed.length > 0) return personalProblem(422, 'locked-value-changed', 'Authoritative values were altered', { fields: changed });
    // With a delegated token (assisted mode): the resident's dossier, the volunteer as actor.
    const delegated = delegationOf(request);
    const assistedBy = delegated ? assistedByOf(delegated.consentId) : undefined;
    const assisted = delegated && assistedBy ? { volunteerId: delegated.actorId, consentId: delegated.consentId, trackUrl: trackUrlOf(request), assistedBy } : undefined;
    const outcome = submitDossier(citizenId, key, parsed.data, new Date(), assisted);
    if (outcome.ok && outcome.created && assisted) recordAssistedSubmission(assisted.consentId, outcome.value, assisted.trackUrl);
    return answer(outcome);
  }),
  http.get('*/api/dossiers/:code', ({ request, params }) => {
    const citizenId = currentCitizenId(request);
    if (!citizenId) return sessionExpired();
    const dossier = getDossier(citizenId, String(params.code));
    return dossier ? ok(dossier) : personalProblem(404, 'dossier-not-found', 'No such dossier');
  }),
  http.post('*/api/dossiers/:code/withdraw', ({ request, params }) => {
    const citizenId = currentCitizenId(request);
    if (!citizenId) return sessionExpired();
    return answer(withdrawDossier(citizenId, String(params.code)), 200);
  }),
  // The owner replaces the receipt's QR (a lost or shared paper): the old token is revoked.
  http.post('*/api/dossiers/:code/receipt-token', ({ request, params }) => {
    const citizenId = currentCitizenId(request);
    if (!citizenId) return sessionExpired();
    return answer(renewReceiptToken(citizenId, String(params.code)), 201);
  }),
  http.post('*/api/dossiers/:code/supplement', async ({ request, params }) => {
    const citizenId = currentCitizenId(request);
    if (!citizenId) return sessionExpired();
    const key = idempotencyKey(request);
    if (!key) return keyRequired();
    const parsed = SubmitSupplement.safeParse(await readJson(request));
    if (!parsed.success) return personalProblem(422, 'invalid-body', 'Expected { documents } with at least one document');
    return answer(submitSupplement(citizenId, String(params.code), key, parsed.data), 200);
  }),
  http.post('*/api/dossiers/:code/payment', ({ request, params }) => {
    const citizenId = currentCitizenId(request);
    if (!citizenId) return sessionExpired();
    const key = idempotencyKey(request);
    if (!key) return keyRequired();
    const outcome = startPayment(citizenId, String(params.code), key);
    return answer(outcome.ok ? { ...outcome, value: withCheckoutToken(outcome.value) } : outcome);
  }),
  http.get('*/api/payments/:id', ({ request, params }) => {
    const citizenId = currentCitizenId(request);
    if (!citizenId) return sessionExpired();
    const payment = getPayment(citizenId, String(params.id));
    return payment ? ok(withCheckoutToken(payment)) : personalProblem(404, 'payment-not-found', 'No such payment');
  }),

  // ---- Notifications -------------------------------------------------------------------------
  http.get('*/api/notifications', ({ request }) => {
    const citizenId = currentCitizenId(request);
    if (!citizenId) return sessionExpired();
    return ok({ notifications: listNotifications(citizenId) });
  }),
  http.post('*/api/notifications/read', ({ request }) => {
    const citizenId = currentCitizenId(request);
    if (!citizenId) return sessionExpired();
    markNotificationsRead(citizenId);
    return ok({ notifications: listNotifications(citizenId) });
  }),

  // ---- Public tracking: code + last 4 digits of the declared phone, no sign-in ---------------
  // Limited per client and locked per code after wrong guesses (dossiers/limits.ts).
  http.get('*/api/track', ({ request }) => {
    const params = new URL(request.url).searchParams;
    return answer(trackDossier(params.get('code'), params.get('phone'), clientOf(request)), 200);
  }),

  // The receipt's QR token instead of code and digits (dossiers/receipts.ts). POST, so the
  // token stays out of addresses and access logs.
  http.post('*/api/track/receipt', async ({ request }) => {
    const parsed = ReceiptLookup.safeParse(await readJson(request));
    if (!parsed.success) return personalProblem(400, 'invalid-receipt-token', 'A look-up needs { token }');
    return answer(trackByReceipt(parsed.data.token, clientOf(request)), 200);
  }),

  // ---- The simulated payment gateway's card page ---------------------------------------------
  http.get('*/pay/pay.css', () => new HttpResponse(PAY_CSS, { headers: { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'no-cache' } })),
  // The payer arrives with the checkout token of the card URL the API gave them: a gateway
  // session starts, and the token leaves the address bar. Every page of a payment needs it.
  http.get('*/pay/:id', ({ request, params }) => {
    const id = String(params.id);
    const token = new URL(request.url).searchParams.get('t');
    if (token !== null) {
      const session = openGatewaySession(id, token);
      if (!session) return forbiddenPage();
      return new HttpResponse(null, { status: 303, headers: { Location: new URL(`/pay/${encodeURIComponent(id)}`, request.url).toString(), 'Set-Cookie': sessionCookie(session), ...noStore } });
    }
    const session = gatewaySession(request, id);
    if (!session) return forbiddenPage();
    const found = gatewayView(id);
    if (!found) return notFoundPage();
    const { payment } = found;
    if (payment.status === 'paid') return messagePage(TEXT.paidTitle, TEXT.paidBody, payment.dossierCode);
    if (payment.status === 'expired') return messagePage(TEXT.expiredTitle, TEXT.expiredBody, payment.dossierCode, 410);
    if (payment.status === 'failed') return messagePage(TEXT.failedTitle, TEXT.failedBody, payment.dossierCode);
    return cardPage(payment, found.procedureName, csrfToken(session));
  }),
  http.post('*/pay/:id', async ({ request, params }) => {
    const id = String(params.id);
    // Only the payer's own page can pay or cancel: the session cookie (never sent cross-site,
    // SameSite=Lax) and the form's CSRF token, checked before anything is read or changed.
    // (The page is no-referrer, so the browser's own Origin is "null"; Sec-Fetch-Site still says.)
    const session = gatewaySession(request, id);
    const origin = request.headers.get('Origin');
    const foreign = request.headers.get('Sec-Fetch-Site') === 'cross-site' || (origin !== null && origin !== 'null' && origin !== new URL(request.url).origin);
    if (!session || foreign) return forbiddenPage();
    const form = await readForm(request);
    if (!validCsrf(session, form.get('csrf'))) return forbiddenPage();
    const card = { number: form.get('cardNumber') ?? '', name: form.get('cardName') ?? '' };
    const result = completePayment(id, form.get('action') === 'cancel' ? 'cancel' : 'pay', card);
    const back = (outcome: 'paid' | 'failed', code: string) =>
      HttpResponse.redirect(new URL(`/dossiers/${encodeURIComponent(code)}?payment=${outcome}`, request.url).toString(), 303);
    switch (result.kind) {
      case 'not-found':
        return notFoundPage();
      case 'paid':
      case 'failed':
        return back(result.kind, result.dossierCode);
      case 'expired':
        return messagePage(TEXT.expiredTitle, TEXT.expiredBody, result.dossierCode, 410);
      case 'closed':
        return messagePage(TEXT.failedTitle, TEXT.failedBody, result.dossierCode);
      case 'invalid-card':
      case 'missing-name': {
        const found = gatewayView(id);
        if (!found) return notFoundPage();
        return cardPage(found.payment, found.procedureName, csrfToken(session), { field: result.kind === 'invalid-card' ? 'number' : 'name', name: card.name });
      }
    }
  }),
];

/** Test controls (no sign-in): what officials and the clock do. */
export const dossierControlHandlers = [
  http.post('*/api/__mock/receipt-tokens/:token/expire', ({ params }) =>
    expireReceiptToken(String(params.token)) ? new HttpResponse(null, { status: 204 }) : problem(404, 'not-found', 'No such receipt token'),
  ),
  http.get('*/api/__mock/dossiers', () => HttpResponse.json({ dossiers: allDossiers() }, { headers: noStore })),
  http.post('*/api/__mock/dossiers/:code/advance', async ({ request, params }) => {
    const parsed = AdvanceBody.safeParse(await readJson(request));
    if (!parsed.success) return problem(422, 'invalid-body', 'Expected { to: DossierStatus, message?, items? }');
    const { to, message, items } = parsed.data;
    const outcome = advanceDossier(String(params.code), to, { message, items });
    return outcome.ok ? HttpResponse.json(outcome.value, { headers: noStore }) : problem(outcome.status, outcome.code, outcome.title);
  }),
  http.post('*/api/__mock/procedures/:id/closed', async ({ request, params }) => {
    const body = (await readJson(request)) as { closed?: unknown } | null;
    if (typeof body?.closed !== 'boolean') return problem(422, 'invalid-body', 'Expected { closed: boolean }');
    setProcedureClosed(String(params.id), body.closed);
    return HttpResponse.json({ id: String(params.id), closed: body.closed });
  }),
  http.post('*/api/__mock/payments/:id/expire', ({ params }) => {
    const payment = expirePayment(String(params.id));
    return payment ? HttpResponse.json(payment, { headers: noStore }) : problem(404, 'payment-not-found', 'No such payment');
  }),
];

// ---------------------------------------------------------------------------------------------
// Gateway pages: plain HTML, no script, styles from a file (the CSP allows nothing inline).
// ---------------------------------------------------------------------------------------------

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const TEXT = {
  brand: 'Cổng thanh toán — bản mô phỏng',
  title: 'Thanh toán phí, lệ phí',
  dossier: 'Mã hồ sơ',
  procedure: 'Thủ tục',
  amount: 'Số tiền',
  expires: 'Hết hạn lúc',
  note: 'Đây là cổng thanh toán mô phỏng để thử nghiệm: không có tiền thật nào được trừ. Thẻ 4000 0000 0000 0002 luôn bị từ chối; số thẻ hợp lệ khác đều được chấp nhận.',
  cardNumber: 'Số thẻ',
  cardNumberHint: 'Từ 12 đến 19 chữ số in trên mặt thẻ, có thể có dấu cách.',
  cardName: 'Tên chủ thẻ',
  cardNameHint: 'Viết như trên thẻ, không dấu.',
  pay: 'Thanh toán',
  cancel: 'Huỷ',
  invalidNumber: 'Số thẻ không hợp lệ. Hãy kiểm tra lại các chữ số trên mặt thẻ.',
  missingName: 'Hãy nhập tên chủ thẻ.',
  paidTitle: 'Đã thanh toán',
  paidBody: 'Khoản phí, lệ phí của hồ sơ này đã được thanh toán. Bạn không bị trừ tiền thêm lần nào.',
  expiredTitle: 'Phiên thanh toán đã hết hạn',
  expiredBody: 'Phiên thanh toán chỉ có hiệu lực 15 phút. Hãy quay lại hồ sơ để tạo yêu cầu thanh toán mới.',
  failedTitle: 'Giao dịch không thành công',
  failedBody: 'Giao dịch này đã bị huỷ hoặc bị từ chối. Hãy quay lại hồ sơ để thanh toán lại.',
  notFoundTitle: 'Không tìm thấy giao dịch',
  notFoundBody: 'Liên kết thanh toán không đúng hoặc đã bị xoá.',
  forbiddenTitle: 'Không mở được trang thanh toán',
  forbiddenBody: 'Trang thanh toán chỉ mở được từ hồ sơ của bạn trong ứng dụng Một Cửa Số. Hãy mở hồ sơ và chọn thanh toán bằng thẻ một lần nữa; bạn chưa bị trừ tiền.',
  myDossiers: 'Xem hồ sơ của tôi',
  back: 'Quay lại hồ sơ',
  home: 'Về trang chủ Một Cửa Số',
} as const;

const page = (title: string, main: string, status = 200) =>
  new HttpResponse(
    `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)} — ${escapeHtml(TEXT.brand)}</title>
<link rel="stylesheet" href="/pay/pay.css">
</head>
<body>
<header class="bar"><p class="brand">${escapeHtml(TEXT.brand)}</p></header>
<main>
${main}
</main>
</body>
</html>`,
    {
      status,
      headers: {
        'Content-Type': 'text/html; charset=utf-8',
        ...noStore,
        'X-Frame-Options': 'DENY',
        'Content-Security-Policy': "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
      },
    },
  );

const backLink = (code: string) => `<p><a class="button" href="/dossiers/${encodeURIComponent(code)}">${escapeHtml(TEXT.back)}</a></p>`;

const messagePage = (title: string, body: string, code: string, status = 200) =>
  page(title, `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(body)}</p>\n<p>${escapeHtml(TEXT.dossier)}: <strong>${escapeHtml(code)}</strong></p>\n${backLink(code)}`, status);

const forbiddenPage = () =>
  page(
    TEXT.forbiddenTitle,
    `<h1>${escapeHtml(TEXT.forbiddenTitle)}</h1>\n<p>${escapeHtml(TEXT.forbiddenBody)}</p>\n<p><a class="button" href="/dossiers">${escapeHtml(TEXT.myDossiers)}</a></p>`,
    403,
  );

const notFoundPage = () =>
  page(TEXT.notFoundTitle, `<h1>${escapeHtml(TEXT.notFoundTitle)}</h1>\n<p>${escapeHtml(TEXT.notFoundBody)}</p>\n<p><a class="button" href="/">${escapeHtml(TEXT.home)}</a></p>`, 404);

const money = (amount: number) => `${String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} ₫`;

/** HH:MM ngày DD/MM/YYYY in Vietnam's time (UTC+7). */
const vietnamTime = (iso: string) => {
  const t = new Date(Date.parse(iso) + 7 * 3600 * 1000).toISOString();
  return `${t.slice(11, 16)} ngày ${t.slice(8, 10)}/${t.slice(5, 7)}/${t.slice(0, 4)}`;
};

const cardPage = (payment: Payment, procedureName: string, csrf: string, error?: { field: 'number' | 'name'; name: string }) => {
  const message = error ? (error.field === 'number' ? TEXT.invalidNumber : TEXT.missingName) : '';
  const invalid = (field: 'number' | 'name') => (error?.field === field ? ' aria-invalid="true"' : '');
  const describedBy = (field: 'number' | 'name', hint: string) => `${hint}${error?.field === field ? ' pay-error' : ''}`;
  return page(
    TEXT.title,
    `<h1>${escapeHtml(TEXT.title)}</h1>
<dl class="summary">
<div><dt>${escapeHtml(TEXT.dossier)}</dt><dd>${escapeHtml(payment.dossierCode)}</dd></div>
<div><dt>${escapeHtml(TEXT.procedure)}</dt><dd>${escapeHtml(procedureName)}</dd></div>
<div><dt>${escapeHtml(TEXT.amount)}</dt><dd class="amount">${escapeHtml(money(payment.amount))}</dd></div>
<div><dt>${escapeHtml(TEXT.expires)}</dt><dd>${escapeHtml(vietnamTime(payment.expiresAt))}</dd></div>
</dl>
<p class="note">${escapeHtml(TEXT.note)}</p>
${error ? `<p class="error" role="alert" id="pay-error">${escapeHtml(message)}</p>` : ''}
<form method="post" action="/pay/${encodeURIComponent(payment.id)}">
<input type="hidden" name="csrf" value="${escapeHtml(csrf)}">
<div class="field">
<label for="card-number">${escapeHtml(TEXT.cardNumber)}</label>
<p class="hint" id="card-number-hint">${escapeHtml(TEXT.cardNumberHint)}</p>
<input id="card-number" name="cardNumber" type="text" inputmode="numeric" autocomplete="cc-number" spellcheck="false" maxlength="23" required aria-describedby="${describedBy('number', 'card-number-hint')}"${invalid('number')}>
</div>
<div class="field">
<label for="card-name">${escapeHtml(TEXT.cardName)}</label>
<p class="hint" id="card-name-hint">${escapeHtml(TEXT.cardNameHint)}</p>
<input id="card-name" name="cardName" type="text" autocomplete="cc-name" autocapitalize="characters" spellcheck="false" maxlength="60" required value="${escapeHtml(error?.name ?? '')}" aria-describedby="${describedBy('name', 'card-name-hint')}"${invalid('name')}>
</div>
<div class="actions">
<button type="submit" name="action" value="pay" class="primary">${escapeHtml(TEXT.pay)}</button>
<button type="submit" name="action" value="cancel" formnovalidate>${escapeHtml(TEXT.cancel)}</button>
</div>
</form>`,
    error ? 422 : 200,
  );
};

const PAY_CSS = `*{box-sizing:border-box}
body{margin:0;font:1.0625rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#f4f6f8}
.bar{background:#0b4a8b;color:#fff;padding:.75rem 1rem}
.brand{margin:0;font-weight:700}
main{max-width:36rem;margin:0 auto;padding:1rem}
h1{font-size:1.4rem;line-height:1.3}
.summary{background:#fff;border:1px solid #c4c9ce;border-radius:8px;padding:.75rem 1rem;margin:1rem 0}
.summary div{display:flex;flex-wrap:wrap;justify-content:space-between;gap:.25rem 1rem;padding:.35rem 0;border-bottom:1px solid #e3e6e9}
.summary div:last-child{border-bottom:0}
.summary dt{color:#3d4349}
.summary dd{margin:0;font-weight:600;overflow-wrap:anywhere}
.summary .amount{font-size:1.2rem}
.note{background:#fff8e1;border-left:4px solid #8a6d00;padding:.5rem .75rem}
.error{background:#fdecea;border-left:4px solid #b3261e;padding:.5rem .75rem;color:#7a1a14;font-weight:600}
.field{margin:1rem 0}
label{display:block;font-weight:700}
.hint{margin:.15rem 0 .35rem;color:#3d4349;font-size:.95rem}
input{width:100%;min-height:48px;font:inherit;padding:.5rem .75rem;border:2px solid #5f6870;border-radius:8px;background:#fff}
input[aria-invalid="true"]{border-color:#b3261e}
.actions{display:flex;flex-direction:column;gap:.75rem;margin-top:1.5rem}
button,a.button{min-height:48px;font:inherit;font-weight:600;border-radius:8px;border:2px solid #0b4a8b;background:#fff;color:#0b4a8b;padding:.5rem 1rem;text-align:center;text-decoration:none;display:block;cursor:pointer}
button.primary{background:#0b4a8b;color:#fff}
:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}
`;
