import { describe, expect, it } from 'vitest';
import type { ProcedureSummary } from '../../api/procedures/schema.ts';
import { buildIndex, catalogueSearch, editDistance, searchProcedures } from './search.ts';

const summary = (id: string, name: string, extra: Partial<ProcedureSummary> = {}): ProcedureSummary => ({
  id,
  code: null,
  name,
  nameEn: name,
  level: 'full',
  field: { id: 'civil-status', name: 'Hộ tịch', nameEn: 'Civil status' },
  agency: { id: 'commune-pc', name: 'Ủy ban nhân dân cấp xã', nameEn: 'Commune People’s Committee', tier: 'commune' },
  tiers: ['commune'],
  keywords: [],
  processingTime: { workingDays: 1, text: '1 ngày làm việc' },
  feeFrom: 0,
  ...extra,
});

const catalogue = [
  summary('a', 'Đăng ký khai tử'),
  summary('1.001193', 'Đăng ký khai sinh', { code: '1.001193', keywords: ['làm giấy khai sinh'] }),
  summary('b', 'Đăng ký khai sinh có yếu tố nước ngoài'),
  summary('c', 'Đăng ký thường trú', { level: 'partial', field: { id: 'residence', name: 'Cư trú', nameEn: 'Residence' }, tiers: ['commune'] }),
  summary('d', 'Cấp Phiếu lý lịch tư pháp', { agency: { id: 'province-justice', name: 'Sở Tư pháp', nameEn: 'Department of Justice', tier: 'province' }, tiers: ['province'] }),
];
const index = buildIndex(catalogue);
const ids = (q: string, f = {}) => searchProcedures(index, q, f).map((p) => p.id);

describe('searchProcedures', () => {
  it('finds with or without diacritics, in any case', () => {
    expect(ids('dang ky khai sinh')[0]).toBe('1.001193');
    expect(ids('ĐĂNG KÝ KHAI SINH')[0]).toBe('1.001193');
    expect(ids('Đăng ký khai sinh'.normalize('NFD'))[0]).toBe('1.001193');
  });

  it('tolerates word order and the i/y spelling variants', () => {
    expect(ids('sinh khai')).toContain('1.001193');
    expect(ids('dang ki khai sinh')[0]).toBe('1.001193');
    expect(ids('li lich tu phap')).toEqual(['d']);
  });

  it('needs every word to match', () => {
    expect(ids('khai sinh nuoc ngoai')).toEqual(['b']);
    expect(ids('khai sinh xe may')).toEqual([]);
  });

  it('ranks the exact name above longer names containing it', () => {
    expect(ids('khai sinh').slice(0, 2)).toEqual(['1.001193', 'b']);
  });

  it('matches codes and keywords', () => {
    expect(ids('1.001193')).toEqual(['1.001193']);
    expect(ids('lam giay khai sinh')).toEqual(['1.001193']);
  });

  it('applies filters with or without a query', () => {
    expect(ids('', { level: 'partial' })).toEqual(['c']);
    expect(ids('dang ky', { field: 'residence' })).toEqual(['c']);
    expect(ids('', { tier: 'province' })).toEqual(['d']);
    expect(ids('', { agency: 'province-justice' })).toEqual(['d']);
  });

  it('returns the whole catalogue, in catalogue order, for an empty query', () => {
    expect(ids('  ')).toEqual(catalogue.map((p) => p.id));
  });
});

describe('forgiving search', () => {
  it('splits words run together and mends one-letter slips', () => {
    expect(ids('khaisinh')[0]).toBe('1.001193');
    expect(ids('khai sinhh')[0]).toBe('1.001193');
    expect(ids('ly lch tu phap')).toEqual(['d']);
  });

  it('does not match two-letter words inside longer ones', () => {
    // Short words match whole words or word starts only: "tu" is not found inside "thường trú".
    expect(ids('tu')).toEqual(['a', 'd']);
  });

  it('measures edits with a limit', () => {
    expect(editDistance('sinhh', 'sinh', 1)).toBe(1);
    expect(editDistance('lcih', 'lich', 1)).toBe(1);
    expect(editDistance('abcdef', 'ghijkl', 2)).toBe(3);
  });
});

describe('catalogueSearch', () => {
  it('lists the catalogue in its own order, filtered, when nothing is typed, and searches otherwise', () => {
    const { search } = catalogueSearch(catalogue);
    expect(search('  ').map((p) => p.id)).toEqual(['a', '1.001193', 'b', 'c', 'd']);
    expect(search('', { level: 'partial' }).map((p) => p.id)).toEqual(['c']);
    expect(search('khai sinh')[0]?.id).toBe('1.001193');
    expect(search('khai sinh', { agency: 'province-justice' })).toEqual([]);
    // Same answers as the search over an index built up front.
    for (const q of ['li lich tu phap', 'khaisinh', 'thuong tru']) expect(search(q)).toEqual(searchProcedures(index, q));
  });

  it('builds its index a slice per idle period, and a query before the end finishes it', () => {
    const half = catalogueSearch(catalogue);
    let left = 2;
    // Two procedures' worth of idle time, then none.
    expect(half.prepare({ timeRemaining: () => (left-- > 0 ? 10 : 0) })).toBe(false);
    for (const q of ['li lich tu phap', 'khaisinh', 'dang ky']) expect(half.search(q)).toEqual(searchProcedures(index, q));

    const whole = catalogueSearch(catalogue);
    expect(whole.prepare({ timeRemaining: () => 10 })).toBe(true);
    expect(whole.search('khaisinh')).toEqual(searchProcedures(index, 'khaisinh'));
  });
});
