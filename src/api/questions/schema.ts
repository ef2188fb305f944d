import { z } from 'zod/mini';

/**
 * Questions and feedback (hỏi đáp, phản ánh – kiến nghị): a signed-in citizen asks the office a
 * question about a procedure; once answered it is public on the procedure's page, without the
 * asker's identity. Anyone may report a problem with a page of the app, anonymously, with no
 * reply. Shared by the app, the simulated backend and the conformance suite.
 */
const nonEmpty = () => z.string().check(z.minLength(1));

/**
 * How much a question or a report may say (characters after trimming). The same figures in the
 * app (checked before sending), the backend (422) and the contract.
 */
export const TEXT_LIMITS = {
  question: { min: 10, max: 2000 },
  report: { min: 5, max: 2000 },
} as const;

/**
 * How often one may post: a citizen this many questions per window, a client (by connection
 * address) this many reports per window. Past it: 429 with Retry-After. Refused posts and
 * replays of an Idempotency-Key do not count.
 */
export const POST_LIMITS = {
  questions: { requests: 5, windowMs: 60 * 60_000 },
  reports: { requests: 5, windowMs: 10 * 60_000 },
} as const;

/** Why a text was refused: the `fields` of a 422 problem name one of these per field. */
export const TextProblem = z.enum(['blank', 'too-short', 'too-long', 'personal-number']);
export type TextProblem = z.infer<typeof TextProblem>;

/**
 * A run of 9 or more digits (spaces, dots and dashes between them allowed) looks like an ID
 * number, an insurance number or a phone number: a question is published and a report is read
 * by staff, so neither may carry one (docs/domain/questions.md).
 */
const PERSONAL_NUMBER = /\d(?:[\s.-]?\d){8,}/;

/**
 * What is wrong with a text, if anything: over the maximum as typed (UTF-16 units, as the
 * schema's maxLength counts), or, once trimmed, empty, too short or carrying a number that looks
 * personal. `<script>` and the like are fine: it is text, stored and shown as text, never HTML.
 */
export const textProblem = (text: string, limits: { min: number; max: number }): TextProblem | undefined => {
  if (text.length > limits.max) return 'too-long';
  const trimmed = text.normalize('NFC').trim();
  if (trimmed === '') return 'blank';
  if (trimmed.length < limits.min) return 'too-short';
  if (PERSONAL_NUMBER.test(trimmed)) return 'personal-number';
  return undefined;
};

/** The text as it is stored: NFC, trimmed. */
export const cleanText = (text: string): string => text.normalize('NFC').trim();

/** POST /procedures/{id}/questions (signed in, Idempotency-Key). */
export const AskQuestion = z.object({
  text: z.string().check(z.maxLength(TEXT_LIMITS.question.max)),
  /** The language the question is written in (the app's language); the answer comes in it. */
  lang: z.optional(z.enum(['vi', 'en'])),
});
export type AskQuestion = z.infer<typeof AskQuestion>;

/** POST /feedback (no sign-in, Idempotency-Key): a problem with a page of the app. */
export const ProblemReport = z.object({
  /** The page's path and query, e.g. `/services/1.001193` (never a full URL with a host). */
  path: z.string().check(z.regex(/^\/[^\s]*$/), z.maxLength(500)),
  text: z.string().check(z.maxLength(TEXT_LIMITS.report.max)),
});
export type ProblemReport = z.infer<typeof ProblemReport>;

/** What the backend answers to a report: received, and nothing more will come of it for the sender. */
export const ReportReceipt = z.object({ id: nonEmpty(), receivedAt: z.iso.datetime() });
export type ReportReceipt = z.infer<typeof ReportReceipt>;

/** An answered question as everybody sees it: no asker, no date of birth, nothing personal. */
export const PublicQuestion = z.object({
  id: nonEmpty(),
  procedureId: nonEmpty(),
  /** The language the question was asked and answered in. */
  lang: z.enum(['vi', 'en']),
  question: nonEmpty(),
  answer: nonEmpty(),
  /** Who answered (the office), not who asked. */
  answeredBy: nonEmpty(),
  askedAt: z.iso.datetime(),
  answeredAt: z.iso.datetime(),
  /** The same in English, where the office provided it. */
  en: z.optional(z.object({ question: nonEmpty(), answer: nonEmpty() })),
});
export type PublicQuestion = z.infer<typeof PublicQuestion>;

export const PublicQuestionList = z.object({ questions: z.array(PublicQuestion) });
export type PublicQuestionList = z.infer<typeof PublicQuestionList>;

export const QuestionStatus = z.enum(['waiting', 'answered']);
export type QuestionStatus = z.infer<typeof QuestionStatus>;

/** A question as its asker sees it. */
export const MyQuestion = z.object({
  id: nonEmpty(),
  procedureId: nonEmpty(),
  procedureName: nonEmpty(),
  question: nonEmpty(),
  status: QuestionStatus,
  askedAt: z.iso.datetime(),
  answer: z.nullable(z.object({ text: nonEmpty(), answeredBy: nonEmpty(), answeredAt: z.iso.datetime() })),
});
export type MyQuestion = z.infer<typeof MyQuestion>;

export const MyQuestionList = z.object({ questions: z.array(MyQuestion) });
export type MyQuestionList = z.infer<typeof MyQuestionList>;
