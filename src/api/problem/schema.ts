import { z } from 'zod/mini';

/**
 * RFC 9457 problem details: the body of every refusal of the API, sent as
 * `application/problem+json`. `type` names the kind of problem (a URI), `status` repeats the
 * HTTP status, `title` says it in words for a developer (the app translates `code` or the status
 * for the citizen, never shows `title`). More members may follow (e.g. `fields`, `maxBytes`).
 * Never a stack trace, a file path or anything else about the server's insides.
 */
export const Problem = z.looseObject({
  type: z.string().check(z.minLength(1)),
  title: z.string().check(z.minLength(1)),
  status: z.int().check(z.minimum(400), z.maximum(599)),
  /** Stable machine-readable reason, e.g. `file-too-large`, `session-expired`. */
  code: z.string().check(z.regex(/^[a-z0-9-]+$/)),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
});
export type Problem = z.infer<typeof Problem>;

/** The `type` of a problem with this code. */
export const problemType = (code: string) => `urn:mot-cua-so:problem:${code}`;

/** One answer of an e-form the backend refused: the field's path and an i18n key (eform `validation.*`). */
export const FieldError = z.object({
  /** The field's path in the answers: `childDateOfBirth`, `members.0.fullName`. */
  path: z.string(),
  code: z.string().check(z.regex(/^validation\.[A-Za-z.]+$/)),
});
export type FieldError = z.infer<typeof FieldError>;

/**
 * 422 `invalid-values`: the answers do not hold under the form's definition (the same compiled
 * schema the app checks them with, src/api/forms/validator.ts). Each error names a field.
 */
export const InvalidValuesProblem = z.extend(Problem, {
  status: z.literal(422),
  code: z.literal('invalid-values'),
  errors: z.array(FieldError).check(z.minLength(1)),
});
export type InvalidValuesProblem = z.infer<typeof InvalidValuesProblem>;
