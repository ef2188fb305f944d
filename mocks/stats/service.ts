import { MIN_RATINGS, type AgencyStats, type Figures, type ProvinceStats, type StatsPeriod } from '../../src/api/stats/schema.ts';
import { addMonths, parsePeriod, type Period } from '../../src/api/stats/period.ts';
import type { StoredRating } from '../../src/api/ratings/schema.ts';
import type { Agency } from '../../src/api/procedures/schema.ts';
import { db } from '../db.ts';
import { state, type DossierRecord } from '../dossiers/state.ts';
import { AGENCY_CODES } from '../dossiers/agency-codes.ts';
import { ratingsByDossier } from '../ratings/store.ts';
import { isWorkingDay, vietnamDate } from '../working-days.ts';
import { addIndicator, addInto, cell, emptyAggregate, type Aggregate, type Book } from './aggregate.ts';
import { figuresOf } from './figures.ts';
import { labelOfIndicator } from './indicators.ts';
import { buildHistory, HISTORY_DAYS, monthOf, monthOfDay, vietnamDay, type History } from './history.ts';

/**
 * The statistics the simulated backend publishes: the seeded history (precomputed monthly sums,
 * made once a day) plus what happened live — dossiers submitted through the app and ratings
 * received — summed per agency and month at each request (there are few). Every figure is
 * computed here; the app only shows them.
 */

let cached: { history: History; catalogue: string } | undefined;
let catalogueSeen: { procedures: unknown; key: string } | undefined;
const catalogueKey = (): string => {
  if (catalogueSeen?.procedures !== db.procedures) catalogueSeen = { procedures: db.procedures, key: [...db.procedures.keys()].join() };
  return catalogueSeen.key;
};

/** The history for today (made again when the day or the catalogue changes, not on a reset). */
export const historyFor = (now: Date): History => {
  const day = vietnamDay(now.getTime());
  const catalogue = catalogueKey();
  if (!cached || cached.history.today !== day || cached.catalogue !== catalogue) {
    cached = { history: buildHistory([...db.procedures.values()], now), catalogue };
  }
  return cached.history;
};

const SETTLED = new Set(['result-ready', 'returned', 'rejected']);

/** Working days after `from` up to and including `to` (ISO dates). */
const workingDaysBetween = (from: string, to: string): number => {
  let n = 0;
  for (let ms = Date.parse(`${from}T00:00:00Z`) + 86_400_000; ms <= Date.parse(`${to}T00:00:00Z`); ms += 86_400_000) {
    if (isWorkingDay(new Date(ms).toISOString().slice(0, 10))) n++;
  }
  return n;
};

const bookDossier = (book: Book, record: DossierRecord): void => {
  const { data } = record;
  const procedure = db.procedures.get(data.procedureId);
  if (!procedure) return;
  const agencyId = procedure.agency.id;
  const received = cell(book, agencyId, monthOf(Date.parse(data.submittedAt)));
  // Everything live came through the app: filed online, every paper electronic, on the portal.
  received.received++;
  received.online++;
  received.digitised++;
  received.synced++;
  received.publishedOnTime++;
  if (data.payment.amount > 0) {
    received.feeDue++;
    if (data.payment.status === 'paid') received.paidOnline++;
  }
  const settledAt = data.events.find((e) => SETTLED.has(e.status))?.at;
  if (!settledAt) return;
  const settled = cell(book, agencyId, monthOf(Date.parse(settledAt)));
  settled.settled++;
  if (data.result) settled.resultsDigitised++;
  const legal = procedure.processingTime.workingDays;
  if (legal !== null) {
    const days = workingDaysBetween(vietnamDate(new Date(data.submittedAt)), vietnamDate(new Date(settledAt)));
    settled.timed++;
    settled.days += days;
    settled.legalDays += legal;
    if (data.dueOn === null || vietnamDate(new Date(settledAt)) <= data.dueOn) settled.onTime++;
  }
};

const agencyByCode = new Map(Object.entries(AGENCY_CODES).map(([id, code]) => [code, id]));

