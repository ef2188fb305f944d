import {
  POST_LIMITS,
  TEXT_LIMITS,
  cleanText,
  textProblem,
  type MyQuestion,
  type PublicQuestion,
  type ReportReceipt,
  type TextProblem,
} from '../../src/api/questions/schema.ts';
import type { Procedure } from '../../src/api/procedures/schema.ts';
import { db } from '../db.ts';
import { randomId, sha256, state as dossierState, type Failure } from '../dossiers/state.ts';
import { seededQuestions } from './seed.ts';

/**
 * The simulated office's questions and feedback: questions asked by signed-in citizens, the
 * office's answers (after a while, or when a test says so), the answered ones made public
 * without the asker; problem reports about pages of the app. In memory, reset with the rest of
 * the simulated backend; every operation takes `now` so tests can fix the clock.
 */

interface QuestionRecord {
  id: string;
  citizenId: string;
  procedureId: string;
  lang: 'vi' | 'en';
  text: string;
  askedAt: number;
  answer: { text: string; by: string; at: number } | null;
}

export interface ReportRecord {
  id: string;
  path: string;
  text: string;
  receivedAt: string;
  /** Kept for the rate limit only; never shown with the report. */
  client: string;
}

interface State {
  questions: Map<string, QuestionRecord>;
  reports: ReportRecord[];
  /** (who, operation, Idempotency-Key) → what the first request carried and made. */
  idempotency: Map<string, { fingerprint: string; ref: string }>;
  /** Accepted posts per `questions|citizen` or `reports|client`, for the sliding windows. */
  posts: Map<string, number[]>;
}

const fresh = (): State => ({ questions: new Map(), reports: [], idempotency: new Map(), posts: new Map() });
let state = fresh();

export const resetQuestions = (): void => {
  state = fresh();
};

/** A refusal; `extra` goes into the problem body (e.g. which field was refused and why). */
export type Refusal = Failure & { extra?: Record<string, unknown> };
export type Result<T> = { ok: true; created: boolean; value: T } | Refusal;

const fail = (status: number, code: string, title: string, more: { retryAfter?: number; extra?: Record<string, unknown> } = {}): Refusal => ({
  ok: false,
  status,
  code,
  title,
  ...more,
});

// ---------------------------------------------------------------------------------------------
// Limits and idempotency
// ---------------------------------------------------------------------------------------------

type PostKind = keyof typeof POST_LIMITS;

/** A 429 when `who` has used up the window, with the seconds until the oldest post leaves it. */
const overLimit = (kind: PostKind, who: string, now: number): Refusal | undefined => {
  const { requests, windowMs } = POST_LIMITS[kind];
  const recent = (state.posts.get(`${kind}|${who}`) ?? []).filter((at) => at > now - windowMs);
  state.posts.set(`${kind}|${who}`, recent);
  if (recent.length < requests) return undefined;
  const retryAfter = Math.max(1, Math.ceil(((recent[0] as number) + windowMs - now) / 1000));
  const what = kind === 'questions' ? 'questions' : 'reports';
  return fail(429, `too-many-${what}`, `At most ${requests} ${what} in ${windowMs / 60_000} minutes; try again later`, { retryAfter });
};

const counted = (kind: PostKind, who: string, now: number) => {
  state.posts.set(`${kind}|${who}`, [...(state.posts.get(`${kind}|${who}`) ?? []), now]);
};

const keyOf = (who: string, operation: string, key: string) => JSON.stringify([who, operation, key]);

/** The earlier result for this key, a 422 when the key came with another body, or nothing. */
const replay = (who: string, operation: string, key: string, fingerprint: string): { ref: string } | Refusal | undefined => {
  const entry = state.idempotency.get(keyOf(who, operation, key));
  if (!entry) return undefined;
  if (entry.fingerprint !== fingerprint) return fail(422, 'idempotency-key-reused', 'This Idempotency-Key was already used for a different request');
  return { ref: entry.ref };
};

