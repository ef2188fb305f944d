import { COMMENT_MAX, type IndicatorScore, type RateDossier, type RatingChannel, type RatingLevel } from '../../api/ratings/schema.ts';

/** What the citizen has chosen so far; kept as typed whatever happens to a send. */
export interface Answers {
  overall: RatingLevel | null;
  convenience: RatingLevel | null;
  indicators: Record<string, IndicatorScore>;
  comment: string;
}

export const EMPTY_ANSWERS: Answers = { overall: null, convenience: null, indicators: {}, comment: '' };

export type AnswerError = { field: 'overall'; key: 'overallRequired' } | { field: 'comment'; key: 'tooLong' | 'blank'; count: number };

/** Why the answers cannot be sent yet (the same rules the backend holds them to). */
export const answerErrors = (answers: Answers, commentMax: number = COMMENT_MAX): AnswerError[] => {
  const errors: AnswerError[] = [];
  if (!answers.overall) errors.push({ field: 'overall', key: 'overallRequired' });
  const count = answers.comment.length;
  if (count > commentMax) errors.push({ field: 'comment', key: 'tooLong', count });
  else if (count > 0 && answers.comment.trim() === '') errors.push({ field: 'comment', key: 'blank', count });
  return errors;
};

/** The request body for valid answers: only what was answered; the comment trimmed. */
export const ratingBody = (answers: Answers & { overall: RatingLevel }, channel: RatingChannel, criteriaVersion: string): RateDossier => {
  const comment = answers.comment.trim();
  return {
    channel,
    criteriaVersion,
    overall: answers.overall,
    ...(answers.convenience ? { convenience: answers.convenience } : {}),
    ...(Object.keys(answers.indicators).length > 0 ? { indicators: { ...answers.indicators } } : {}),
    ...(comment ? { comment } : {}),
  };
};

/** Answers again from a body that was kept (a refused rating, to answer again). */
export const answersFrom = (body: Partial<RateDossier>): Answers => ({
  overall: body.overall ?? null,
  convenience: body.convenience ?? null,
  indicators: { ...(body.indicators ?? {}) },
  comment: body.comment ?? '',
});
