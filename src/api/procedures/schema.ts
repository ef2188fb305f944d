import { z } from 'zod/mini';
import { DocumentType } from '../common/schema.ts';
import { SERVICE_LEVELS, TIERS } from './values.ts';

// zod/mini (functional API, tree-shakes to a third of classic zod): these schemas parse the
// public catalogue on the critical path of the first page a citizen opens.

/**
 * Online public service level. Decree 42/2022/NĐ-CP speaks of "toàn trình" (full-process) and
 * "một phần" (partial); portals still say "mức độ 4" and "mức độ 3". We store the new term and
 * show both (docs/domain/service-levels.md).
 */
export const ServiceLevel = z.enum(SERVICE_LEVELS);
export type ServiceLevel = z.infer<typeof ServiceLevel>;

/** Level of government that handles the procedure (cấp thực hiện), two-tier since 1/7/2025. */
export const Tier = z.enum(TIERS);
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

/** A requirement's stable id within its procedure: what dossiers and forms refer to it by. */
export const RequirementId = z.string().check(z.regex(/^[a-z0-9-]+$/), z.maxLength(60));

export const RequiredDocument = z.object({
  id: RequirementId,
  name: z.string().check(z.minLength(1)),
  /** Official template (mẫu đơn, tờ khai), e.g. "Mẫu CT01". */
  template: z.optional(z.string().check(z.minLength(1))),
  originals: z.int().check(z.minimum(0)),
  copies: z.int().check(z.minimum(0)),
  optional: z._default(z.boolean(), false),
  note: z.optional(z.string()),
  /**
   * Which papers from the citizen's data store satisfy it, by document type. A file the
   * citizen scans or photographs for it is always accepted (an official reads it); a stored
   * paper of any other type is refused (docs/domain/fees.md#papers).
   */
  accepts: z._default(z.array(DocumentType), []),
  /**
   * Filing online provides it without a paper: the e-form is the application form, and the
   * VNeID sign-in stands for the applicant's identity papers (Decree 45/2020, art. 9).
   */
  providedBy: z.optional(z.enum(['eform', 'identity'])),
});
export type RequiredDocument = z.infer<typeof RequiredDocument>;

/**
 * Who the person filing is to the person the dossier is for, when they are not the same
 * (assisted mode: a volunteer files for a resident). `none`: no family tie.
 */
export const FilerRelationship = z.enum(['none', 'parent', 'spouse', 'child', 'sibling', 'grandparent', 'grandchild', 'other-relative']);
export type FilerRelationship = z.infer<typeof FilerRelationship>;
export const FILER_RELATIONSHIPS: readonly FilerRelationship[] = FilerRelationship.options;

/**
 * Filing for someone else, where the law asks for the person's written authorisation
 * (docs/domain/assisted.md#written-authorisation): the requirement that is the authorisation
 * paper, and the relatives who may file without one. Absent: anyone may file for the person.
 */
export const OnBehalfRule = z.object({
  /** The requirement (of this procedure's documents) that takes the authorisation paper. */
  authorisation: RequirementId,
  /** Relatives of the person who need no written authorisation. */
  exemptRelationships: z._default(z.array(FilerRelationship), []),
});
export type OnBehalfRule = z.infer<typeof OnBehalfRule>;

/** Whether this person filing for someone else needs the written authorisation. */
export const authorisationNeeded = (rule: OnBehalfRule | undefined, relationship: FilerRelationship | null | undefined): boolean =>
  rule !== undefined && !(relationship && rule.exemptRelationships.includes(relationship));

/**
 * An answer of the e-form that only the person may give: filed for them by someone else (a
 * delegated token, docs/domain/assisted.md#written-authorisation), the form's top-level `field`
 * may hold none of `values`. E.g. Phiếu lý lịch tư pháp số 2 is never requested by authorisation
 * (Luật Lý lịch tư pháp 2009, art. 46(2)).
 */
export const NotOnBehalfAnswer = z.object({
  /** The e-form field's id (a top-level field of the procedure's form). */
  field: z.string().check(z.minLength(1)),
  /** Its option values that only the person may choose. */
  values: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
});
export type NotOnBehalfAnswer = z.infer<typeof NotOnBehalfAnswer>;

/** Ways of filing that a rate can be for. */
export const Channel = z.enum(['online', 'paper']);
export type Channel = z.infer<typeof Channel>;