const invalidText = (field: string, problem: TextProblem, max: number) =>
  fail(422, 'invalid-text', `The ${field} is ${problem}`, { extra: { fields: { [field]: problem }, ...(problem === 'too-long' ? { maxLength: max } : {}) } });

// ---------------------------------------------------------------------------------------------
// Questions
// ---------------------------------------------------------------------------------------------

/**
 * The office answers a question this many seconds after it was asked: the simulated office's
 * clock, MOCK_LIFECYCLE_SECONDS (0 stops it; tests answer through the control endpoint).
 */
const answerSeconds = (): number => {
  const seconds = Number(process.env.MOCK_LIFECYCLE_SECONDS ?? 0);
  return Number.isFinite(seconds) && seconds > 0 ? seconds : 0;
};

/** What the simulated office writes back: what the procedure's page says, pointed at the asker. */
const cannedAnswer = (procedure: Procedure, lang: 'vi' | 'en'): string =>
  lang === 'en'
    ? `Thank you for your question about “${procedure.nameEn}”. Processing time: ${
        procedure.processingTime.workingDays === null ? 'see the procedure page' : `${procedure.processingTime.workingDays} working day(s) from a complete application`
      }. The documents, fees and legal basis are listed on the procedure page; for a case of your own, contact ${procedure.agency.nameEn}.`
    : `Cảm ơn ông/bà đã hỏi về thủ tục “${procedure.name}”. Thời hạn giải quyết: ${procedure.processingTime.text} Thành phần hồ sơ, lệ phí và căn cứ pháp lý được nêu đầy đủ trên trang thủ tục; nếu trường hợp của ông/bà có điểm riêng, xin liên hệ ${procedure.agency.name} để được hướng dẫn cụ thể.`;

const answerNow = (record: QuestionRecord, at: number, text?: string) => {
  const procedure = db.procedures.get(record.procedureId);
  record.answer = {
    text: text ?? (procedure ? cannedAnswer(procedure, record.lang) : 'Cảm ơn ông/bà đã hỏi.'),
    by: procedure?.agency.name ?? 'Bộ phận một cửa',
    at,
  };
  dossierState.notifications.push({
    citizenId: record.citizenId,
    notification: {
      kind: 'question-answered',
      id: randomId('tb', 6),
      questionId: record.id,
      procedureId: record.procedureId,
      procedureName: procedure?.name ?? record.procedureId,
      at: new Date(at).toISOString(),
      read: false,
    },
  });
};

/** Answers what is due, worked out when read (no timers: the same answer every time). */
export const progressQuestions = (now = new Date()): void => {
  const seconds = answerSeconds();
  if (seconds === 0) return;
  for (const record of state.questions.values()) {
    const due = record.askedAt + seconds * 1000;
    if (!record.answer && due <= now.getTime()) answerNow(record, due);
  }
};

const mine = (record: QuestionRecord): MyQuestion => {
  const procedure = db.procedures.get(record.procedureId);
  return {
    id: record.id,
    procedureId: record.procedureId,
    procedureName: procedure?.name ?? record.procedureId,
    question: record.text,
    status: record.answer ? 'answered' : 'waiting',
    askedAt: new Date(record.askedAt).toISOString(),
    answer: record.answer ? { text: record.answer.text, answeredBy: record.answer.by, answeredAt: new Date(record.answer.at).toISOString() } : null,
  };
};

/** Answered questions of a procedure, newest answer first; undefined for an unknown procedure. */
export const publicQuestions = (procedureId: string, now = new Date()): PublicQuestion[] | undefined => {
  if (!db.procedures.has(procedureId)) return undefined;
  progressQuestions(now);
  const live: PublicQuestion[] = [...state.questions.values()]
    .filter((q) => q.procedureId === procedureId && q.answer)
    .map((q) => ({
      id: q.id,
      procedureId: q.procedureId,
      lang: q.lang,
      question: q.text,
      answer: q.answer!.text,
      answeredBy: q.answer!.by,
      askedAt: new Date(q.askedAt).toISOString(),
      answeredAt: new Date(q.answer!.at).toISOString(),
    }));
  return [...live, ...seededQuestions.filter((q) => q.procedureId === procedureId)].sort((a, b) => b.answeredAt.localeCompare(a.answeredAt));
};

