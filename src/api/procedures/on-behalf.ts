import { z } from 'zod/mini';
import type { NotOnBehalfAnswer } from './schema.ts';

/** A procedure, or just its rule (a procedure's `notOnBehalf`). */
type WithRule = { readonly notOnBehalf?: readonly NotOnBehalfAnswer[] | undefined };

/**
 * Answers that only the person may give (a procedure's `notOnBehalf`, docs/domain/assisted.md):
 * filed for them with a delegated token, the app refuses them on the e-form and the backend on
 * submission, by this one function, so both refuse the same answers for the same reason.
 */

/** One refused answer, as the `answers` member of a 422 `answer-not-on-behalf` problem. */
export const RefusedAnswer = z.object({
  /** The e-form field's id. */
  field: z.string().check(z.minLength(1)),
  /** The value given, one the rule says only the person may choose. */
  value: z.string().check(z.minLength(1)),
});
export type RefusedAnswer = z.infer<typeof RefusedAnswer>;

/** The problem body's extra members: `field` is the first refused field, for the app to show it there. */
export const AnswersNotOnBehalf = z.object({
  field: z.string().check(z.minLength(1)),
  answers: z.array(RefusedAnswer).check(z.minLength(1)),
});
export type AnswersNotOnBehalf = z.infer<typeof AnswersNotOnBehalf>;

/** The problem code of that refusal. */
export const NOT_ON_BEHALF = 'answer-not-on-behalf';

/** The i18n key (eform `validation.*`) the app shows beside such a field. */
export const NOT_ON_BEHALF_MESSAGE = 'validation.notOnBehalf';

/** The values of this field that cannot be chosen for someone else (empty when any can). */
export const valuesNotOnBehalf = (procedure: WithRule, field: string): readonly string[] =>
  procedure.notOnBehalf?.filter((rule) => rule.field === field).flatMap((rule) => rule.values) ?? [];

/**
 * What in these answers (as submitted: top-level field ids) cannot be given on the person's
 * behalf, one entry per refused value; empty when nothing is. Call it only for a dossier filed
 * for someone else: the person filing for themself may choose anything the form offers.
 */
export const checkAnswersOnBehalf = (procedure: WithRule, values: Readonly<Record<string, unknown>>): RefusedAnswer[] => {
  const refused: RefusedAnswer[] = [];
  for (const rule of procedure.notOnBehalf ?? []) {
    const answer = values[rule.field];
    // A choice of several (a list of values) is refused for any one of them.
    const given = Array.isArray(answer) ? answer : [answer];
    for (const value of given) {
      if (typeof value === 'string' && rule.values.includes(value) && !refused.some((r) => r.field === rule.field && r.value === value)) refused.push({ field: rule.field, value });
    }
  }
  return refused;
};
