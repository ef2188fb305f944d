import { createContext, useContext } from 'react';
import type { DataStore } from '../../api/me/schema.ts';
import type { FieldProvenance } from '../../offline/personal-db.ts';

export interface EngineContext {
  provenance: Record<string, FieldProvenance>;
  /** Absent offline after a reload: stored documents then cannot be listed. */
  dataStore: DataStore | undefined;
  onReportWrong: (fieldId: string, label: string, value: string) => void;
}

export const EngineCtx = createContext<EngineContext | null>(null);

export const useEngine = (): EngineContext => {
  const ctx = useContext(EngineCtx);
  if (!ctx) throw new Error('useEngine outside the form engine');
  return ctx;
};
