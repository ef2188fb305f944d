import { createContext, useContext } from 'react';
import type { TFunction } from 'i18next';
import type { UseFormRegister } from 'react-hook-form';
import type { Correction, DataStoreView } from '../../api/me/schema.ts';
import type { FieldProvenance } from '../../offline/personal-db.ts';
import type { OnBehalfAnswers } from './validation.ts';
import type { Values } from './definition.ts';

/**
 * What every field may read; it changes only with the language. The form's translations come
 * from here rather than from a `useTranslation` in each of sixty fields.
 */
export interface EngineContext {
  t: TFunction<'eform'>;
  lng: string;
  /** The procedure the form is for (the office field lists its offices). */
  procedureId: string;
  provenance: Record<string, FieldProvenance>;
  onReportWrong: (fieldId: string, label: string, value: string) => void;
  /**
   * react-hook-form's `register` (the same function for the form's life), for the text boxes:
   * through here rather than `useFormContext`, whose value changes with the form's state and
   * would redraw every box.
   */
  register: UseFormRegister<Values>;
  /**
   * Filing for someone else (a volunteer's delegated token): who, and the answers only that
   * person may give (the procedure's `notOnBehalf`), offered disabled with the reason beside them.
   */
  onBehalf?: OnBehalfOf | undefined;
}

export interface OnBehalfOf {
  name: string;
  notOnBehalf: OnBehalfAnswers;
}

export const EngineCtx = createContext<EngineContext | null>(null);

export const useEngine = (): EngineContext => {
  const ctx = useContext(EngineCtx);
  if (!ctx) throw new Error('useEngine outside the form engine');
  return ctx;
};

/**
 * The citizen's data store, for the fields that list stored papers. Apart from the engine
 * context: it arrives after the form is drawn (or never, offline after a reload), and only the
 * fields that read it should re-render then.
 */
export const DataStoreCtx = createContext<DataStoreView | undefined>(undefined);

export const useDataStore = (): DataStoreView | undefined => useContext(DataStoreCtx);

/**
 * The citizen's correction requests ("this is wrong"), as the backend lists them: a locked field
 * shows one that is pending. Apart for the same reason as the data store: it arrives later.
 */
export const CorrectionsCtx = createContext<readonly Correction[] | undefined>(undefined);

export const useCorrections = (): readonly Correction[] | undefined => useContext(CorrectionsCtx);
