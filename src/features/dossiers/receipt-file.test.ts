import { describe, expect, it } from 'vitest';
import { wrap } from './receipt-file.ts';

// One unit per character: easy to reason about.
const measure = (s: string) => s.length;

describe('wrap', () => {
  it('breaks at spaces within the width', () => {
    expect(wrap('Đăng ký khai sinh cho con', 10, measure)).toEqual(['Đăng ký', 'khai sinh', 'cho con']);
  });

  it('cuts a word longer than a line instead of letting it run off the page', () => {
    expect(wrap('000.00.12.H62-201105-0004', 10, measure)).toEqual(['000.00.12.', 'H62-201105', '-0004']);
  });

  it('keeps nothing for empty text', () => {
    expect(wrap('   ', 10, measure)).toEqual([]);
  });
});
