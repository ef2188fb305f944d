import { z } from 'zod/mini';

/**
 * Small schemas several resources share. They live apart from the resources that first needed
 * them so that a page which only needs these does not evaluate a resource's whole contract: a
 * procedure page that imported the statistics' schema used to build every dossier, identity
 * and form schema too (zod builds each schema when its module runs: a long task on a slow phone).
 */

const nonEmpty = () => z.string().check(z.minLength(1));

/**
 * Circular 01/2018/TT-VPCP art. 19: `V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX` — the receiving
 * agency's code, the receipt date, a 4-digit daily sequence. Example: 000.00.12.H62-201105-0004.
 */
export const DOSSIER_CODE = /^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z][0-9A-Z]{2}-\d{6}-\d{4}$/;
export const DossierCode = z.string().check(z.regex(DOSSIER_CODE));

/** A text the backend writes in both languages. */
export const LocalisedText = z.object({ vi: nonEmpty(), en: nonEmpty() });
export type LocalisedText = z.infer<typeof LocalisedText>;

export const DocumentType = z.enum([
  'birth-certificate',
  /** Giấy chứng sinh: the hospital's notice of a birth. */
  'birth-notice',
  /** A court judgment or decision (e.g. a divorce). */
  'court-decision',
  'marriage-certificate',
  'marital-status-certificate',
  'id-card',
  'criminal-record',
  'residence-confirmation',
  'degree',
  'health-insurance-card',
  'driving-licence',
  'land-certificate',
  /** Văn bản ủy quyền: a person's written authorisation for someone else to file for them. */
  'authorisation',
  'other',
]);
export type DocumentType = z.infer<typeof DocumentType>;
