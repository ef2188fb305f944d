import type { Faq, Fee, Procedure, ProcedureTranslation, RequiredDocument } from './schema.ts';

/**
 * Which language each part of a procedure page is shown in (docs/architecture/decisions.md, 15):
 * the backend's translation where it covers the part, the official Vietnamese otherwise. A part
 * is translated whole or not at all — half a list of papers in English and half in Vietnamese
 * would hide which half is missing — and only from a translation of this very version.
 */

/** One part of the page and the language it is in. */
export interface Part<T> {
  value: T;
  /** The language of `value`: `vi`, or the translation's. */
  lang: string;
  /** Shown in Vietnamese although the reader asked for another language. */
  fallback: boolean;
}

export interface LocalizedProcedure {
  summary: Part<string>;
  steps: Part<string[]>;
  documents: Part<RequiredDocument[]>;
  processingTime: Part<string>;
  fees: Part<Fee[]>;
  feeNote: Part<string> | undefined;
  result: Part<string>;
  conditions: Part<string> | undefined;
  faq: Part<Faq[]>;
  /** How much of the page is in the reader's language: every part, some, or none. */
  coverage: 'all' | 'some' | 'none';
}

type Source = Pick<
  Procedure,
  'id' | 'updatedAt' | 'summary' | 'steps' | 'documents' | 'processingTime' | 'fees' | 'feeNote' | 'result' | 'conditions' | 'faq'
>;

/** The translation applies to this procedure as it is now, in a language other than Vietnamese. */
export const translationApplies = (procedure: Pick<Procedure, 'id' | 'updatedAt'>, translation: ProcedureTranslation | null | undefined): translation is ProcedureTranslation =>
  !!translation && translation.lang !== 'vi' && translation.procedureId === procedure.id && translation.sourceUpdatedAt === procedure.updatedAt;

/** A list in a translation has as many items as the Vietnamese one, or it does not count. */
const list = <T>(translated: T[] | undefined, official: readonly unknown[]): T[] | undefined =>
  official.length === 0 ? [] : translated?.length === official.length ? translated : undefined;

const translatedDocuments = (documents: readonly RequiredDocument[], translated: ProcedureTranslation['documents']): RequiredDocument[] | undefined => {
  const out: RequiredDocument[] = [];
  for (const doc of documents) {
    const text = translated?.find((d) => d.id === doc.id);
    // Every text the Vietnamese has: a template or a note left out would be a part left out.
    if (!text || (doc.template !== undefined && text.template === undefined) || (doc.note && text.note === undefined)) return undefined;
    out.push({ ...doc, name: text.name, template: text.template, note: text.note });
  }
  return out;
};

/**
 * The procedure's content for a reader of `lng`, with the backend's translation (null when it has
 * none in that language, or it could not be fetched).
 */
export const localizeProcedure = (procedure: Source, translation: ProcedureTranslation | null | undefined, lng: string): LocalizedProcedure => {
  const wanted = lng !== 'vi';
  const t = translationApplies(procedure, translation) && wanted ? translation : undefined;
  let translatedParts = 0;
  let parts = 0;
  const part = <T>(official: T, translated: T | undefined): Part<T> => {
    parts++;
    if (t && translated !== undefined) {
      translatedParts++;
      return { value: translated, lang: t.lang, fallback: false };
    }
    return { value: official, lang: 'vi', fallback: wanted };
  };
  const optional = (official: string | undefined, translated: string | undefined): Part<string> | undefined =>
    official ? part(official, translated) : undefined;

  const feeTexts = list(t?.fees, procedure.fees);
  const localized = {
    summary: part(procedure.summary, t?.summary),
    steps: part(procedure.steps, list(t?.steps, procedure.steps)),
    documents: part(procedure.documents, t ? translatedDocuments(procedure.documents, t.documents) : undefined),
    processingTime: part(procedure.processingTime.text, t?.processingTime),
    fees: part(procedure.fees, feeTexts && procedure.fees.map((fee, i) => ({ ...fee, description: feeTexts[i]?.description ?? fee.description }))),
    feeNote: optional(procedure.feeNote, t?.feeNote),
    result: part(procedure.result, t?.result),
    conditions: optional(procedure.conditions, t?.conditions),
    faq: part(procedure.faq, list(t?.faq, procedure.faq)),
  };
  const coverage = !wanted || translatedParts === parts ? 'all' : translatedParts === 0 ? 'none' : 'some';
  return { ...localized, coverage };
};
