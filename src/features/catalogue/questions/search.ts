import type { PublicQuestion } from '../../../api/questions/schema.ts';
import { foldedWords } from '../../../lib/vietnamese.ts';

/**
 * Answered questions whose question or answer (in either language) holds every word typed,
 * folded: "qua han" finds "Quá 60 ngày … quá hạn". Whole words, but the last one may be the
 * start of a word (it is still being typed): "qua" does not find "quan hệ".
 */
export const filterQuestions = (questions: readonly PublicQuestion[], query: string): PublicQuestion[] => {
  const words = foldedWords(query);
  if (words.length === 0) return [...questions];
  const last = words.length - 1;
  return questions.filter((q) => {
    const haystack = foldedWords([q.question, q.answer, q.en?.question ?? '', q.en?.answer ?? ''].join(' '));
    return words.every((w, i) => haystack.some((h) => (i === last ? h.startsWith(w) : h === w)));
  });
};
