import type { Procedure } from '../../src/api/procedures/schema.ts';
import type { RatingLevel } from '../../src/api/ratings/schema.ts';
import { addIndicator, cell, type Book } from './aggregate.ts';
import { OFFICIAL_INDICATORS } from './indicators.ts';

/**
 * A deterministic, realistic history of finished dossiers for the statistics: about 22,000
 * dossiers finished over the 365 days before the day the history is made for, across every agency
 * that implements a procedure of the catalogue, with ratings and complaints. Nothing is kept per dossier: each one is booked
 * straight into its agency's monthly sums (aggregate.ts), so a query adds up at most 12 months
 * per agency. The same day and catalogue always give the same history (a seeded generator, no
 * Math.random).
 *
 * Agencies differ on purpose — some clearly serve better than others, one improves through the
 * year — so the ranking means something.
 */

/** mulberry32: a small, well-known seeded generator (uniform in [0, 1)). */
export const seededRandom = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

interface Profile {
  /** Dossiers settled in a year. */
  volume: number;
  /** 0 (poor) … 1 (excellent): time, satisfaction, digitisation follow it. */
  quality: number;
  /** Change of quality from the first to the last day of the year (an agency that improves). */
  trend: number;
  /** Share of dossiers filed online. */
  online: number;
}

/** By agency id (mocks/fixtures/catalogue-refs.ts); an agency not listed gets DEFAULT_PROFILE. */
const PROFILES: Record<string, Profile> = {
  'commune-pc': { volume: 6500, quality: 0.8, trend: 0.05, online: 0.62 },
  'commune-police': { volume: 4400, quality: 0.74, trend: 0, online: 0.78 },
  'province-pc': { volume: 320, quality: 0.6, trend: 0, online: 0.4 },
  'province-justice': { volume: 1500, quality: 0.88, trend: 0, online: 0.85 },
  'province-police': { volume: 2000, quality: 0.7, trend: 0, online: 0.72 },
  'province-construction': { volume: 780, quality: 0.34, trend: 0, online: 0.38 },
  'province-finance': { volume: 700, quality: 0.66, trend: 0, online: 0.7 },
  'province-home-affairs': { volume: 420, quality: 0.62, trend: 0, online: 0.55 },
  'province-health': { volume: 600, quality: 0.58, trend: 0, online: 0.5 },
  'province-education': { volume: 500, quality: 0.72, trend: 0, online: 0.6 },
  'province-agriculture-environment': { volume: 700, quality: 0.45, trend: 0, online: 0.42 },
  'land-registration-office': { volume: 2800, quality: 0.28, trend: 0.3, online: 0.3 },
  'social-security': { volume: 1800, quality: 0.82, trend: 0, online: 0.9 },
  'employment-service-centre': { volume: 1000, quality: 0.68, trend: 0, online: 0.66 },
  'national-judicial-records-centre': { volume: 1800, quality: 0.93, trend: 0, online: 0.95 },
  'immigration-department': { volume: 1200, quality: 0.86, trend: 0, online: 0.9 },
};
const DEFAULT_PROFILE: Profile = { volume: 300, quality: 0.6, trend: 0, online: 0.5 };

export const HISTORY_DAYS = 365;
const DAY_MS = 86_400_000;
/** Vietnam is UTC+7 all year: months and days are Vietnamese calendar ones. */
export const VIETNAM_OFFSET_MS = 7 * 3_600_000;

export const vietnamDay = (ms: number): number => Math.floor((ms + VIETNAM_OFFSET_MS) / DAY_MS);
const months = new Map<number, string>();
export const monthOfDay = (day: number): string => {
  let month = months.get(day);
  if (month === undefined) months.set(day, (month = new Date(day * DAY_MS).toISOString().slice(0, 7)));
  return month;
};
export const monthOf = (ms: number): string => monthOfDay(vietnamDay(ms));

export interface History {
  /** The Vietnamese day (days since 1970-01-01) the history ends before. */
  today: number;
  book: Book;
  /** Finished dossiers generated (settled, refused or withdrawn). */
  dossiers: number;
}

const pick = <T,>(items: readonly T[], r: number): T => items[Math.min(items.length - 1, Math.floor(r * items.length))] as T;

