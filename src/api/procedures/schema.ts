import { z } from 'zod';

/**
 * Online public service level. Decree 42/2022/NĐ-CP speaks of "toàn trình" (full-process) and
 * "một phần" (partial); portals still say "mức độ 4" and "mức độ 3". We store the new term and
 * show both (domain.md, "Service levels").
 */
export const ServiceLevel = z.enum(['partial', 'full']);
export type ServiceLevel = z.infer<typeof ServiceLevel>;

/** Level of government that handles the procedure (cấp thực hiện), two-tier since 1/7/2025. */
export const Tier = z.enum(['central', 'province', 'commune']);
export type Tier = z.infer<typeof Tier>;

/** National procedure code, e.g. "1.001193". */
export const ProcedureCode = z.string().regex(/^\d\.\d{6}$/);

export const Field = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  nameEn: z.string().min(1),
});
export type Field = z.infer<typeof Field>;

export const Agency = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  nameEn: z.string().min(1),
  tier: Tier,
});
export type Agency = z.infer<typeof Agency>;

export const RequiredDocument = z.object({
  name: z.string().min(1),
  /** Official template (mẫu đơn, tờ khai), e.g. "Mẫu CT01". */
  template: z.string().min(1).optional(),
  originals: z.number().int().min(0),
  copies: z.number().int().min(0),
  optional: z.boolean().default(false),
  note: z.string().optional(),
});
export type RequiredDocument = z.infer<typeof RequiredDocument>;

export const Fee = z.object({
  kind: z.enum(['fee', 'charge']),
  /** Amount in đồng; null when it depends on the case or is set by the province. */
  amount: z.number().int().min(0).nullable(),
  description: z.string().min(1),
});
export type Fee = z.infer<typeof Fee>;

export const LegalBasis = z.object({
  number: z.string().min(1),
  title: z.string().min(1),
  issuer: z.string().min(1).optional(),
  issuedOn: z.iso.date().optional(),
});
export type LegalBasis = z.infer<typeof LegalBasis>;

export const Faq = z.object({ question: z.string().min(1), answer: z.string().min(1) });
export type Faq = z.infer<typeof Faq>;

export const ProcessingTime = z.object({
  /** Working days under the legal limit; null when it is counted otherwise (see text). */
  workingDays: z.number().min(0).nullable(),
  text: z.string().min(1),
});
export type ProcessingTime = z.infer<typeof ProcessingTime>;

export const Procedure = z.object({
  /** URL key: the national code when known, otherwise a stable slug. */
  id: z.string().regex(/^[a-z0-9.-]+$/),
  /** National code; null when we could not verify it (we never invent one). */
  code: ProcedureCode.nullable(),
  name: z.string().min(1),
  nameEn: z.string().min(1),
  level: ServiceLevel,
  field: Field,
  agency: Agency,
  tiers: z.array(Tier).min(1),
  /** Search synonyms in plain words, e.g. "giấy khai sinh", "làm căn cước". */
  keywords: z.array(z.string()).default([]),
  summary: z.string().min(1),
  steps: z.array(z.string().min(1)).min(1),
  documents: z.array(RequiredDocument),
  processingTime: ProcessingTime,
  fees: z.array(Fee),
  /** Free text when fees vary or an exemption applies. */
  feeNote: z.string().optional(),
  result: z.string().min(1),
  conditions: z.string().optional(),
  legalBasis: z.array(LegalBasis).min(1),
  faq: z.array(Faq),
  /** Does the simulated backend have an e-form for it (later issues). */
  hasEForm: z.boolean().default(false),
  updatedAt: z.iso.date(),
});
export type Procedure = z.infer<typeof Procedure>;
export type ProcedureInput = z.input<typeof Procedure>;

/** What the catalogue list needs: small enough to ship the whole catalogue at once. */
export const ProcedureSummary = Procedure.pick({
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
}).extend({
  /** Lowest fee in đồng, 0 when free, null when it varies. */
  feeFrom: z.number().int().min(0).nullable(),
});
export type ProcedureSummary = z.infer<typeof ProcedureSummary>;

export const Catalogue = z.object({
  procedures: z.array(ProcedureSummary),
  fields: z.array(Field),
  agencies: z.array(Agency),
  updatedAt: z.iso.datetime(),
});
export type Catalogue = z.infer<typeof Catalogue>;
