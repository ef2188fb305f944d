import { describe, expect, it } from 'vitest';
import { selectAll, selectOne } from './schema.ts';

const store = {
  citizen: { fullName: 'Nguyễn Văn An', permanentAddress: { provinceName: 'Thành phố Huế' } },
  household: {
    members: [
      { fullName: 'Nguyễn Văn An', relationship: 'head' },
      { fullName: 'Trần Thị Bình', relationship: 'spouse' },
      { fullName: 'Nguyễn Minh Khang', relationship: 'child' },
      { fullName: 'Nguyễn Thu Hà', relationship: 'child' },
    ],
  },
};

describe('prefill paths', () => {
  it('reads nested keys', () => {
    expect(selectOne(store, 'citizen.permanentAddress.provinceName')).toBe('Thành phố Huế');
  });
  it('filters arrays and maps keys over the matches', () => {
    expect(selectOne(store, 'household.members[relationship=spouse].fullName')).toBe('Trần Thị Bình');
    expect(selectAll(store, 'household.members[relationship=child].fullName')).toEqual(['Nguyễn Minh Khang', 'Nguyễn Thu Hà']);
    expect(selectAll(store, 'household.members[relationship=child]')).toHaveLength(2);
  });
  it('returns nothing for a missing or malformed path', () => {
    expect(selectOne(store, 'citizen.email')).toBeUndefined();
    expect(selectAll(store, 'household.members[relationship=parent].fullName')).toEqual([]);
    expect(selectAll(store, 'citizen..fullName')).toEqual([]);
  });
});