/**
 * Builds the history of the 365 days before `now` (Vietnamese days) for the agencies of
 * `procedures`. The seed is fixed: the same day gives the same figures.
 */
export const buildHistory = (procedures: readonly Procedure[], now: Date, seed = 766): History => {
  const random = seededRandom(seed);
  const today = vietnamDay(now.getTime());
  const book: Book = new Map();
  const byAgency = new Map<string, Procedure[]>();
  for (const p of procedures) byAgency.set(p.agency.id, [...(byAgency.get(p.agency.id) ?? []), p]);
  let dossiers = 0;
  const agencyIds = [...byAgency.keys()].sort();
  for (const agencyId of agencyIds) {
    const profile = PROFILES[agencyId] ?? DEFAULT_PROFILE;
    const own = byAgency.get(agencyId) ?? [];
    for (let i = 0; i < profile.volume; i++) {
      dossiers++;
      const ago = 1 + Math.floor(random() * HISTORY_DAYS);
      const settledDay = today - ago;
      // Quality along the year: an improving agency is worse in the oldest months.
      const q = Math.min(0.98, Math.max(0.05, profile.quality + profile.trend * ((HISTORY_DAYS - ago) / HISTORY_DAYS - 0.5)));
      const procedure = pick(own, random());
      const legal = procedure.processingTime.workingDays;
      const limit = legal ?? 10;
      const onTime = random() < 0.72 + 0.27 * q;
      const workingDays = onTime ? Math.round(limit * (0.3 + 0.7 * random() * (1.2 - q))) : limit + 1 + Math.floor(random() * Math.max(2, limit * 0.6));
      const receivedDay = settledDay - Math.ceil((workingDays * 7) / 5);
      const outcome = random();
      const withdrawn = outcome < 0.02;
      const online = random() < profile.online;
      const feeDue = procedure.fees.some((f) => (f.amount ?? 1) > 0);

      const received = cell(book, agencyId, monthOfDay(receivedDay));
      received.received++;
      if (online) received.online++;
      if (feeDue) {
        received.feeDue++;
        if (random() < (online ? 0.45 + 0.5 * q : 0.04)) received.paidOnline++;
      }
      if (online || random() < 0.35 + 0.6 * q) received.digitised++;
      if (random() < 0.82 + 0.17 * q) received.synced++;
      if (random() < 0.6 + 0.39 * q) received.publishedOnTime++;
      if (withdrawn) continue;

      const settled = cell(book, agencyId, monthOfDay(settledDay));
      settled.settled++;
      if (legal !== null) {
        settled.timed++;
        if (workingDays <= legal) settled.onTime++;
        settled.days += workingDays;
        settled.legalDays += legal;
      }
      if (random() < 0.55 + 0.43 * q) settled.resultsDigitised++;
      if (random() < 0.012) {
        settled.complaints++;
        if (random() < 0.5 + 0.48 * q) settled.complaintsOnTime++;
      }

      if (random() >= (online ? 0.42 : 0.28)) continue;
      const late = legal !== null && workingDays > legal;
      const ratedDay = Math.min(today - 1, settledDay + Math.floor(random() * 3));
      const rating = cell(book, agencyId, monthOfDay(ratedDay));
      const pVery = 0.2 + 0.5 * q - (late ? 0.15 : 0);
      const pDissatisfied = 0.03 + 0.3 * (1 - q) + (late ? 0.2 : 0);
      const r = random();
      const level: RatingLevel = r < pDissatisfied ? 'dissatisfied' : r < pDissatisfied + pVery ? 'very-satisfied' : 'satisfied';
      rating.ratings++;
      rating.levels[level]++;
      for (const indicator of OFFICIAL_INDICATORS) {
        if (random() >= 0.55) continue;
        const timely = indicator.id === 'total-time' || indicator.id === 'agency-time';
        const s = random();
        const score = timely ? (late ? (s < 0.6 ? 0 : 1) : s < 0.85 ? 2 : 1) : s < 0.35 + 0.6 * q ? 2 : s < 0.9 + 0.08 * q ? 1 : 0;
        addIndicator(rating, indicator.id, score);
      }
    }
  }
  return { today, book, dossiers };
};
