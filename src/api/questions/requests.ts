import { apiRequest } from '../client.ts';
import { MyQuestion, MyQuestionList, PublicQuestionList, ReportReceipt, type AskQuestion, type ProblemReport } from './schema.ts';

const idempotent = (key: string) => ({ 'Idempotency-Key': key });

/** Public: the answered questions of a procedure (404 for an unknown procedure). */
export const listProcedureQuestions = (procedureId: string, signal?: AbortSignal): Promise<PublicQuestionList> =>
  apiRequest(`/procedures/${encodeURIComponent(procedureId)}/questions`, PublicQuestionList, { signal });

/** Exactly once per key: a retry with the same key answers the question already asked. */
export const askQuestion = (procedureId: string, body: AskQuestion, idempotencyKey: string): Promise<MyQuestion> =>
  apiRequest(`/procedures/${encodeURIComponent(procedureId)}/questions`, MyQuestion, { method: 'POST', body, headers: idempotent(idempotencyKey), auth: true });

export const listMyQuestions = (signal?: AbortSignal): Promise<MyQuestionList> => apiRequest('/questions/mine', MyQuestionList, { signal, auth: true });

/** Anonymous, exactly once per key; nobody replies. */
export const reportProblem = (body: ProblemReport, idempotencyKey: string): Promise<ReportReceipt> =>
  apiRequest('/feedback', ReportReceipt, { method: 'POST', body, headers: idempotent(idempotencyKey) });