/** A rating names its agency by id or by its simulated code (mocks/dossiers/agency-codes.ts). */
const agencyIdOf = (code: string): string | undefined => (Object.hasOwn(AGENCY_CODES, code) ? code : agencyByCode.get(code));

const bookRating = (book: Book, rating: StoredRating): void => {
  const agencyId = agencyIdOf(rating.agencyCode) ?? db.procedures.get(rating.procedureId)?.agency.id;
  if (!agencyId) return;
  const into = cell(book, agencyId, monthOf(Date.parse(rating.createdAt)));
  into.ratings++;
  into.levels[rating.overall]++;
  for (const [id, score] of Object.entries(rating.indicators)) addIndicator(into, id, score);
};

/**
 * What changed in the live dossiers since the last request, cheaply: a new dossier, a status, a
 * payment. Their sums are made again only then.
 */
const dossierSignature = (): string => {
  let events = 0;
  let paid = 0;
  for (const record of state.dossiers.values()) {
    events += record.data.events.length;
    if (record.data.payment.status === 'paid') paid++;
  }
  return `${state.dossiers.size}|${events}|${paid}`;
};

let liveDossiers: { state: unknown; signature: string; book: Book } | undefined;
/** Ratings are only ever added (one per dossier): each is booked once, as it arrives. */
let liveRatingBook: { store: unknown; booked: number; book: Book } | undefined;

const liveBooks = (): { signature: string; books: Book[] } => {
  const signature = dossierSignature();
  if (liveDossiers?.state !== state || liveDossiers.signature !== signature) {
    const book: Book = new Map();
    for (const record of state.dossiers.values()) bookDossier(book, record);
    liveDossiers = { state, signature, book };
  }
  const store = ratingsByDossier();
  if (liveRatingBook?.store !== store || liveRatingBook.booked > store.size) liveRatingBook = { store, booked: 0, book: new Map() };
  if (liveRatingBook.booked < store.size) {
    let i = 0;
    for (const rating of store.values()) if (i++ >= liveRatingBook.booked) bookRating(liveRatingBook.book, rating);
    liveRatingBook.booked = store.size;
  }
  return { signature: `${signature}|${store.size}`, books: [liveDossiers.book, liveRatingBook.book] };
};

const sumInto = (total: Aggregate, book: Book, agencyIds: readonly string[], months: readonly string[]): Aggregate => {
  for (const id of agencyIds) {
    const byMonth = book.get(id);
    if (!byMonth) continue;
    for (const month of months) {
      const a = byMonth.get(month);
      if (a) addInto(total, a);
    }
  }
  return total;
};

/** The history never changes during its day: its sums for an agency set and months are kept. */
const historySums = new WeakMap<Book, Map<string, Aggregate>>();

const sumOf = (history: Book, live: readonly Book[], agencyIds: readonly string[], months: readonly string[]): Aggregate => {
  let memo = historySums.get(history);
  if (!memo) historySums.set(history, (memo = new Map()));
  const key = `${agencyIds.join()}|${months.join()}`;
  let past = memo.get(key);
  if (!past) memo.set(key, (past = sumInto(emptyAggregate(), history, agencyIds, months)));
  const total = addInto(emptyAggregate(), past);
  for (const book of live) sumInto(total, book, agencyIds, months);
  return total;
};

const lastDay = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5)), 0)).toISOString().slice(0, 10);

const periodOf = (p: Period): StatsPeriod => ({ kind: p.kind, key: p.key, from: `${p.months[0]}-01`, to: lastDay(p.months.at(-1) as string) });

export type StatsOutcome<T> = { ok: true; value: T } | { ok: false; status: 400 | 404; code: string; title: string };

let agencyList: { procedures: unknown; agencies: Agency[] } | undefined;
/** The agencies implementing a procedure of the catalogue, by id. */
const agenciesOf = (): Agency[] => {
  if (agencyList?.procedures !== db.procedures) {
    agencyList = { procedures: db.procedures, agencies: [...new Map([...db.procedures.values()].map((p) => [p.agency.id, p.agency])).values()].sort((a, b) => a.id.localeCompare(b.id)) };
  }
  return agencyList.agencies;
};

