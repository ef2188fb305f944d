import { beforeEach, describe, expect, it } from 'vitest';
import { AgencyStats, ProvinceStats } from '../../src/api/stats/schema.ts';
import { Problem } from '../../src/api/problem/schema.ts';
import { origin } from '../oidc-test-client.ts';
import { ratingsByDossier } from '../ratings/store.ts';
import { state } from '../dossiers/state.ts';
import { db } from '../db.ts';
import { buildHistory } from './history.ts';
import { monthOf } from './history.ts';

const get = (path: string) => fetch(`${origin}/api${path}`);
const province = async (query = '') => ProvinceStats.parse(await (await get(`/stats${query}`)).json());
const thisMonth = () => monthOf(Date.now());

beforeEach(async () => {
  await fetch(`${origin}/api/__mock/reset`, { method: 'POST' });
});

describe('the seeded history', () => {
  it('is deterministic: the same day gives the same figures', () => {
    const now = new Date('2026-12-02T05:00:00Z');
    const procedures = [...db.procedures.values()];
    const a = buildHistory(procedures, now);
    const b = buildHistory(procedures, now);
    expect(JSON.stringify([...a.book].map(([k, v]) => [k, [...v].map(([m, x]) => [m, { ...x, indicators: [...x.indicators] }])]))).toBe(
      JSON.stringify([...b.book].map(([k, v]) => [k, [...v].map(([m, x]) => [m, { ...x, indicators: [...x.indicators] }])])),
    );
    expect(a.dossiers).toBeGreaterThanOrEqual(20_000);
  });

  it('covers every agency implementing a procedure of the catalogue over the last 12 months, some clearly better than others', async () => {
    const stats = await province(`?period=${thisMonth().slice(0, 4)}`);
    const agencies = new Set([...db.procedures.values()].map((p) => p.agency.id));
    expect(stats.agencies.map((a) => a.agency.id).sort()).toEqual([...agencies].sort());
    const last12 = await Promise.all(
      [...new Set([stats.available.from.slice(0, 4), stats.available.to.slice(0, 4)])].map((year) => province(`?period=${year}`)),
    );
    const settled = last12.reduce((n, s) => n + s.province.dossiers.settled, 0);
    expect(settled).toBeGreaterThanOrEqual(19_000);
    const indexes = stats.agencies.map((a) => a.figures.index.total).filter((t): t is number => t !== null);
    expect(Math.max(...indexes) - Math.min(...indexes)).toBeGreaterThan(15);
    const satisfied = stats.agencies.map((a) => a.figures.ratings.satisfiedShare).filter((t): t is number => t !== null);
    expect(Math.max(...satisfied) - Math.min(...satisfied)).toBeGreaterThan(0.1);
  });
});

describe('GET /api/stats', () => {
  it('answers the current year without a period, every figure within its bounds', async () => {
    const stats = await province();
    expect(stats.period).toMatchObject({ kind: 'year', key: thisMonth().slice(0, 4) });
    expect(stats.minRatings).toBe(10);
    const { index } = stats.province;
    expect(index.total).not.toBeNull();
    expect(index.total).toBeCloseTo((index.transparency ?? 0) + (index.progress ?? 0) + (index.digitisation ?? 0) + (index.online ?? 0) + (index.satisfaction ?? 0), 5);
    expect(stats.province.ratings.count).toBe(stats.agencies.reduce((n, a) => n + a.figures.ratings.count, 0));
  });

  it.each(['?period=2026-13', '?period=abc', '?period=', '?period=2026-Q5', '?period=%3Cscript%3E'])('refuses %s with 400 invalid-period', async (query) => {
    const response = await get(`/stats${query}`);
    expect(response.status).toBe(400);
    expect(response.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
    expect(Problem.parse(await response.json()).code).toBe('invalid-period');
  });

  it('counts a live rating in its agency and month at once', async () => {
    const period = thisMonth();
    const before = await province(`?period=${period}`);
    const agency = 'commune-pc';
    const count = (s: ProvinceStats) => s.agencies.find((a) => a.agency.id === agency)?.figures.ratings.count;
    ratingsByDossier().set('000.00.31.H99-261202-0001', {
      id: 'r-1',
      dossierCode: '000.00.31.H99-261202-0001',
      agencyCode: '000.00.31.H99',
      procedureId: '1.004873',
      channel: 'online',
      criteriaVersion: '1',
      overall: 'dissatisfied',
      indicators: { 'staff-attitude': 0 },
      createdAt: new Date().toISOString(),
    });
    const after = await province(`?period=${period}`);
    expect(count(after)).toBe((count(before) ?? 0) + 1);
    expect(after.province.ratings.count).toBe(before.province.ratings.count + 1);
  });

  it('counts a live dossier as received, online', async () => {
    const period = thisMonth();
    const before = (await province(`?period=${period}`)).province.dossiers;
    const { submitDossier } = await import('../dossiers/lifecycle.ts');
    const outcome = submitDossier('vneid-046095001234', 'stats-test', { procedureId: '1.004873', values: { phone: '0987 654 321' }, documents: [] });
    expect(outcome.ok).toBe(true);
    expect(state.dossiers.size).toBe(1);
    const after = (await province(`?period=${period}`)).province.dossiers;
    expect(after.received).toBe(before.received + 1);
  });
});

describe('GET /api/stats/agencies/{id}', () => {
  it('answers the agency, the province beside it and its monthly trend ending with the period', async () => {
    const year = thisMonth().slice(0, 4);
    const response = await get(`/stats/agencies/land-registration-office?period=${year}`);
    expect(response.status).toBe(200);
    const stats = AgencyStats.parse(await response.json());
    expect(stats.agency.id).toBe('land-registration-office');
    expect(stats.trend.length).toBeGreaterThan(0);
    expect(stats.trend.length).toBeLessThanOrEqual(12);
    expect(stats.trend.at(-1)?.month).toBe(thisMonth());
    const all = await province(`?period=${year}`);
    expect(stats.figures).toEqual(all.agencies.find((a) => a.agency.id === 'land-registration-office')?.figures);
    expect(stats.province).toEqual(all.province);
  });

  it('refuses an unknown agency with 404 and a bad period with 400', async () => {
    const unknown = await get('/stats/agencies/no-such-agency');
    expect(unknown.status).toBe(404);
    expect(Problem.parse(await unknown.json()).code).toBe('agency-not-found');
    const bad = await get('/stats/agencies/land-registration-office?period=2026-14');
    expect(bad.status).toBe(400);
  });
});
