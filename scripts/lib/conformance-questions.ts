import { randomUUID } from 'node:crypto';
import type { core } from 'zod/mini';
import { MyQuestion, MyQuestionList, POST_LIMITS, PublicQuestionList, ReportReceipt, TEXT_LIMITS } from '../../src/api/questions/schema.ts';
import type { Problem } from '../../src/api/problem/schema.ts';
import { CheckFailed, expect, once, type Answer, type CallOptions, type Check } from './conformance-runner.ts';

/**
 * Conformance checks of questions and feedback (src/api/questions): public answered questions,
 * asking exactly once, the asker's list, anonymous reports, and every refusal — 401, 404, 422
 * naming the field, 429 with Retry-After. The suite (scripts/conformance.ts) lends its tools.
 */
export interface QuestionTools<C, A extends Answer> {
  call: (ctx: C, method: string, path: string, options?: CallOptions) => Promise<A>;
  token: (ctx: C) => Promise<string>;
  otherToken: (ctx: C) => Promise<string>;
  parsed: <T>(schema: core.$ZodType<T>, answer: A, expected?: number | readonly number[]) => T;
  refused: (answer: A, expected: number | readonly number[]) => Problem;
  tooMany: (answer: A) => Problem;
  retryAfterSeconds: (answer: A) => number;
}

/** A procedure every catalogue has (birth registration) and one no catalogue has. */
const PROCEDURE = '1.001193';
const UNKNOWN = '0.000000';
/** Stored and shown as text, never run: a backend must accept it and give it back unchanged. */
const SCRIPT_QUESTION = '<script>alert("hỏi")</script> Đăng ký khai sinh cho con cần những giấy tờ gì?';

const fieldsOf = (problem: Problem): Record<string, unknown> => (problem.fields && typeof problem.fields === 'object' ? (problem.fields as Record<string, unknown>) : {});