export const myQuestions = (citizenId: string, now = new Date()): MyQuestion[] => {
  progressQuestions(now);
  return [...state.questions.values()]
    .filter((q) => q.citizenId === citizenId)
    .map(mine)
    .sort((a, b) => b.askedAt.localeCompare(a.askedAt));
};

export const askQuestion = (
  citizenId: string,
  procedureId: string,
  key: string,
  body: { text: string; lang?: 'vi' | 'en' | undefined },
  now = new Date(),
): Result<MyQuestion> => {
  if (!db.procedures.has(procedureId)) return fail(404, 'procedure-not-found', 'No procedure with this code');
  const lang = body.lang ?? 'vi';
  const text = cleanText(body.text);
  const fingerprint = sha256(JSON.stringify([procedureId, lang, text]));
  const earlier = replay(citizenId, 'ask', key, fingerprint);
  if (earlier && 'ok' in earlier) return earlier;
  if (earlier) {
    const record = state.questions.get(earlier.ref);
    if (record) return { ok: true, created: false, value: mine(record) };
  }
  const problem = textProblem(body.text, TEXT_LIMITS.question);
  if (problem) return invalidText('text', problem, TEXT_LIMITS.question.max);
  const t = now.getTime();
  const limited = overLimit('questions', citizenId, t);
  if (limited) return limited;
  const record: QuestionRecord = { id: randomId('hd', 8), citizenId, procedureId, lang, text, askedAt: t, answer: null };
  state.questions.set(record.id, record);
  state.idempotency.set(keyOf(citizenId, 'ask', key), { fingerprint, ref: record.id });
  counted('questions', citizenId, t);
  return { ok: true, created: true, value: mine(record) };
};

/** Test control: the office answers now (with this text, or its usual one). */
export const forceAnswer = (id: string, text: string | undefined, now = new Date()): Result<MyQuestion> => {
  const record = state.questions.get(id);
  if (!record) return fail(404, 'question-not-found', 'No such question');
  if (record.answer) return fail(409, 'already-answered', 'This question was answered already');
  answerNow(record, now.getTime(), text);
  return { ok: true, created: false, value: mine(record) };
};

/** Test control: every question asked, with its asker. */
export const allQuestions = (): (MyQuestion & { citizenId: string })[] => [...state.questions.values()].map((q) => ({ ...mine(q), citizenId: q.citizenId }));

// ---------------------------------------------------------------------------------------------
// Problem reports
// ---------------------------------------------------------------------------------------------

export const receiveReport = (client: string, key: string, body: { path: string; text: string }, now = new Date()): Result<ReportReceipt> => {
  const text = cleanText(body.text);
  const fingerprint = sha256(JSON.stringify([body.path, text]));
  // Anonymous: a key is the sender's alone by its randomness, wherever the retry comes from.
  const earlier = replay('', 'report', key, fingerprint);
  if (earlier && 'ok' in earlier) return earlier;
  if (earlier) {
    const record = state.reports.find((r) => r.id === earlier.ref);
    if (record) return { ok: true, created: false, value: { id: record.id, receivedAt: record.receivedAt } };
  }
  const problem = textProblem(body.text, TEXT_LIMITS.report);
  if (problem) return invalidText('text', problem, TEXT_LIMITS.report.max);
  const t = now.getTime();
  const limited = overLimit('reports', client, t);
  if (limited) return limited;
  const record: ReportRecord = { id: randomId('pa', 8), path: body.path, text, receivedAt: now.toISOString(), client };
  state.reports.push(record);
  state.idempotency.set(keyOf('', 'report', key), { fingerprint, ref: record.id });
  counted('reports', client, t);
  return { ok: true, created: true, value: { id: record.id, receivedAt: record.receivedAt } };
};

/** Test control: the reports held (without the client they came from). */
export const allReports = (): Omit<ReportRecord, 'client'>[] => state.reports.map(({ client: _client, ...report }) => report);
