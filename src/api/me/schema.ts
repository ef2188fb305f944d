import { z } from 'zod/mini';
import { DocumentType } from '../common/schema.ts';

/**
 * The citizen's personal electronic data store (kho dữ liệu điện tử của tổ chức, cá nhân):
 * what national databases already hold about them, and the documents and results they keep.
 * Every section says where it came from and when, so forms can show provenance.
 */
export const SourceId = z.enum(['population-db', 'civil-status-db', 'vneid-account', 'data-store']);
export type SourceId = z.infer<typeof SourceId>;

export const Source = z.object({
  id: SourceId,
  /** When the data was last retrieved from that source (ISO date-time). */
  retrievedAt: z.iso.datetime(),
});
export type Source = z.infer<typeof Source>;

const nonEmpty = () => z.string().check(z.minLength(1));

/** Two-tier address after 1/7/2025: line (house number, street/hamlet), commune, province. */
export const Address = z.object({
  line: nonEmpty(),
  communeCode: z.string().check(z.regex(/^\d{5}$/)),
  communeName: nonEmpty(),
  provinceCode: z.string().check(z.regex(/^\d{2}$/)),
  provinceName: nonEmpty(),
});
export type Address = z.infer<typeof Address>;

export const Sex = z.enum(['male', 'female']);
export type Sex = z.infer<typeof Sex>;

export const MaritalStatus = z.enum(['single', 'married', 'divorced', 'widowed']);
export type MaritalStatus = z.infer<typeof MaritalStatus>;

/** 12-digit personal identification number (số định danh cá nhân). */
export const IdNumber = z.string().check(z.regex(/^\d{12}$/));

export const Citizen = z.object({
  idNumber: IdNumber,
  /** Họ, chữ đệm và tên, as registered. */
  fullName: nonEmpty(),
  dateOfBirth: z.iso.date(),
  sex: Sex,
  ethnicity: nonEmpty(),
  nationality: nonEmpty(),
  religion: z.optional(z.string()),
  /** Quê quán, as written on their documents (may use pre-2025 unit names). */
  placeOfOrigin: nonEmpty(),
  /** Nơi đăng ký khai sinh, as written. */
  placeOfBirth: nonEmpty(),
  permanentAddress: Address,
  currentAddress: Address,
  maritalStatus: MaritalStatus,
  /** Where the citizen has been registered as living (thường trú, tạm trú), oldest first. */
  residenceHistory: z.optional(
    z.array(
      z.object({
        fromYear: z.int(),
        /** Absent: still registered there. */
        toYear: z.optional(z.int()),
        place: nonEmpty(),
        kind: z.enum(['permanent', 'temporary']),
      }),
    ),
  ),
});
export type Citizen = z.infer<typeof Citizen>;

export const Contact = z.object({
  phone: z.optional(z.string().check(z.regex(/^0\d{9}$/))),
  email: z.optional(z.email()),
});
export type Contact = z.infer<typeof Contact>;

export const Relationship = z.enum(['head', 'spouse', 'child', 'parent', 'sibling', 'grandchild', 'other']);
export type Relationship = z.infer<typeof Relationship>;

export const HouseholdMember = z.object({
  idNumber: z.optional(IdNumber),
  fullName: nonEmpty(),
  dateOfBirth: z.iso.date(),
  sex: Sex,
  /** As the population database records it; absent for a foreign national. */
  ethnicity: z.optional(nonEmpty()),
  nationality: nonEmpty(),
  relationship: Relationship,
});
export type HouseholdMember = z.infer<typeof HouseholdMember>;

export const Household = z.object({
  /** Số hộ / household code in the residence database. */
  code: nonEmpty(),
  headName: nonEmpty(),
  /** Everyone registered in the household, the citizen included. */
  members: z.array(HouseholdMember),
});
export type Household = z.infer<typeof Household>;

export { DocumentType } from '../common/schema.ts';

export const StoredDocument = z.object({
  id: nonEmpty(),
  type: DocumentType,
  title: nonEmpty(),
  /** Số, ký hiệu of the paper. */
  number: nonEmpty(),
  issuer: nonEmpty(),
  issuedOn: z.iso.date(),
  validUntil: z.nullable(z.iso.date()),
  /** 'result': issued through an online dossier; 'digitised': scanned by an agency. */
  origin: z.enum(['result', 'digitised', 'uploaded']),
  file: z.object({ name: nonEmpty(), mime: z.enum(['application/pdf', 'image/jpeg', 'image/png']), size: z.int().check(z.minimum(1)) }),
  /** The person the document is about, when not the citizen (a child's birth certificate). */
  subjectName: z.optional(z.string()),
});
export type StoredDocument = z.infer<typeof StoredDocument>;

export const DataStore = z.object({
  citizen: Citizen,
  contact: Contact,
  household: Household,
  documents: z.array(StoredDocument),
  /** Where each section came from: citizen → population-db, contact → vneid-account, … */
  sources: z.object({ citizen: Source, contact: Source, household: Source, documents: Source }),
});
export type DataStore = z.infer<typeof DataStore>;

/**
 * The parts of the data store, as a consent names them (assisted mode, docs/domain/assisted.md):
 * identity (the citizen's particulars), residence (their addresses), household, contact, documents.
 */
export const DataScope = z.enum(['identity', 'residence', 'household', 'contact', 'documents']);
export type DataScope = z.infer<typeof DataScope>;
export const DATA_SCOPES: readonly DataScope[] = DataScope.options;

/** The citizen's fields that are their residence; every other field of `citizen` is identity. */
export const RESIDENCE_FIELDS = ['permanentAddress', 'currentAddress', 'residenceHistory'] as const satisfies readonly (keyof Citizen)[];

/**
 * GET /me as a reader gets it: the whole data store for the citizen's own token; for a delegated
 * token (a volunteer helping them), only the parts the consent's data scope lists, named in
 * `scope` — a part outside it is absent, never empty or made up.
 */
export const DataStoreView = z.object({
  citizen: z.partial(Citizen),
  contact: z.optional(Contact),
  household: z.optional(Household),
  documents: z.optional(z.array(StoredDocument)),
  sources: z.partial(DataStore.shape.sources),
  scope: z.optional(z.array(DataScope)),
});
export type DataStoreView = z.infer<typeof DataStoreView>;

/** "This is wrong": a request to the source agency to correct a value, not a silent overwrite. */
export const CorrectionRequest = z.object({
  path: nonEmpty(),
  currentValue: z.string(),
  proposedValue: z.string(),
  note: z.optional(z.string()),
});
export type CorrectionRequest = z.infer<typeof CorrectionRequest>;

export const CorrectionReceipt = z.object({ id: nonEmpty(), status: z.enum(['received']), createdAt: z.iso.datetime() });
export type CorrectionReceipt = z.infer<typeof CorrectionReceipt>;

/**
 * A correction request as the backend keeps it: what was asked, of which value, and when. Listed
 * back (GET /me/corrections) so the form and the data store page show it pending on any device.
 */
export const Correction = z.object({
  ...CorrectionRequest.shape,
  ...CorrectionReceipt.shape,
});
export type Correction = z.infer<typeof Correction>;
