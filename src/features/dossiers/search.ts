import type { Dossier } from '../../api/dossiers/schema.ts';
import { fold } from '../../lib/vietnamese.ts';

const compact = (text: string) => fold(text).replace(/[\s\-‐-―−._]+/g, '');

/**
 * Matches a dossier by its code or its procedure's name, without caring about diacritics,
 * case, or how the code's separators were typed ("h62 201105" finds 000.00.12.H62-201105-0004).
 */
export const filterDossiers = <T extends Pick<Dossier, 'code' | 'procedureName'>>(dossiers: readonly T[], query: string): T[] => {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...dossiers];
  const whole = compact(query);
  return dossiers.filter((d) => {
    const code = compact(d.code);
    if (whole && code.includes(whole)) return true;
    const name = fold(d.procedureName);
    return words.every((w) => name.includes(w) || code.includes(compact(w)));
  });
};
