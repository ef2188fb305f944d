import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { idNumberProvinces, normaliseIdNumber, parseIdNumber, validateIdNumber } from './id-number.ts';

// The current year matters for "born in the future": pin the clock, in Vietnam time.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2025-07-01T03:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

/** An ID number with the given province, G digit and two-digit year. */
const id = (province: string, g: number, yy: string) => `${province}${g}${yy}012345`;

describe('idNumberProvinces', () => {
  it('lists the 63 pre-2025 provinces', () => {
    expect(Object.keys(idNumberProvinces)).toHaveLength(63);
    expect(idNumberProvinces['001']).toBe('Hà Nội');
    expect(idNumberProvinces['046']).toBe('Thừa Thiên Huế');
    expect(idNumberProvinces['077']).toBe('Bà Rịa–Vũng Tàu');
    expect(idNumberProvinces['079']).toBe('TP Hồ Chí Minh');
    expect(idNumberProvinces['096']).toBe('Cà Mau');
  });
  it('uses three-digit codes from 001 to 096, with gaps', () => {
    for (const code of Object.keys(idNumberProvinces)) {
      expect(code).toMatch(/^0[0-9]{2}$/);
    }
    expect(idNumberProvinces['003']).toBeUndefined();
    expect(idNumberProvinces['000']).toBeUndefined();
  });
  it('cannot be changed', () => {
    expect(Object.isFrozen(idNumberProvinces)).toBe(true);
  });
});

describe('normaliseIdNumber', () => {
  it('strips all whitespace', () => {
    expect(normaliseIdNumber('001 2 95 012345')).toBe('001295012345');
    expect(normaliseIdNumber(' 001095\t012345\n')).toBe('001095012345');
  });
});

