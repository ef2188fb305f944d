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
