import { queryOptions } from '@tanstack/react-query';
import { listMyQuestions, listProcedureQuestions } from './requests.ts';

/** The citizen's own questions are keyed by their `sub`, like every personal query. */
export const questionKeys = {
  all: ['questions'] as const,
  procedure: (procedureId: string) => [...questionKeys.all, 'procedure', procedureId] as const,
  mine: (sub: string) => [...questionKeys.all, 'mine', sub] as const,
};

export const procedureQuestionsQueryOptions = (procedureId: string) =>
  queryOptions({
    queryKey: questionKeys.procedure(procedureId),
    queryFn: ({ signal }) => listProcedureQuestions(procedureId, signal),
    // Answers are published at any moment (the asker may have just read theirs): asked again on each visit.
    staleTime: 0,
  });

export const myQuestionsQueryOptions = (sub: string) =>
  queryOptions({
    queryKey: questionKeys.mine(sub),
    queryFn: ({ signal }) => listMyQuestions(signal),
    staleTime: 15_000,
  });