export const Fee = z.object({
  kind: z.enum(['fee', 'charge']),
  /** Amount in đồng; null when it depends on the case or is set by the province. */
  amount: z.nullable(z.int().check(z.minimum(0))),
  description: z.string().check(z.minLength(1)),
  /** The way of filing this rate is for; absent when the catalogue does not distinguish. */
  channel: z.optional(Channel),
  /**
   * The applicants or cases this rate is only for, as the catalogue words them (a reduced
   * rate for students, a re-issue after a loss…): never chosen by itself, since the app cannot
   * tell who belongs to the group.
   */
  onlyFor: z.optional(z.string().check(z.minLength(1))),
  /** The amount covers `included` copies; each copy beyond them costs `amount` more. */
  perCopy: z.optional(z.object({ included: z.int().check(z.minimum(1)), amount: z.int().check(z.minimum(0)) })),
  /** Who does not pay this rate, as the catalogue states it. */
  exemptions: z._default(z.array(z.string().check(z.minLength(1))), []),
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
  /** The type of the electronic result placed in the citizen's data store. */
  resultType: z._default(DocumentType, 'other'),
  /**
   * The e-form field that holds the number of copies asked for, when the fee is priced per
   * copy (see Fee.perCopy).
   */
  copiesField: z.optional(z.string().check(z.minLength(1))),
  conditions: z.optional(z.string()),
  legalBasis: z.array(LegalBasis).check(z.minLength(1)),
  faq: z.array(Faq),
  /** Filing for someone else needs their written authorisation (see OnBehalfRule). */
  onBehalf: z.optional(OnBehalfRule),
  /** Answers that cannot be given on the person's behalf (see NotOnBehalfAnswer). */
  notOnBehalf: z.optional(z.array(NotOnBehalfAnswer)),
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

/**
 * One office that receives dossiers of a procedure: the procedure's agency in one commune or
 * province (UBND Phường Thuận Hóa, Công an Thành phố Huế), or the one central office. The
 * citizen chooses one of these as the receiving agency; its name and code are the backend's.
 */
export const Office = z.object({
  id: z.string().check(z.regex(/^[a-z0-9-]+$/)),
  name: z.string().check(z.minLength(1)),
  /** The role it plays (Agency.id). */
  agencyId: z.string().check(z.regex(/^[a-z0-9-]+$/)),
  /** The province it serves; null for a central office (the whole country). */
  provinceCode: z.nullable(z.string().check(z.regex(/^\d{2}$/))),
  /** The communes it serves; absent when it serves the whole province. */
  communeCodes: z.optional(z.array(z.string().check(z.regex(/^\d{5}$/)))),
});
export type Office = z.infer<typeof Office>;

export const OfficeList = z.object({ offices: z.array(Office) });
export type OfficeList = z.infer<typeof OfficeList>;

/** A BCP 47 language tag as the backend names a translation: "en", "fr", "zh-Hant"… */
export const LanguageTag = z.string().check(z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/));

const Text = z.string().check(z.minLength(1));

/**
 * A procedure's content in another language, as the backend publishes it beside the Vietnamese
 * (`GET /procedures/{id}/translations/{lang}`; 404 when it has none in that language). The
 * Vietnamese `Procedure` stays the official text; a translation may cover only some parts, and
 * every part it leaves out is shown in Vietnamese, saying so (docs/architecture/decisions.md, 15).
 * Names are not here: `nameEn` of the procedure, its field and its agency are in the catalogue.
 */
export const ProcedureTranslation = z.object({
  procedureId: z.string().check(z.regex(/^[a-z0-9.-]+$/)),
  lang: LanguageTag,
  /**
   * The Vietnamese version it translates (`Procedure.updatedAt`). A translation of an older
   * version is not shown: steps, papers or fees may have changed since.
   */
  sourceUpdatedAt: z.iso.date(),
  summary: z.optional(Text),
  steps: z.optional(z.array(Text).check(z.minLength(1))),
  /** By requirement id; a part counts as translated only when every requirement is here. */
  documents: z.optional(
    z.array(
      z.object({
        id: RequirementId,
        name: Text,
        template: z.optional(Text),
        note: z.optional(Text),
      }),
    ),
  ),
  processingTime: z.optional(Text),
  /** One per fee of the procedure, in the same order: amounts and rules stay the Vietnamese ones. */
  fees: z.optional(z.array(z.object({ description: Text }))),
  feeNote: z.optional(Text),
  result: z.optional(Text),
  conditions: z.optional(Text),
  faq: z.optional(z.array(Faq)),
});
export type ProcedureTranslation = z.infer<typeof ProcedureTranslation>;
export type ProcedureTranslationInput = z.input<typeof ProcedureTranslation>;
