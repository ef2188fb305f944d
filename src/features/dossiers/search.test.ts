import { describe, expect, it } from 'vitest';
import { filterDossiers } from './search.ts';

const dossiers = [
  { code: '000.00.31.H99-260105-0001', procedureName: 'Đăng ký khai sinh' },
  { code: '000.00.31.H99-260105-0002', procedureName: 'Đăng ký kết hôn' },
  { code: '000.01.31.H99-260212-0007', procedureName: 'Đăng ký thường trú' },
];
const codes = (query: string) => filterDossiers(dossiers, query).map((d) => d.code.slice(-4));

describe('filterDossiers', () => {
  it('matches procedure names without diacritics or case', () => {
    expect(codes('khai sinh')).toEqual(['0001']);
    expect(codes('KẾT HÔN')).toEqual(['0002']);
    expect(codes('dang ky')).toEqual(['0001', '0002', '0007']);
    expect(codes('thuong tru dang')).toEqual(['0007']);
  });

  it('matches the code however its separators and case were typed', () => {
    expect(codes('000.01.31.h99-260212-0007')).toEqual(['0007']);
    expect(codes('h99 260105 0002')).toEqual(['0002']);
    expect(codes('260105')).toEqual(['0001', '0002']);
  });

  it('returns everything for an empty query and nothing for a miss', () => {
    expect(codes('   ')).toHaveLength(3);
    expect(codes('ly lich tu phap')).toEqual([]);
    expect(codes('9999')).toEqual([]);
  });
});
