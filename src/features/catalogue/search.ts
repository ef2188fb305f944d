import type { ProcedureSummary, ServiceLevel, Tier } from '../../api/procedures/schema.ts';
import { fold, foldedWords } from '../../lib/vietnamese.ts';

/**
 * Catalogue search on the device, over the whole catalogue, so it works offline. It forgives
 * what people actually type on a phone:
 * - diacritics or none, any case, any word order; y and i alike ("đăng kí", "qui");
 * - words run together ("khaisinh" → "khai sinh") and one-letter slips ("khai sinhh",
 *   "ly lch tu phap"): a query word the catalogue does not know is split into two words it
 *   knows, or replaced by the known words one edit away (two for long words);
 * - everyday names: each procedure's `keywords` carry what people call it ("sổ đỏ", "giấy độc
 *   thân"), and a query that is one of those phrases ranks that procedure first.
 * Docs: docs/how-to/add-a-procedure.md (keywords).
 */
const searchKey = (text: string): string => fold(text).replace(/y/g, 'i');

export interface IndexedProcedure {
  procedure: ProcedureSummary;
  /** ` folded name ` — spaces at both ends so ` word ` finds whole words. */
  name: string;
  /** each keyword as ` folded words ` */
  keywords: string[];
  /** the same, joined: one scan tells whether any keyword holds the query */
  keywordText: string;
  /** everything searchable, folded */
  haystack: string;
}

export interface SearchIndex {
  entries: IndexedProcedure[];
  /** every folded word of the catalogue, for the forgiving part */
  vocabulary: Set<string>;
  /** ` word word … ` to test whether a query word starts or sits inside some known word */
  vocabularyText: string;
}

const words = (text: string) => text.split(' ').filter(Boolean);

const indexEntry = (procedure: ProcedureSummary, vocabulary: Set<string>): IndexedProcedure => {
  const name = ` ${searchKey(procedure.name)} `;
  const keywords = procedure.keywords.map((k) => ` ${searchKey(k)} `);
  const haystack = ` ${[procedure.name, procedure.nameEn, procedure.code ?? '', procedure.field.name, procedure.agency.name, ...procedure.keywords]
    .map(searchKey)
    .join(' ')} `;
  for (const word of words(haystack)) vocabulary.add(word);
  return { procedure, name, keywords, keywordText: keywords.join(''), haystack };
};

/**
 * Builds the index a slice at a time (`step`, while there is time) or at once (`index`): folding
 * 2,000 procedures takes 250 ms on a 4× slower phone, which in one go would hold up a keystroke.
 */
const indexBuilder = (procedures: readonly ProcedureSummary[]) => {
  const vocabulary = new Set<string>();
  const entries: IndexedProcedure[] = [];
  let built: SearchIndex | undefined;
  const step = (more: () => boolean): boolean => {
    while (entries.length < procedures.length && more()) entries.push(indexEntry(procedures[entries.length] as ProcedureSummary, vocabulary));
    return entries.length === procedures.length;
  };
  return {
    step,
    index: (): SearchIndex => {
      if (built) return built;
      step(() => true);
      built = { entries, vocabulary, vocabularyText: ` ${[...vocabulary].join(' ')} ` };
      return built;
    },
  };
};

export const buildIndex = (procedures: readonly ProcedureSummary[]): SearchIndex => indexBuilder(procedures).index();

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

/**
 * Optimal-string-alignment distance (Levenshtein plus swapping two neighbours), giving up as
 * soon as it must exceed `max`: the vocabulary is scanned once per unknown query word.
 */
export const editDistance = (a: string, b: string, max: number): number => {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (before[j - 2] ?? 0) + 1);
      current[j] = d;
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length] ?? max + 1;
};

interface QueryWord {
  /** what to look for: the word itself, or what it most likely meant */
  forms: string[];
  /** 1 for the word as typed, less for a guess */
  weight: number;
}

/**
 * Turns what was typed into what to look for. A word the catalogue knows (as a word, the start
 * of one or a part of one) is kept. Otherwise: two known words run together, then known words
 * one edit away (two from 7 letters), else the word is kept and simply matches nothing.
 */
