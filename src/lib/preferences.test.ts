import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyTextSize, currentTextSize, saveTextSize, subscribeTextSize } from './preferences.ts';

afterEach(() => applyTextSize('normal'));

describe('text size', () => {
  it('leaves the page as served for the normal size, and marks only a larger one', () => {
    const root = document.documentElement;
    applyTextSize('normal');
    expect(root.hasAttribute('data-text-size')).toBe(false);
    expect(currentTextSize()).toBe('normal');
    applyTextSize('larger');
    expect(root.dataset.textSize).toBe('larger');
    expect(currentTextSize()).toBe('larger');
    applyTextSize('normal');
    expect(root.hasAttribute('data-text-size')).toBe(false);
  });

  it('does not touch the page when the size is the one it already has', () => {
    applyTextSize('large');
    const seen: MutationRecord[] = [];
    const observer = new MutationObserver((records) => seen.push(...records));
    observer.observe(document.documentElement, { attributes: true });
    applyTextSize('large');
    applyTextSize('large');
    seen.push(...observer.takeRecords());
    observer.disconnect();
    expect(seen).toEqual([]);
  });

  it('tells every control showing the size when it is saved', () => {
    const listener = vi.fn();
    const stop = subscribeTextSize(listener);
    saveTextSize('large');
    stop();
    saveTextSize('larger');
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
