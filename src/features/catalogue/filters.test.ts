import { describe, expect, it } from 'vitest';
import { activeFilterCount, readFilters } from './filters.ts';

const refs = {
  fields: [{ id: 'civil-status', name: 'Hộ tịch', nameEn: 'Civil status' }],
  agencies: [{ id: 'commune-pc', name: 'UBND cấp xã', nameEn: 'Commune PC', tier: 'commune' as const }],
};

describe('readFilters', () => {
  it('reads known values from the URL', () => {
    const f = readFilters(new URLSearchParams('level=full&field=civil-status&agency=commune-pc&tier=commune'), refs);
    expect(f).toEqual({ level: 'full', field: 'civil-status', agency: 'commune-pc', tier: 'commune' });
    expect(activeFilterCount(f)).toBe(4);
  });

  it('ignores unknown or malformed values instead of failing', () => {
    const f = readFilters(new URLSearchParams('level=5&field=%3Cscript%3E&agency=&tier=district'), refs);
    expect(f).toEqual({ level: undefined, field: undefined, agency: undefined, tier: undefined });
    expect(activeFilterCount(f)).toBe(0);
  });
});
