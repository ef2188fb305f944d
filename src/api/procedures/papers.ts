import { z } from 'zod/mini';
import type { DocumentType } from '../me/schema.ts';
import { DocumentType as DocumentTypeSchema } from '../me/schema.ts';
import { RequirementId, authorisationNeeded, type FilerRelationship, type Procedure } from './schema.ts';

/**
 * Matching papers to a procedure's requirements by data: a requirement's id and the document
 * types that satisfy it. The app runs it on the documents step, the backend on submission, so
 * both refuse the same papers for the same reason.
 */

/** A paper offered for a requirement: a stored document has a type, a scan or photo does not. */
export interface OfferedPaper {
  requirement: string | null;
  /** The data-store document's type; null for a file the citizen uploaded. */
  type: DocumentType | null;
}

export const PaperProblemReason = z.enum(['wrong-type', 'missing', 'unknown-requirement']);
export type PaperProblemReason = z.infer<typeof PaperProblemReason>;

/** One refused requirement, as the `papers` member of a 422 `papers-refused` problem. */
export const PaperProblem = z.object({
  requirement: z.string().check(z.minLength(1)),
  reason: PaperProblemReason,
  /** What would satisfy it: the stored document types it accepts (a scan always does). */
  accepts: z.optional(z.array(DocumentTypeSchema)),
});
export type PaperProblem = z.infer<typeof PaperProblem>;

/** The problem body's extra member. */
export const PapersRefused = z.object({ papers: z.array(PaperProblem).check(z.minLength(1)) });

export const isRequirementId = (value: unknown): value is string => z.safeParse(RequirementId, value).success;

/**
 * What is wrong with these papers, one entry per requirement (empty when nothing is). For a
 * new dossier every required paper must be there, unless filing online provides it (the
 * e-form, the VNeID identity); a supplement adds papers to a dossier and need not repeat them.
 */
export const checkPapers = (
  procedure: Pick<Procedure, 'documents' | 'onBehalf'>,
  offered: readonly OfferedPaper[],
  options: { supplement?: boolean; onBehalf?: { relationship: FilerRelationship | null } } = {},
): PaperProblem[] => {
  const problems: PaperProblem[] = [];
  const add = (problem: PaperProblem) => {
    if (!problems.some((p) => p.requirement === problem.requirement)) problems.push(problem);
  };
  for (const paper of offered) {
    if (paper.requirement === null) continue;
    const requirement = procedure.documents.find((d) => d.id === paper.requirement);
    if (!requirement) add({ requirement: paper.requirement, reason: 'unknown-requirement' });
    else if (paper.type !== null && !requirement.accepts.includes(paper.type)) add({ requirement: requirement.id, reason: 'wrong-type', accepts: requirement.accepts });
  }
  if (!options.supplement) {
    // Filed for someone else where the law asks for their written authorisation: that paper is required.
    const authorisation = options.onBehalf && authorisationNeeded(procedure.onBehalf, options.onBehalf.relationship) ? procedure.onBehalf?.authorisation : undefined;
    for (const requirement of procedure.documents) {
      if ((requirement.optional && requirement.id !== authorisation) || requirement.providedBy) continue;
      if (!offered.some((p) => p.requirement === requirement.id)) add({ requirement: requirement.id, reason: 'missing', accepts: requirement.accepts });
    }
  }
  return problems;
};
