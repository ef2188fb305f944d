import { http, HttpResponse } from 'msw';
import { z } from 'zod/mini';
import { AskQuestion, ProblemReport } from '../../src/api/questions/schema.ts';
import { allQuestions, allReports, askQuestion, forceAnswer, myQuestions, publicQuestions, receiveReport, type Result } from '../questions/store.ts';
import { clientOf } from './client.ts';
import { currentCitizenId } from './idp.ts';
import { readJson } from './body.ts';
import { problem } from './problem.ts';

/**
 * Questions and feedback (hỏi đáp, phản ánh – kiến nghị): public answered questions per
 * procedure, a signed-in citizen's questions, anonymous reports about a page. Posts take an
 * Idempotency-Key (sent exactly once from the outbox) and are limited per citizen or client.
 */
const noStore = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };

const refusal = (status: number, code: string, title: string, extra?: Record<string, unknown>) => {
  const response = problem(status, code, title, extra);
  response.headers.set('Cache-Control', 'no-store');
  return response;
};

const sessionExpired = () => {
  const response = refusal(401, 'session-expired', 'Sign in again');
  response.headers.set('WWW-Authenticate', 'Bearer error="invalid_token"');
  return response;
};

/** 201 the first time, 200 when an Idempotency-Key replayed an earlier request. */
const answer = <T,>(result: Result<T>, personal: boolean) => {
  if (!result.ok) {
    const response = refusal(result.status, result.code, result.title, { ...result.extra, ...(result.retryAfter === undefined ? {} : { retryAfter: result.retryAfter }) });
    if (result.retryAfter !== undefined) response.headers.set('Retry-After', String(result.retryAfter));
    return response;
  }
  return HttpResponse.json(result.value as object, {
    status: result.created ? 201 : 200,
    headers: { ...noStore, ...(personal ? { Vary: 'Authorization' } : {}), ...(result.created ? {} : { 'Idempotent-Replayed': 'true' }) },
  });
};

const idempotencyKey = (request: Request): string | undefined => {
  const raw = request.headers.get('Idempotency-Key')?.trim().replace(/^"(.*)"$/, '$1');
  return raw && raw.length <= 255 ? raw : undefined;
};
/** A body that does not parse: which fields, and why (a text over the limit says so). */
const invalidBody = (issues: readonly { path: readonly PropertyKey[]; code: string }[], expected: string) => {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? 'body');
    fields[field] = field === 'text' && issue.code === 'too_big' ? 'too-long' : 'invalid';
  }
  return refusal(422, 'invalid-body', expected, { fields });
};

const keyRequired = () => refusal(400, 'idempotency-key-required', 'This request needs an Idempotency-Key header');

export const questionHandlers = [
  // Public: answered questions only, without who asked. Short-lived in caches (answers arrive).
  http.get('*/api/procedures/:id/questions', ({ params }) => {
    const questions = publicQuestions(String(params.id));
    if (!questions) return problem(404, 'procedure-not-found', 'No procedure with this code');
    return HttpResponse.json({ questions }, { headers: { 'Cache-Control': 'no-cache' } });
  }),
  http.post('*/api/procedures/:id/questions', async ({ request, params }) => {
    const citizenId = currentCitizenId(request);
    if (!citizenId) return sessionExpired();
    const key = idempotencyKey(request);
    if (!key) return keyRequired();
    const parsed = AskQuestion.safeParse(await readJson(request));
    if (!parsed.success) return invalidBody(parsed.error.issues, 'Expected { text, lang? }');
    return answer(askQuestion(citizenId, String(params.id), key, parsed.data), true);
  }),
  http.get('*/api/questions/mine', ({ request }) => {
    const citizenId = currentCitizenId(request);
    if (!citizenId) return sessionExpired();
    return HttpResponse.json({ questions: myQuestions(citizenId) }, { headers: { ...noStore, Vary: 'Authorization' } });
  }),
  // Anonymous: no token is read, none is needed; limited per client (connection address).
  http.post('*/api/feedback', async ({ request }) => {
    const key = idempotencyKey(request);
    if (!key) return keyRequired();
    const parsed = ProblemReport.safeParse(await readJson(request));
    if (!parsed.success) return invalidBody(parsed.error.issues, 'Expected { path: "/…", text }');
    return answer(receiveReport(clientOf(request), key, parsed.data), false);
  }),
];

const AnswerBody = z.object({ text: z.optional(z.string().check(z.minLength(1))) });

/** Test controls (no sign-in): the office answers now; what the backend holds. */
export const questionControlHandlers = [
  http.get('*/api/__mock/questions', () => HttpResponse.json({ questions: allQuestions() }, { headers: noStore })),
  http.post('*/api/__mock/questions/:id/answer', async ({ request, params }) => {
    const raw = request.headers.get('Content-Length') === '0' ? {} : await readJson(request).catch(() => ({}));
    const parsed = AnswerBody.safeParse(raw ?? {});
    if (!parsed.success) return problem(422, 'invalid-body', 'Expected { text? }');
    const result = forceAnswer(String(params.id), parsed.data.text);
    return result.ok ? HttpResponse.json(result.value, { headers: noStore }) : problem(result.status, result.code, result.title);
  }),
  http.get('*/api/__mock/feedback', () => HttpResponse.json({ reports: allReports() }, { headers: noStore })),
];
