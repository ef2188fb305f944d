import type { PublicQuestion } from '../../../api/questions/schema.ts';
import { fold, foldedWords } from '../../../lib/vietnamese.ts';

/**
 * Answered questions whose question or answer (in either language) holds every word typed,
 * folded: "khai sinh qua han" finds "Quá 60 ngày mới đi đăng ký khai sinh…".
 */
export const filterQuestions = (questions: readonly PublicQuestion[], query: string): PublicQuestion[] => {
  const words = foldedWords(query);
  if (words.length === 0) return [...questions];
  return questions.filter((q) => {
    const haystack = fold([q.question, q.answer, q.en?.question ?? '', q.en?.answer ?? ''].join(' '));
    return words.every((w) => haystack.includes(w));
  });
};
