import { describe, expect, it } from 'vitest';
import { normalisePhone, validatePhone } from './phone.ts';

describe('normalisePhone', () => {
  it('drops spaces, dots, dashes and parentheses', () => {
    expect(normalisePhone(' 0912 345 678 ')).toBe('0912345678');
    expect(normalisePhone('091.234.5678')).toBe('0912345678');
    expect(normalisePhone('0912-345-678')).toBe('0912345678');
    expect(normalisePhone('(024) 3825 1234')).toBe('02438251234');
  });
  it('turns +84 and 84 in front of a mobile number into 0', () => {
    expect(normalisePhone('+84 912 345 678')).toBe('0912345678');
    expect(normalisePhone('+84912345678')).toBe('0912345678');
    expect(normalisePhone('84912345678')).toBe('0912345678');
    expect(normalisePhone('+84 (0) 912 345 678')).toBe('0912345678');
  });
  it('turns +84 and 84 in front of a landline into 0', () => {
    expect(normalisePhone('+84 24 3825 1234')).toBe('02438251234');
    expect(normalisePhone('84 28 3829 1234')).toBe('02838291234');
  });
  it('leaves 84 alone when no full number follows', () => {
    expect(normalisePhone('8491234567')).toBe('8491234567');
    expect(normalisePhone('+8491234567')).toBe('+8491234567');
    // A domestic number that happens to start with 84 is not a country code.
    expect(normalisePhone('0849123456')).toBe('0849123456');
  });
});

describe('validatePhone', () => {
  it('accepts mobiles with every post-2018 prefix', () => {
    for (const value of ['0321234567', '0561234567', '0701234567', '0812345678', '0912345678', '0987654321']) {
      expect(validatePhone(value), value).toBeNull();
    }
  });
  it('accepts mobiles written with spaces, dots or +84', () => {
    expect(validatePhone('0912 345 678')).toBeNull();
    expect(validatePhone('091.234.5678')).toBeNull();
    expect(validatePhone('+84 912 345 678')).toBeNull();
    expect(validatePhone('84 912 345 678')).toBeNull();
    expect(validatePhone('+84 (0) 912 345 678')).toBeNull();
  });
  it('accepts landlines: 02 + 9 digits', () => {
    expect(validatePhone('024 3825 1234')).toBeNull();
    expect(validatePhone('(028) 3829 1234')).toBeNull();
    expect(validatePhone('0234 382 1234')).toBeNull();
    expect(validatePhone('+84 24 3825 1234')).toBeNull();
  });
  it("reports 'phone.format' for other prefixes", () => {
    for (const value of ['0112345678', '0212345678', '0412345678', '0612345678', '0012345678', '1912345678']) {
      expect(validatePhone(value), value).toBe('phone.format');
    }
  });
  it("reports 'phone.format' for the wrong number of digits", () => {
    expect(validatePhone('091234567')).toBe('phone.format'); // 9 digits
    expect(validatePhone('09123456789')).toBe('phone.format'); // 11 digits, mobile prefix
    expect(validatePhone('0243825123')).toBe('phone.format'); // landline, 10 digits
    expect(validatePhone('024382512345')).toBe('phone.format'); // landline, 12 digits
    expect(validatePhone('01662345678')).toBe('phone.format'); // pre-2018 11-digit mobile
    expect(validatePhone('+84 0912 345 67')).toBe('phone.format');
  });
  it("reports 'phone.format' for empty input and symbols", () => {
    expect(validatePhone('')).toBe('phone.format');
    expect(validatePhone('   ')).toBe('phone.format');
    expect(validatePhone('0912/345/678')).toBe('phone.format');
    expect(validatePhone('0912#345678')).toBe('phone.format');
    expect(validatePhone('++84912345678')).toBe('phone.format');
  });
  it("reports 'phone.letters' for any letter, before the format", () => {
    expect(validatePhone('an@example.vn')).toBe('phone.letters');
    expect(validatePhone('0912 345 67O')).toBe('phone.letters'); // capital O for zero
    expect(validatePhone('số 0912345678')).toBe('phone.letters');
    expect(validatePhone('0912345678 ext 12')).toBe('phone.letters');
    expect(validatePhone('đ')).toBe('phone.letters');
  });
});
