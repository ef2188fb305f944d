import { http, HttpResponse } from 'msw';
import { Enrol, RedeemHandoff, TakeTicket, Unlock } from '../../src/api/kiosk/schema.ts';
import { handoffStatus, redeemHandoff, reserveHandoff } from '../handoffs.ts';
import { currentCitizenId } from './idp.ts';
import { callNext, enrol, nowServing, takeTicket, unlock, type Refusal, type Result } from '../kiosk.ts';
import { readJson } from './body.ts';
import { clientOf } from './client.ts';
import { problem } from './problem.ts';

/** The kiosk endpoints (src/api/kiosk/schema.ts): a device's token, never a person's. */
const noStore = { 'Cache-Control': 'no-store' };

const kioskToken = (request: Request) => /^Bearer\s+(\S+)$/i.exec(request.headers.get('Authorization') ?? '')?.[1];

const refuse = (r: Refusal) => {
  const response = problem(r.status, r.code, r.title, { ...r.extra, ...(r.retryAfter === undefined ? {} : { retryAfter: r.retryAfter }) });
  if (r.retryAfter !== undefined) response.headers.set('Retry-After', String(r.retryAfter));
  if (r.status === 401) response.headers.set('WWW-Authenticate', 'Bearer error="invalid_token"');
  response.headers.set('Cache-Control', 'no-store');
  return response;
};

const answer = <T,>(result: Result<T>, status = 200) => (result.ok ? HttpResponse.json(result.value as object, { status, headers: noStore }) : refuse(result));

export const kioskHandlers = [
  http.post('*/api/kiosk/enrolments', async ({ request }) => {
    const parsed = Enrol.safeParse(await readJson(request));
    if (!parsed.success) return problem(422, 'invalid-enrolment', 'An enrolment needs { code }');
    return answer(enrol(parsed.data.code, clientOf(request)), 201);
  }),
  http.post('*/api/kiosk/unlock', async ({ request }) => {
    const parsed = Unlock.safeParse(await readJson(request));
    if (!parsed.success) return problem(422, 'invalid-pin', 'A PIN is 4 to 8 digits');
    return answer(unlock(kioskToken(request), parsed.data.pin));
  }),
  http.post('*/api/kiosk/tickets', async ({ request }) => {
    const parsed = TakeTicket.safeParse(await readJson(request));
    if (!parsed.success) return problem(422, 'invalid-ticket-request', 'A ticket needs { fieldId }');
    return answer(takeTicket(kioskToken(request), parsed.data.fieldId), 201);
  }),
  http.get('*/api/kiosk/now-serving', ({ request }) => answer(nowServing(kioskToken(request)))),

  // "Continue on your own phone" (mocks/handoffs.ts): the person's own bearer token each time.
  http.post('*/api/handoffs', ({ request }) => {
    const citizenId = currentCitizenId(request);
    if (!citizenId) return refuse(SIGN_IN);
    return HttpResponse.json(reserveHandoff(citizenId), { status: 201, headers: noStore });
  }),
  http.get('*/api/handoffs/:id', ({ request, params }) => {
    const citizenId = currentCitizenId(request);
    if (!citizenId) return refuse(SIGN_IN);
    return answer(handoffStatus(citizenId, String(params.id)));
  }),
  http.post('*/api/handoffs/:id/redeem', async ({ request, params }) => {
    const citizenId = currentCitizenId(request);
    if (!citizenId) return refuse(SIGN_IN);
    const parsed = RedeemHandoff.safeParse(await readJson(request));
    if (!parsed.success) return refuse({ status: 422, code: 'handoff-invalid', title: 'A redemption needs { payload } from the QR code' });
    return answer(redeemHandoff(citizenId, String(params.id), parsed.data.payload));
  }),
];

const SIGN_IN: Refusal = { status: 401, code: 'session-expired', title: 'Sign in again' };

/** Test control: a counter of a group calls the next number. */
export const kioskControlHandlers = [
  http.post('*/api/__mock/kiosk/:centre/:group/call-next', ({ params }) =>
    callNext(String(params.centre), String(params.group)) ? new HttpResponse(null, { status: 204 }) : problem(404, 'not-found', 'No such counter group'),
  ),
];
