import i18next from 'i18next';
import { detectLanguage } from '../i18n/i18n.ts';
import { procedureTranslationQueryOptions } from '../api/procedures/queries.ts';
import type { ProcedureTranslation } from '../api/procedures/schema.ts';
import { queryClient } from './query-client.ts';

/** The language the page will be shown in: i18next's once started, else the one it starts with. */
export const pageLanguage = (): string => i18next.resolvedLanguage ?? detectLanguage();

/**
 * For a loader: the procedure's content in the page's language, fetched with the procedure so
 * the page draws in that language at once. Nothing for a Vietnamese page (not a byte more), and
 * never a failed page: without it the page shows the Vietnamese and says why
 * (docs/architecture/decisions.md, 15).
 */
export const loadProcedureTranslation = (id: string): Promise<ProcedureTranslation | null> => {
  const lng = pageLanguage();
  if (lng === 'vi') return Promise.resolve(null);
  return queryClient.ensureQueryData(procedureTranslationQueryOptions(id, lng)).catch(() => null);
};
