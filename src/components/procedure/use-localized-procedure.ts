import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { procedureTranslationQueryOptions } from '../../api/procedures/queries.ts';
import { localizeProcedure, type LocalizedProcedure } from '../../api/procedures/localize.ts';
import type { Procedure } from '../../api/procedures/schema.ts';

export interface ProcedureText extends LocalizedProcedure {
  /** The language the page is read in. */
  lng: string;
  /** `failed`: the translation could not be fetched (offline with no copy, a server error). */
  translation: 'none-needed' | 'loading' | 'failed' | 'loaded';
}

/**
 * The procedure's content in the reader's language where the backend has it, the official
 * Vietnamese otherwise (docs/architecture/decisions.md, 15). The route's loader has usually
 * fetched the translation already; after a change of language it arrives here.
 */
export const useLocalizedProcedure = (procedure: Procedure): ProcedureText => {
  const { i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? 'vi';
  const query = useQuery({ ...procedureTranslationQueryOptions(procedure.id, lng), enabled: lng !== 'vi' });
  const localized = useMemo(() => localizeProcedure(procedure, query.data, lng), [procedure, query.data, lng]);
  const translation = lng === 'vi' ? 'none-needed' : query.data !== undefined ? 'loaded' : query.isPending ? 'loading' : query.isError ? 'failed' : 'loaded';
  return { ...localized, lng, translation };
};

/** The `lang` attribute a part needs: only where it differs from the page's language. */
export const langOf = (part: { lang: string } | undefined, text: Pick<ProcedureText, 'lng'>): string | undefined =>
  part && part.lang !== text.lng ? part.lang : undefined;

/**
 * The `lang` attribute of text the backend has only in Vietnamese (a procedure's official name, an
 * office's name, a dossier's procedure name) on a page in `lng`: `vi` unless the page is Vietnamese.
 */
export const viLang = (lng: string | undefined): 'vi' | undefined => (lng === undefined || lng === 'vi' ? undefined : 'vi');
