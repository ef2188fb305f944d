import type { ProcedureSummary, ServiceLevel, Tier } from '../../api/procedures/schema.ts';
import { fold, foldedWords } from '../../lib/vietnamese.ts';

/**
 * Catalogue search on the device: diacritic- and case-insensitive, word order free. People
 * write "đăng kí" as often as "đăng ký" (and "qui" for "quy"), so matching also treats y as i.
 */
const searchKey = (text: string): string => fold(text).replace(/y/g, 'i');

export interface IndexedProcedure {
  procedure: ProcedureSummary;
  name: string;
  haystack: string;
}

export const buildIndex = (procedures: readonly ProcedureSummary[]): IndexedProcedure[] =>
  procedures.map((procedure) => {
    const name = ` ${searchKey(procedure.name)} `;
    const haystack = ` ${[procedure.name, procedure.nameEn, procedure.code ?? '', procedure.field.name, procedure.agency.name, ...procedure.keywords]
      .map(searchKey)
      .join(' ')} `;
    return { procedure, name, haystack };
  });

export interface Filters {
  level?: ServiceLevel | undefined;
  field?: string | undefined;
  agency?: string | undefined;
  tier?: Tier | undefined;
}

const matchesFilters = (p: ProcedureSummary, f: Filters): boolean =>
  (!f.level || p.level === f.level) &&
  (!f.field || p.field.id === f.field) &&
  (!f.agency || p.agency.id === f.agency) &&
  (!f.tier || p.tiers.includes(f.tier));

/** Procedures matching every word of the query and every filter, best matches first. */
export const searchProcedures = (index: readonly IndexedProcedure[], query: string, filters: Filters = {}): ProcedureSummary[] => {
  const words = foldedWords(query).map((w) => w.replace(/y/g, 'i'));
  const phrase = ` ${words.join(' ')} `;
  const scored: { procedure: ProcedureSummary; score: number }[] = [];
  for (const entry of index) {
    if (!matchesFilters(entry.procedure, filters)) continue;
    let score = 0;
    let all = true;
    for (const word of words) {
      if (!entry.haystack.includes(word)) {
        all = false;
        break;
      }
      // Whole words in the name count most, parts of words and keywords less.
      score += entry.name.includes(` ${word} `) ? 3 : entry.name.includes(word) ? 2 : 1;
    }
    if (!all) continue;
    if (words.length > 0) {
      if (entry.name.includes(phrase)) score += 10;
      if (entry.name.startsWith(phrase)) score += 5;
      if (entry.procedure.code === query.trim()) score += 50;
    }
    scored.push({ procedure: entry.procedure, score });
  }
  // Stable: equal scores keep catalogue order (which the backend sorts by popularity).
  return scored.sort((a, b) => b.score - a.score).map((s) => s.procedure);
};
