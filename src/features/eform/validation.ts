import type { FieldErrors, Resolver } from 'react-hook-form';
import { toNestErrors } from '@hookform/resolvers';
import type { FormDefinition } from '../../api/forms/schema.ts';
import { validateAnswers } from '../../api/forms/validator.ts';
import type { FieldError } from '../../api/problem/schema.ts';
import { toSubmission } from './submission.ts';
import type { Values } from './definition.ts';

/**
 * The e-form has no validation of its own: the answers, as they would be sent, go through the
 * schema compiled from the definition (src/api/forms/validator.ts), the one the backend runs on
 * check and on submit. Messages are i18n keys (eform `validation.*`), translated where shown.
 */
export const formErrors = (definition: FormDefinition, values: Values): FieldError[] => validateAnswers(definition, toSubmission(definition, values));

/** Errors keyed by field path ("childFullName", "members.0.fullName"). */
export const validateValues = (definition: FormDefinition, values: Values): Record<string, string> =>
  Object.fromEntries(formErrors(definition, values).map((e) => [e.path, e.code]));

/** Field errors (the app's or the backend's) as react-hook-form holds them, nested by path. */
export const nestErrors = (errors: readonly FieldError[], type = 'validate'): Record<string, { type: string; message: string }> =>
  Object.fromEntries(errors.map((e) => [e.path, { type, message: e.code }]));

/** react-hook-form's resolver: the compiled schema (compiled once per definition, see `formSchemaFor`). */
export const formResolver =
  (definition: FormDefinition): Resolver<Values> =>
  (values, _context, options) => {
    const errors = formErrors(definition, values);
    if (errors.length === 0) return { values, errors: {} };
    return { values: {}, errors: toNestErrors(nestErrors(errors) as FieldErrors, options) };
  };
