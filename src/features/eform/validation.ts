import type { FieldErrors, Resolver } from 'react-hook-form';
import { toNestErrors } from '@hookform/resolvers';
import type { FormDefinition } from '../../api/forms/schema.ts';
import { validateAnswers } from '../../api/forms/validator.ts';
import type { FieldError } from '../../api/problem/schema.ts';
import { NOT_ON_BEHALF_MESSAGE, checkAnswersOnBehalf } from '../../api/procedures/on-behalf.ts';
import type { NotOnBehalfAnswer } from '../../api/procedures/schema.ts';
import { toSubmission } from './submission.ts';
import type { Values } from './definition.ts';

/**
 * The e-form has no validation of its own: the answers, as they would be sent, go through the
 * schema compiled from the definition (src/api/forms/validator.ts), the one the backend runs on
 * check and on submit. Messages are i18n keys (eform `validation.*`), translated where shown.
 */
export const formErrors = (definition: FormDefinition, values: Values, notOnBehalf?: OnBehalfAnswers): FieldError[] => {
  const submission = toSubmission(definition, values);
  const errors = validateAnswers(definition, submission);
  if (!notOnBehalf) return errors;
  // Filed for someone else: what only the person may ask for, by the check the backend runs too.
  const refused = [...new Set(checkAnswersOnBehalf({ notOnBehalf }, submission).map((r) => r.field))].filter((field) => !errors.some((e) => e.path === field));
  return [...errors, ...refused.map((path) => ({ path, code: NOT_ON_BEHALF_MESSAGE }))];
};

/**
 * The procedure's answers that only the person may give (`notOnBehalf`), passed only while
 * filing for someone else (a volunteer's delegated token): the person themself may choose anything.
 */
export type OnBehalfAnswers = readonly NotOnBehalfAnswer[];

/** Errors keyed by field path ("childFullName", "members.0.fullName"). */
export const validateValues = (definition: FormDefinition, values: Values, notOnBehalf?: OnBehalfAnswers): Record<string, string> =>
  Object.fromEntries(formErrors(definition, values, notOnBehalf).map((e) => [e.path, e.code]));

/** Field errors (the app's or the backend's) as react-hook-form holds them, nested by path. */
export const nestErrors = (errors: readonly FieldError[], type = 'validate'): Record<string, { type: string; message: string }> =>
  Object.fromEntries(errors.map((e) => [e.path, { type, message: e.code }]));

/** react-hook-form's resolver: the compiled schema (compiled once per definition, see `formSchemaFor`). */
export const formResolver =
  (definition: FormDefinition, notOnBehalf?: OnBehalfAnswers): Resolver<Values> =>
  (values, _context, options) => {
    const errors = formErrors(definition, values, notOnBehalf);
    if (errors.length === 0) return { values, errors: {} };
    return { values: {}, errors: toNestErrors(nestErrors(errors) as FieldErrors, options) };
  };