const understand = (query: string, index: SearchIndex): QueryWord[] => {
  const result: QueryWord[] = [];
  for (const word of foldedWords(query).map((w) => w.replace(/y/g, 'i'))) {
    if (word.length < 3 || index.vocabularyText.includes(word)) {
      result.push({ forms: [word], weight: 1 });
      continue;
    }
    let split: [string, string] | undefined;
    for (let at = 1; at < word.length && !split; at++) {
      const head = word.slice(0, at);
      const tail = word.slice(at);
      if (index.vocabulary.has(head) && index.vocabulary.has(tail)) split = [head, tail];
    }
    if (split) {
      result.push({ forms: [split[0]], weight: 0.9 }, { forms: [split[1]], weight: 0.9 });
      continue;
    }
    const max = word.length >= 7 ? 2 : 1;
    const near: string[] = [];
    for (const known of index.vocabulary) {
      // A slip rarely hits both of the first two letters: comparing them first skips the
      // edit distance for most of the vocabulary (a query for nothing stays within one frame).
      if (Math.abs(known.length - word.length) > max) continue;
      if (known[0] !== word[0] && known[1] !== word[1] && known[0] !== word[1] && known[1] !== word[0]) continue;
      if (editDistance(word, known, max) <= max) near.push(known);
    }
    result.push({ forms: near.length > 0 ? near : [word], weight: near.length > 0 ? 0.6 : 1 });
  }
  return result;
};

/**
 * How well one form of a query word matches an entry: 0 when it does not. Most entries do not
 * contain the form at all: one scan says so before any finer (and dearer) look.
 */
const formScore = (entry: IndexedProcedure, form: string): number => {
  if (!entry.haystack.includes(form)) return 0;
  const whole = ` ${form} `;
  if (entry.name.includes(whole)) return 3;
  if (entry.haystack.includes(whole)) return 2;
  const start = ` ${form}`;
  if (entry.name.includes(start)) return 2;
  if (entry.haystack.includes(start)) return 1.5;
  // Inside a word (codes such as 1.001193, compounds): only for 3 letters or more, otherwise
  // "so" would match "số" inside every longer word.
  return form.length >= 3 ? 0.5 : 0;
};

/** Procedures matching every word of the query and every filter, best matches first. */
export const searchProcedures = (index: SearchIndex, query: string, filters: Filters = {}): ProcedureSummary[] => {
  const understood = understand(query, index);
  const phrase = ` ${understood.map((w) => w.forms[0]).join(' ')} `;
  const exactCode = query.trim();
  const scored: { procedure: ProcedureSummary; score: number }[] = [];
  for (const entry of index.entries) {
    if (!matchesFilters(entry.procedure, filters)) continue;
    let score = 0;
    let all = true;
    for (const word of understood) {
      let best = 0;
      for (const form of word.forms) best = Math.max(best, formScore(entry, form));
      if (best === 0) {
        all = false;
        break;
      }
      score += best * word.weight;
    }
    if (!all) continue;
    if (understood.length > 0) {
      if (entry.name.includes(phrase)) score += 10;
      if (entry.name.startsWith(phrase)) score += 5;
      // What people call it: "sổ đỏ" is a keyword of the land procedures, not of vehicle plates.
      // The closer a keyword is to the whole query, the more it says ("cấp sổ đỏ" more than
      // "đổi số cmnd sổ đỏ ngân hàng").
      let named = 0;
      if (entry.keywordText.includes(phrase)) {
        for (const keyword of entry.keywords) {
          if (!keyword.includes(phrase)) continue;
          named = Math.max(named, keyword === phrase ? 12 : (8 * understood.length) / words(keyword).length);
        }
      }
      score += named;
      if (entry.procedure.code === exactCode) score += 50;
    }
    scored.push({ procedure: entry.procedure, score });
  }
  // Stable: equal scores keep catalogue order (which the backend sorts by popularity).
  return scored.sort((a, b) => b.score - a.score).map((s) => s.procedure);
};

/**
 * What the catalogue page shows for a query: with no words, the catalogue in its own order,
 * filtered; otherwise the search. The index is not built while the page opens (folding every
 * procedure would be a long task while the page is taken over): `prepare` builds it in the
 * browser's idle time, a slice per idle period, and a query before it is done finishes it.
 */
export const catalogueSearch = (procedures: readonly ProcedureSummary[]) => {
  const builder = indexBuilder(procedures);
  return {
    search: (query: string, filters: Filters = {}): ProcedureSummary[] => {
      if (foldedWords(query).length === 0) return procedures.filter((p) => matchesFilters(p, filters));
      return searchProcedures(builder.index(), query, filters);
    },
    /** One idle period's slice; true once the index is complete. */
    prepare: (deadline: { timeRemaining: () => number }): boolean => builder.step(() => deadline.timeRemaining() > 2),
    /** Finishes the index at once (a query typed before the idle time was enough). */
    finish: (): void => void builder.index(),
  };
};
