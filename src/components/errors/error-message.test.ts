import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { errorKind, shouldReloadForMissingCode } from './error-message.ts';

const missing = () => new TypeError('Failed to fetch dynamically imported module: http://localhost/assets/x.js');

describe('a page whose code did not arrive', () => {
  beforeEach(() => sessionStorage.clear());
  afterEach(() => vi.restoreAllMocks());

  it('is loaded again by itself once, then not again within 30 seconds (no loop)', () => {
    expect(shouldReloadForMissingCode(missing(), 1_000_000)).toBe(true);
    expect(shouldReloadForMissingCode(missing(), 1_010_000)).toBe(false);
    expect(shouldReloadForMissingCode(missing(), 1_031_000)).toBe(true);
  });

  it('is not reloaded offline (the page says so), nor for other errors', () => {
    expect(shouldReloadForMissingCode(new TypeError('x is not a function'), 1_000_000)).toBe(false);
    expect(shouldReloadForMissingCode(new Error('Failed to fetch dynamically imported module'), 1_000_000)).toBe(false);
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    expect(shouldReloadForMissingCode(missing(), 1_000_000)).toBe(false);
    expect(errorKind(missing())).toBe('offline');
  });

  it('is left to the citizen when storage is blocked (nothing could stop a loop)', () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    expect(shouldReloadForMissingCode(missing(), 1_000_000)).toBe(false);
  });
});
