/**
 * Text size for older users: scales the root font size, so every rem-based size follows.
 * Applied before first render (main.tsx) so nothing shifts after the page appears.
 */
export const textSizes = ['normal', 'large', 'larger'] as const;
export type TextSize = (typeof textSizes)[number];

const storageKey = 'mcs.textSize';

export const readTextSize = (): TextSize => {
  try {
    const saved = localStorage.getItem(storageKey);
    return textSizes.find((s) => s === saved) ?? 'normal';
  } catch {
    return 'normal';
  }
};

/**
 * The normal size is the page as served (no attribute): applying it on start changes nothing,
 * where writing the attribute, even to the same value, makes the browser work out the whole
 * page's style and layout again right after the first paint.
 */
export const applyTextSize = (size: TextSize): void => {
  const root = document.documentElement;
  if (size === 'normal') {
    if (root.hasAttribute('data-text-size')) delete root.dataset.textSize;
  } else if (root.dataset.textSize !== size) root.dataset.textSize = size;
};

const listeners = new Set<() => void>();

/** For useSyncExternalStore: every control showing the size stays in step. */
export const subscribeTextSize = (listener: () => void): (() => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export const currentTextSize = (): TextSize => textSizes.find((s) => s === document.documentElement.dataset.textSize) ?? 'normal';

export const saveTextSize = (size: TextSize): void => {
  applyTextSize(size);
  listeners.forEach((l) => l());
  try {
    localStorage.setItem(storageKey, size);
  } catch {
    // The choice still applies for this visit.
  }
};
