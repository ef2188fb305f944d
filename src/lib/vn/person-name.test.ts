import { describe, expect, it } from 'vitest';
import { normalisePersonName, validatePersonName } from './person-name.ts';

describe('normalisePersonName', () => {
  it('trims and collapses whitespace, keeping case and diacritics', () => {
    expect(normalisePersonName('  Nguyễn   Văn\tAn \n')).toBe('Nguyễn Văn An');
    expect(normalisePersonName('nguyễn văn an')).toBe('nguyễn văn an');
  });
  it('composes decomposed input (NFC)', () => {
    const decomposed = 'Đoàn Thị Ánh Tuyết'.normalize('NFD');
    expect(decomposed).not.toBe('Đoàn Thị Ánh Tuyết');
    expect(normalisePersonName(decomposed)).toBe('Đoàn Thị Ánh Tuyết');
  });
  it('treats non-breaking spaces as spaces', () => {
    expect(normalisePersonName('Nguyễn\u00a0Văn An')).toBe('Nguyễn Văn An');
  });
});

describe('validatePersonName', () => {
  it('accepts Vietnamese names with diacritics', () => {
    for (const name of ['Nguyễn Văn An', 'Đoàn Thị Ánh Tuyết', 'Hoàng Thị Ngọc Ẩn', 'Lê Ư', 'Trần Thị Thu Hương', 'Ông Ích Khiêm']) {
      expect(validatePersonName(name), name).toBeNull();
    }
  });
  it('accepts names of ethnic minorities, with apostrophes and hyphens', () => {
    for (const name of ["Ksor H'Bia", 'Nay Y Blang', "Y'Moan Ênuôl", 'H’Hen Niê', 'Lò Văn Páo', 'Hà-Nguyễn Minh Anh']) {
      expect(validatePersonName(name), name).toBeNull();
    }
  });
  it('accepts decomposed (NFD) input', () => {
    expect(validatePersonName('Hoàng Thị Ngọc Ẩn'.normalize('NFD'))).toBeNull();
    expect(validatePersonName('Đoàn Thị Ánh Tuyết'.normalize('NFD'))).toBeNull();
  });
  it('accepts letters with combining marks NFC cannot compose', () => {
    expect(validatePersonName('Nguye\u0302\u0303\u0301 An')).toBeNull(); // still a letter with marks
  });
  it('accepts extra spaces around and between words', () => {
    expect(validatePersonName('  Nguyễn   Văn  An ')).toBeNull();
  });
  it("reports 'name.characters' for digits, markup, emoji and punctuation", () => {
    for (const name of [
      'Nguyễn 2',
      '<script>alert(1)</script>',
      'Nguyễn <b>An</b>',
      'Nguyễn Văn An 😀',
      'Nguyễn, Văn An',
      'Nguyễn Văn An.',
      'Nguyễn_Văn An',
      'Nguyễn "An"',
      'Nguyễn Văn\u200bAn', // zero-width space
      'Nguyễn Văn ١',
    ]) {
      expect(validatePersonName(name), name).toBe('name.characters');
    }
  });
  it("reports 'name.characters' for words with no letter or with a stray mark", () => {
    expect(validatePersonName("Nguyễn ' An")).toBe('name.characters');
    expect(validatePersonName('Nguyễn - An')).toBe('name.characters');
    expect(validatePersonName('Nguyễn \u0301An')).toBe('name.characters');
    expect(validatePersonName("Nguyễn H'\u0301Bia")).toBe('name.characters');
  });
  it("reports 'name.tooLong' over 100 characters, counted after normalising", () => {
    // 14 × "Nguyễn" (6 characters each) + 13 spaces + " An" = 100 characters.
    const name100 = `${Array.from({ length: 14 }, () => 'Nguyễn').join(' ')} An`;
    expect([...name100].length).toBe(100);
    expect(validatePersonName(name100)).toBeNull();
    expect(validatePersonName(`${name100}h`)).toBe('name.tooLong');
    // Decomposed input is longer in code units but the same name once composed.
    expect(validatePersonName(name100.normalize('NFD'))).toBeNull();
    expect(validatePersonName(`   ${name100}   `)).toBeNull();
  });
  it("reports 'name.characters' before 'name.tooLong'", () => {
    expect(validatePersonName(`${'a'.repeat(120)} <script>`)).toBe('name.characters');
  });
  it("reports 'name.oneWord' for a single word or nothing", () => {
    expect(validatePersonName('An')).toBe('name.oneWord');
    expect(validatePersonName('  Nguyễn  ')).toBe('name.oneWord');
    expect(validatePersonName("H'Bia")).toBe('name.oneWord');
    expect(validatePersonName('')).toBe('name.oneWord');
    expect(validatePersonName('   ')).toBe('name.oneWord');
  });
});