export const questionChecks = <C, A extends Answer>(t: QuestionTools<C, A>): Check<C>[] => {
  const questions = (procedureId: string) => `/procedures/${encodeURIComponent(procedureId)}/questions`;
  const keyed = (key: string = randomUUID()) => ({ 'Idempotency-Key': key });
  let asked: (() => Promise<{ question: MyQuestion; key: string }>) | undefined;
  const ask = (ctx: C) =>
    (asked ??= once('a question is asked', async () => {
      const key = randomUUID();
      const question = t.parsed(MyQuestion, await t.call(ctx, 'POST', questions(PROCEDURE), { token: await t.token(ctx), json: { text: SCRIPT_QUESTION, lang: 'vi' }, headers: keyed(key) }), 201);
      return { question, key };
    }))();
  const refusesText = (name: string, path: () => string, body: (text: string) => unknown, limits: { max: number }, signedIn: boolean): Check<C>[] =>
    [
      ['5,000 characters', 'a'.repeat(5000), 'too-long'],
      [`${limits.max + 1} characters`, 'b'.repeat(limits.max + 1), 'too-long'],
      ['only spaces', '   \n   ', 'blank'],
    ].map(([label, text, reason]) => ({
      name: `${name} of ${label} is 422 problem+json naming \`text\` (${reason})`,
      run: async (ctx: C) => {
        const answer = await t.call(ctx, 'POST', path(), { ...(signedIn ? { token: await t.token(ctx) } : {}), json: body(text as string), headers: keyed() });
        const fields = fieldsOf(t.refused(answer, 422));
        expect(fields.text === reason, `${name} of ${label}: fields ${JSON.stringify(fields)}, expected { text: "${reason}" }`);
      },
    }));

  return [
    {
      name: 'GET /procedures/{id}/questions parses, without a token',
      run: async (ctx) => {
        const list = t.parsed(PublicQuestionList, await t.call(ctx, 'GET', questions(PROCEDURE)));
        expect(list.questions.every((q) => q.procedureId === PROCEDURE), `GET ${questions(PROCEDURE)} lists a question of another procedure`);
      },
    },
    {
      name: 'GET and POST /procedures/{id}/questions of an unknown procedure are 404 problem+json',
      run: async (ctx) => {
        t.refused(await t.call(ctx, 'GET', questions(UNKNOWN)), 404);
        t.refused(await t.call(ctx, 'POST', questions(UNKNOWN), { token: await t.token(ctx), json: { text: SCRIPT_QUESTION }, headers: keyed() }), 404);
      },
    },
    {
      name: 'POST /procedures/{id}/questions and GET /questions/mine without a token are 401 problem+json',
      run: async (ctx) => {
        t.refused(await t.call(ctx, 'POST', questions(PROCEDURE), { json: { text: SCRIPT_QUESTION }, headers: keyed() }), 401);
        t.refused(await t.call(ctx, 'GET', '/questions/mine'), 401);
      },
    },
    {
      name: 'POST /procedures/{id}/questions asks a question (201, waiting) with <script> kept as text',
      run: async (ctx) => {
        const { question } = await ask(ctx);
        expect(question.status === 'waiting' && question.answer === null, `the new question is ${question.status}`);
        expect(question.question === SCRIPT_QUESTION, `the question came back as ${JSON.stringify(question.question)}`);
      },
    },
    {
      name: 'POST /procedures/{id}/questions with the same Idempotency-Key answers the same question (200): exactly once',
      run: async (ctx) => {
        const { question, key } = await ask(ctx);
        const token = await t.token(ctx);
        const again = t.parsed(MyQuestion, await t.call(ctx, 'POST', questions(PROCEDURE), { token, json: { text: SCRIPT_QUESTION, lang: 'vi' }, headers: keyed(key) }), 200);
        expect(again.id === question.id, `the replay made question ${again.id}, the first was ${question.id}`);
        const mine = t.parsed(MyQuestionList, await t.call(ctx, 'GET', '/questions/mine', { token }));
        const held = mine.questions.filter((q) => q.id === question.id).length;
        expect(held === 1, `GET /questions/mine holds question ${question.id} ${held} times`);
      },
    },
    {
      name: "Another citizen does not see the question in their list, and nobody sees it public before it is answered",
      run: async (ctx) => {
        const { question } = await ask(ctx);
        const other = t.parsed(MyQuestionList, await t.call(ctx, 'GET', '/questions/mine', { token: await t.otherToken(ctx) }));
        expect(!other.questions.some((q) => q.id === question.id), 'another citizen’s GET /questions/mine lists it');
        const mine = t.parsed(MyQuestionList, await t.call(ctx, 'GET', '/questions/mine', { token: await t.token(ctx) })).questions.find((q) => q.id === question.id);
        if (mine?.status === 'answered') return; // a fast office: nothing more to check here
        const visible = t.parsed(PublicQuestionList, await t.call(ctx, 'GET', questions(PROCEDURE)));
        expect(!visible.questions.some((q) => q.id === question.id), 'a waiting question is public');
      },
    },
    ...refusesText('POST /procedures/{id}/questions', () => questions(PROCEDURE), (text) => ({ text }), TEXT_LIMITS.question, true),
    ...refusesText('POST /feedback', () => '/feedback', (text) => ({ path: '/services', text }), TEXT_LIMITS.report, false),
    {
      name: 'POST /feedback takes a report without a token (201), the same Idempotency-Key again answers the same receipt (200)',
      run: async (ctx) => {
        const key = randomUUID();
        const body = { path: '/services/1.001193', text: 'Trang này hiện sai lệ phí <b>đậm</b>' };
        const first = t.parsed(ReportReceipt, await t.call(ctx, 'POST', '/feedback', { json: body, headers: keyed(key) }), 201);
        const again = t.parsed(ReportReceipt, await t.call(ctx, 'POST', '/feedback', { json: body, headers: keyed(key) }), 200);
        expect(again.id === first.id, `the replay made report ${again.id}, the first was ${first.id}`);
      },
    },
    {
      name: 'POST /feedback without an Idempotency-Key is 400, and with a full URL for the path 422 naming `path`',
      run: async (ctx) => {
        t.refused(await t.call(ctx, 'POST', '/feedback', { json: { path: '/', text: 'Trang bị lỗi' } }), 400);
        const fields = fieldsOf(t.refused(await t.call(ctx, 'POST', '/feedback', { json: { path: 'https://example.com/', text: 'Trang bị lỗi' }, headers: keyed() }), 422));
        expect('path' in fields, `fields ${JSON.stringify(fields)}, expected one for path`);
      },
    },
    {
      name: `POST /feedback answers one client at most ${POST_LIMITS.reports.requests} reports in ${POST_LIMITS.reports.windowMs / 60_000} minutes, then 429 problem+json with Retry-After (spends this machine's budget)`,
      run: async (ctx) => {
        for (let i = 0; i <= POST_LIMITS.reports.requests; i++) {
          const answer = await t.call(ctx, 'POST', '/feedback', { json: { path: '/', text: `Kiểm tra giới hạn lần ${i + 1}` }, headers: keyed() });
          if (answer.status === 429) {
            t.tooMany(answer);
            const wait = t.retryAfterSeconds(answer);
            expect(wait <= POST_LIMITS.reports.windowMs / 1000, `Retry-After ${wait} s, more than the ${POST_LIMITS.reports.windowMs / 1000} s window`);
            return;
          }
          t.parsed(ReportReceipt, answer, 201);
        }
        throw new CheckFailed(`${POST_LIMITS.reports.requests + 1} reports within seconds were all taken: no per-client limit`);
      },
    },
  ];
};
