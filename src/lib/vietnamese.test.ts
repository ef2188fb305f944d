import { describe, expect, it } from 'vitest';
import { fold, foldedWords } from './vietnamese.ts';

describe('fold', () => {
  it('strips diacritics and case', () => {
    expect(fold('Đăng ký khai sinh')).toBe('dang ky khai sinh');
  });
  it('folds letters with two marks', () => {
    expect(fold('ắ ố ứ Ặ Ỗ Ữ')).toBe('a o u a o u');
  });
  it('maps đ, Đ and the look-alike eth to d', () => {
    expect(fold('đĐÐð')).toBe('dddd');
  });
  it('folds decomposed input the same as composed', () => {
    const decomposed = 'Đăng ký'.normalize('NFD');
    expect(decomposed).not.toBe('Đăng ký');
    expect(fold(decomposed)).toBe(fold('Đăng ký'));
  });
});

describe('foldedWords', () => {
  it('splits on punctuation and keeps procedure codes whole', () => {
    expect(foldedWords('Cấp Phiếu lý lịch tư pháp, mã 1.001193.')).toEqual(['cap', 'phieu', 'ly', 'lich', 'tu', 'phap', 'ma', '1.001193']);
  });
});
