import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors.ts';
import { TextProblem, textProblem, type TextProblem as Problem } from '../../api/questions/schema.ts';
import { formatTime } from '../../lib/format.ts';

/**
 * Messages for a question's or a report's text, in the words of the `questions` namespace: what
 * the app found before sending, and what the backend refused (422 naming the field, 429 with
 * when to try again). What was typed always stays in the box.
 */
export const useTextMessages = () => {
  const { t, i18n } = useTranslation('questions');
  const problemMessage = (problem: Problem, limits: { min: number; max: number }, count: number): string => {
    switch (problem) {
      case 'blank':
        return t('text.blank');
      case 'too-short':
        return t('text.tooShort', { min: limits.min });
      case 'too-long':
        return t('text.tooLong', { max: limits.max, count });
      case 'personal-number':
        return t('text.personalNumber');
    }
  };
  /** The field the backend refused and why, when it said so (`fields.text` of a 422). */
  const refusedText = (error: unknown): Problem | undefined => {
    if (!isApiError(error) || error.kind !== 'invalid-input') return undefined;
    const fields = error.details?.fields;
    const reason = fields && typeof fields === 'object' ? (fields as Record<string, unknown>).text : undefined;
    const parsed = TextProblem.safeParse(reason);
    return parsed.success ? parsed.data : undefined;
  };
  const rateLimited = (error: unknown): string | undefined => {
    if (!isApiError(error) || error.kind !== 'rate-limited') return undefined;
    return error.retryAt ? t('text.rateLimited', { time: formatTime(error.retryAt, i18n.language) }) : t('text.rateLimitedNoTime');
  };
  return { problemMessage, refusedText, rateLimited };
};

/**
 * The text of a question or a report, for a CountedTextArea (`box`): what was typed, and the
 * problem with it — found before sending (`check`) or refused by the backend (`refused`) — shown
 * next to the box, which then takes the focus. The text is kept until `clear` (once sent).
 */
export const useLimitedText = (limits: { min: number; max: number }) => {
  const { problemMessage, refusedText } = useTextMessages();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<Problem | undefined>();
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const show = (found: Problem | undefined) => {
    setProblem(found);
    if (found) inputRef.current?.focus();
    return found !== undefined;
  };
  return {
    text,
    clear: () => setText(''),
    /** Before sending: false when the text may not be sent (and why is shown). */
    check: (): boolean => !show(textProblem(text, limits)),
    /** After a refusal: true when the backend refused the text itself (a 422 naming it, now shown). */
    refused: (error: unknown): boolean => {
      const found = refusedText(error);
      return found ? show(found) : false;
    },
    inputRef,
    box: { value: text, onChange: setText, max: limits.max, inputRef, error: problem ? problemMessage(problem, limits, text.length) : undefined },
  };
};