describe('validateIdNumber', () => {
  it('accepts real-looking numbers', () => {
    expect(validateIdNumber('001095012345')).toBeNull(); // male, 1995, Hà Nội
    expect(validateIdNumber('079303012345')).toBeNull(); // female, 2003, TP HCM
    expect(validateIdNumber('046187000123')).toBeNull(); // female, 1987, Thừa Thiên Huế
  });
  it('accepts spaces as people type them', () => {
    expect(validateIdNumber('001 0 95 012345')).toBeNull();
    expect(validateIdNumber(' 079 303 012 345 ')).toBeNull();
  });

  describe("'idNumber.format'", () => {
    it('needs exactly 12 digits', () => {
      expect(validateIdNumber('00109501234')).toBe('idNumber.format'); // 11
      expect(validateIdNumber('0010950123456')).toBe('idNumber.format'); // 13
      expect(validateIdNumber('001095012345')).toBeNull(); // 12
    });
    it('rejects the old 9-digit identity card number', () => {
      expect(validateIdNumber('012345678')).toBe('idNumber.format');
    });
    it('rejects empty input, letters, punctuation and non-ASCII digits', () => {
      for (const value of ['', '   ', '00109501234a', '001-095-012345', '001.095.012345', '００１０９５０１２３４５', '٠٠١٠٩٥٠١٢٣٤٥']) {
        expect(validateIdNumber(value), value).toBe('idNumber.format');
      }
    });
    it('comes before every other error', () => {
      expect(validateIdNumber('99909501234', { sex: 'female', dateOfBirth: '2000-01-01' })).toBe('idNumber.format');
    });
  });

  describe("'idNumber.province'", () => {
    it('rejects codes that are not among the 63 provinces', () => {
      for (const code of ['000', '003', '097', '100', '840', '999']) {
        expect(validateIdNumber(id(code, 0, '95')), code).toBe('idNumber.province');
      }
    });
    it('accepts every listed code', () => {
      for (const code of Object.keys(idNumberProvinces)) {
        expect(validateIdNumber(id(code, 0, '95')), code).toBeNull();
      }
    });
    it('comes before the birth-year and sex checks', () => {
      expect(validateIdNumber(id('003', 0, '95'), { dateOfBirth: '1980-01-01', sex: 'female' })).toBe('idNumber.province');
    });
  });

  describe("'idNumber.birthYear'", () => {
    it('decodes the century from G for every G', () => {
      const cases: Array<[number, string]> = [
        [0, '1995-05-20'],
        [1, '1995-05-20'],
        [2, '2095-05-20'],
        [3, '2095-05-20'],
        [4, '2195-05-20'],
        [5, '2195-05-20'],
        [6, '2295-05-20'],
        [7, '2295-05-20'],
        [8, '2395-05-20'],
        [9, '2395-05-20'],
      ];
      for (const [g, dateOfBirth] of cases) {
        // Year-only check here; the future-year rule does not apply when a date of birth is given.
        expect(validateIdNumber(id('001', g, '95'), { dateOfBirth }), `G=${g}`).toBeNull();
        const yearBefore = `${Number(dateOfBirth.slice(0, 4)) - 1}-05-20`;
        expect(validateIdNumber(id('001', g, '95'), { dateOfBirth: yearBefore }), `G=${g}`).toBe('idNumber.birthYear');
      }
    });
    it('tells someone born in 1999 from someone born in 2000', () => {
      expect(validateIdNumber(id('001', 0, '99'), { dateOfBirth: '1999-12-31' })).toBeNull();
      expect(validateIdNumber(id('001', 2, '00'), { dateOfBirth: '2000-01-01' })).toBeNull();
      expect(validateIdNumber(id('001', 0, '99'), { dateOfBirth: '2000-01-01' })).toBe('idNumber.birthYear');
      expect(validateIdNumber(id('001', 2, '00'), { dateOfBirth: '1999-12-31' })).toBe('idNumber.birthYear');
      // G=0 with YY=00 is 1900, not 2000.
      expect(validateIdNumber(id('001', 0, '00'), { dateOfBirth: '2000-01-01' })).toBe('idNumber.birthYear');
      expect(validateIdNumber(id('001', 0, '00'), { dateOfBirth: '1900-01-01' })).toBeNull();
    });
    it('compares YY with the year of birth', () => {
      expect(validateIdNumber('001095012345', { dateOfBirth: '1995-03-08' })).toBeNull();
      expect(validateIdNumber('001095012345', { dateOfBirth: '1996-03-08' })).toBe('idNumber.birthYear');
      expect(validateIdNumber('079303012345', { dateOfBirth: '2003-11-30' })).toBeNull();
      expect(validateIdNumber('079303012345', { dateOfBirth: '1903-11-30' })).toBe('idNumber.birthYear');
    });
    it('without a date of birth, rejects a year later than the current year in Vietnam', () => {
      expect(validateIdNumber(id('001', 2, '25'))).toBeNull(); // 2025, this year
      expect(validateIdNumber(id('001', 3, '26'))).toBe('idNumber.birthYear'); // 2026
      expect(validateIdNumber(id('001', 4, '00'))).toBe('idNumber.birthYear'); // 2100
      expect(validateIdNumber(id('001', 9, '99'))).toBe('idNumber.birthYear'); // 2399
      expect(validateIdNumber(id('001', 1, '99'))).toBeNull(); // 1999
    });
    it('takes the current year in Vietnam, not UTC', () => {
      vi.setSystemTime(new Date('2025-12-31T17:30:00Z')); // 00:30 on 1 January 2026 in Vietnam
      expect(validateIdNumber(id('001', 2, '26'))).toBeNull();
      vi.setSystemTime(new Date('2025-12-31T16:30:00Z')); // 23:30 on 31 December 2025 in Vietnam
      expect(validateIdNumber(id('001', 2, '26'))).toBe('idNumber.birthYear');
    });
    it('falls back to the future-year rule when the date of birth is malformed', () => {
      expect(validateIdNumber('001095012345', { dateOfBirth: '08/03/1995' })).toBeNull();
      expect(validateIdNumber(id('001', 2, '30'), { dateOfBirth: 'not a date' })).toBe('idNumber.birthYear');
    });
    it('comes before the sex check', () => {
      expect(validateIdNumber('001095012345', { dateOfBirth: '1996-01-01', sex: 'female' })).toBe('idNumber.birthYear');
    });
  });

  describe("'idNumber.sex'", () => {
    it('reads even G as male and odd G as female, for every G', () => {
      for (let g = 0; g <= 9; g++) {
        const value = id('001', g, '95');
        const dateOfBirth = `${1900 + Math.floor(g / 2) * 100 + 95}-01-01`;
        const sex = g % 2 === 0 ? 'male' : 'female';
        const other = g % 2 === 0 ? 'female' : 'male';
        expect(validateIdNumber(value, { dateOfBirth, sex }), `G=${g}`).toBeNull();
        expect(validateIdNumber(value, { dateOfBirth, sex: other }), `G=${g}`).toBe('idNumber.sex');
      }
    });
    it('checks real-looking numbers', () => {
      expect(validateIdNumber('001095012345', { sex: 'male' })).toBeNull();
      expect(validateIdNumber('001095012345', { sex: 'female' })).toBe('idNumber.sex');
      expect(validateIdNumber('079303012345', { sex: 'female', dateOfBirth: '2003-04-05' })).toBeNull();
      expect(validateIdNumber('079303012345', { sex: 'male', dateOfBirth: '2003-04-05' })).toBe('idNumber.sex');
    });
  });
});

describe('parseIdNumber', () => {
  it('reads province, sex and year of birth', () => {
    expect(parseIdNumber('001095012345')).toEqual({ province: '001', provinceName: 'Hà Nội', sex: 'male', birthYear: 1995 });
    expect(parseIdNumber('079303012345')).toEqual({ province: '079', provinceName: 'TP Hồ Chí Minh', sex: 'female', birthYear: 2003 });
    expect(parseIdNumber('096 2 00 999999')).toEqual({ province: '096', provinceName: 'Cà Mau', sex: 'male', birthYear: 2000 });
  });
  it('returns null for numbers validateIdNumber rejects', () => {
    expect(parseIdNumber('00109501234')).toBeNull();
    expect(parseIdNumber('003095012345')).toBeNull();
    expect(parseIdNumber(id('001', 4, '00'))).toBeNull(); // born in 2100
    expect(parseIdNumber('')).toBeNull();
  });
});
