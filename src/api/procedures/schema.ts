import { z } from 'zod/mini';

// zod/mini (functional API, tree-shakes to a third of classic zod): these schemas parse the
// public catalogue on the critical path of the first page a citizen opens.

/**
 * Online public service level. Decree 42/2022/NĐ-CP speaks of "toàn trình" (full-process) and
 * "một phần" (partial); portals still say "mức độ 4" and "mức độ 3". We store the new term and
 * show both (docs/domain/service-levels.md).
 */
export const ServiceLevel = z.enum(['partial', 'full']);
export type ServiceLevel = z.infer<typeof ServiceLevel>;

/** Level of government that handles the procedure (cấp thực hiện), two-tier since 1/7/2025. */
export const Tier = z.enum(['central', 'province', 'commune']);
export type Tier = z.infer<typeof Tier>;

/** National procedure code, e.g. "1.001193". */
export const ProcedureCode = z.string().check(z.regex(/^\d\.\d{6}$/));

export const Field = z.object({
  id: z.string().check(z.regex(/^[a-z0-9-]+$/)),
  name: z.string().check(z.minLength(1)),
  nameEn: z.string().check(z.minLength(1)),
});
export type Field = z.infer<typeof Field>;

export const Agency = z.object({
  id: z.string().check(z.regex(/^[a-z0-9-]+$/)),
  name: z.string().check(z.minLength(1)),
  nameEn: z.string().check(z.minLength(1)),
  tier: Tier,
});
export type Agency = z.infer<typeof Agency>;

export const RequiredDocument = z.object({
  name: z.string().check(z.minLength(1)),
  /** Official template (mẫu đơn, tờ khai), e.g. "Mẫu CT01". */
  template: z.optional(z.string().check(z.minLength(1))),
  originals: z.int().check(z.minimum(0)),
  copies: z.int().check(z.minimum(0)),
  optional: z._default(z.boolean(), false),
  note: z.optional(z.string()),
});
export type RequiredDocument = z.infer<typeof RequiredDocument>;

export const Fee = z.object({
  kind: z.enum(['fee', 'charge']),
  /** Amount in đồng; null when it depends on the case or is set by the province. */
  amount: z.nullable(z.int().check(z.minimum(0))),
  description: z.string().check(z.minLength(1)),
});
export type Fee = z.infer<typeof Fee>;

export const LegalBasis = z.object({
  number: z.string().check(z.minLength(1)),
  title: z.string().check(z.minLength(1)),
  issuer: z.optional(z.string().check(z.minLength(1))),
  issuedOn: z.optional(z.iso.date()),
});
export type LegalBasis = z.infer<typeof LegalBasis>;

export const Faq = z.object({ question: z.string().check(z.minLength(1)), answer: z.string().check(z.minLength(1)) });
export type Faq = z.infer<typeof Faq>;

export const ProcessingTime = z.object({
  /** Working days under the legal limit; null when it is counted otherwise (see text). */
  workingDays: z.nullable(z.number().check(z.minimum(0))),
  text: z.string().check(z.minLength(1)),
});
export type ProcessingTime = z.infer<typeof ProcessingTime>;

export const Procedure = z.object({
  /** URL key: the national code when known, otherwise a stable slug. */
  id: z.string().check(z.regex(/^[a-z0-9.-]+$/)),
  /** National code; null when we could not verify it (we never invent one). */
  code: z.nullable(ProcedureCode),
  name: z.string().check(z.minLength(1)),
  nameEn: z.string().check(z.minLength(1)),
  level: ServiceLevel,
  field: Field,
  agency: Agency,
  tiers: z.array(Tier).check(z.minLength(1)),
  /** Search synonyms in plain words, e.g. "giấy khai sinh", "làm căn cước". */
  keywords: z._default(z.array(z.string()), []),
  summary: z.string().check(z.minLength(1)),
  steps: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
  documents: z.array(RequiredDocument),
  processingTime: ProcessingTime,
  fees: z.array(Fee),
  /** Free text when fees vary or an exemption applies. */
  feeNote: z.optional(z.string()),
  result: z.string().check(z.minLength(1)),
  conditions: z.optional(z.string()),
  legalBasis: z.array(LegalBasis).check(z.minLength(1)),
  faq: z.array(Faq),
  /** Does the simulated backend have an e-form for it (later issues). */
  hasEForm: z._default(z.boolean(), false),
  updatedAt: z.iso.date(),
});
export type Procedure = z.infer<typeof Procedure>;
export type ProcedureInput = z.input<typeof Procedure>;

/** What the catalogue list needs: small enough to ship the whole catalogue at once. */
export const ProcedureSummary = z.extend(
  z.pick(Procedure, {
  id: true,
  code: true,
  name: true,
  nameEn: true,
  level: true,
  field: true,
  agency: true,
  tiers: true,
  keywords: true,
    processingTime: true,
  }),
  {
    /** Lowest fee in đồng, 0 when free, null when it varies. */
    feeFrom: z.nullable(z.int().check(z.minimum(0))),
  },
);
export type ProcedureSummary = z.infer<typeof ProcedureSummary>;

export const Catalogue = z.object({
  procedures: z.array(ProcedureSummary),
  fields: z.array(Field),
  agencies: z.array(Agency),
  updatedAt: z.iso.datetime(),
});
export type Catalogue = z.infer<typeof Catalogue>;
