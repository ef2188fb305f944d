import { describe, expect, it } from 'vitest';
import { filterPlaces, placeKey } from './place-search.ts';

const places = [{ name: 'Xã Hoà Bình' }, { name: 'Phường Thuận Hoá' }, { name: 'Phường B’Lao' }, { name: 'Xã Đất Mũi' }, { name: 'Phường Hoà Thành' }];
const names = (query: string) => filterPlaces(places, query).map((p) => p.name);

describe('place search', () => {
  it('folds tone marks wherever they sit, so Hoa, Hòa and Hoá find the same places', () => {
    expect(placeKey('Thuận Hoá')).toBe(placeKey('Thuận Hóa'));
    expect(names('thuan hoa')).toEqual(['Phường Thuận Hoá']);
    expect(names('Thuận Hóa')).toEqual(['Phường Thuận Hoá']);
    expect(names('Hòa Bình')).toEqual(['Xã Hoà Bình']);
    expect(names('hoa')).toEqual(['Xã Hoà Bình', 'Phường Thuận Hoá', 'Phường Hoà Thành']);
  });

  it('matches words in any order, đ as d, and either apostrophe or none', () => {
    expect(names('mui dat')).toEqual(['Xã Đất Mũi']);
    expect(names("B'Lao")).toEqual(['Phường B’Lao']);
    expect(names('blao')).toEqual(['Phường B’Lao']);
  });

  it('returns everything for an empty query and nothing for a place that is not there', () => {
    expect(names('  ')).toHaveLength(places.length);
    expect(names('Ba Đình')).toEqual([]);
  });
});