const context = (periodText: string | null, now: Date) => {
  const history = historyFor(now);
  const available = { from: monthOfDay(history.today - HISTORY_DAYS), to: monthOfDay(history.today) };
  const period = parsePeriod(periodText ?? available.to.slice(0, 4));
  const current = liveBooks();
  const books = { history: history.book, live: current.books };
  const agencies = agenciesOf();
  return { period, available, books, agencies, generatedAt: now.toISOString(), version: `${history.today}|${current.signature}` };
};

/** Every indicator some figure names, with its label. */
const indicatorsOf = (figures: readonly Figures[]) =>
  [...new Set(figures.flatMap((f) => f.ratings.indicators.map((i) => i.id)))].map((id) => ({ id, label: labelOfIndicator(id) }));

/**
 * Answers already computed, for the same history day and live data: a period asked again costs
 * nothing until something changes (a dossier, a rating).
 */
const answers = new Map<string, { version: string; value: unknown }>();
const remembered = <T,>(key: string, version: string, make: () => T): T => {
  const hit = answers.get(key);
  if (hit?.version === version) return hit.value as T;
  const value = make();
  if (answers.size > 200) answers.clear();
  answers.set(key, { version, value });
  return value;
};

const BAD_PERIOD = { ok: false, status: 400, code: 'invalid-period', title: 'The period is not a month (2026-11), a quarter (2026-Q3) or a year (2026)' } as const;

/** GET /stats: the province and every agency of the catalogue for one period. */
export const provinceStats = (periodText: string | null, now = new Date()): StatsOutcome<ProvinceStats> => {
  const { period, available, books, agencies, generatedAt, version } = context(periodText, now);
  if (!period) return BAD_PERIOD;
  const value = remembered(`province|${period.key}`, version, (): ProvinceStats => {
    const figures = (ids: string[]): Figures => figuresOf(sumOf(books.history, books.live, ids, period.months), MIN_RATINGS);
    const province = figures(agencies.map((a) => a.id));
    const rows = agencies.map((agency) => ({ agency, figures: figures([agency.id]) }));
    return { period: periodOf(period), available, minRatings: MIN_RATINGS, indicators: indicatorsOf([province]), generatedAt, province, agencies: rows };
  });
  return { ok: true, value };
};

/** GET /stats/agencies/{id}: one agency, the province beside it, and its monthly trend. */
export const agencyStats = (agencyId: string, periodText: string | null, now = new Date()): StatsOutcome<AgencyStats> => {
  const { period, available, books, agencies, generatedAt, version } = context(periodText, now);
  const agency = agencies.find((a) => a.id === agencyId);
  if (!agency) return { ok: false, status: 404, code: 'agency-not-found', title: 'No agency with this id in the catalogue' };
  if (!period) return BAD_PERIOD;
  const value = remembered(`agency|${agency.id}|${period.key}`, version, (): AgencyStats => {
    const last = [period.months.at(-1) as string, available.to].sort()[0] as string;
    const trend = Array.from({ length: 12 }, (_, i) => addMonths(last, i - 11)).filter((m) => m >= available.from);
    const figures = figuresOf(sumOf(books.history, books.live, [agency.id], period.months), MIN_RATINGS);
    const province = figuresOf(
      sumOf(
        books.history,
        books.live,
        agencies.map((a) => a.id),
        period.months,
      ),
      MIN_RATINGS,
    );
    return {
      period: periodOf(period),
      available,
      minRatings: MIN_RATINGS,
      indicators: indicatorsOf([figures, province]),
      generatedAt,
      agency,
      figures,
      province,
      trend: trend.map((month) => ({ month, figures: figuresOf(sumOf(books.history, books.live, [agency.id], [month]), MIN_RATINGS) })),
    };
  });
  return { ok: true, value };
};
