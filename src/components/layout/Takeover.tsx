import { useEffect, useSyncExternalStore, type ReactNode } from 'react';

const subscribe = () => () => undefined;
let takenOver = false;
const waiting: (() => void)[] = [];

/** Runs `callback` once the app has taken the page over (at once if it already has). */
export const afterTakeover = (callback: () => void): void => {
  if (takenOver) callback();
  else waiting.push(callback);
};

/**
 * Until the app has taken over a pre-rendered page, nothing on it can be typed into or pressed:
 * typing into a field before React owns it would be lost (React keeps a controlled field's
 * state, not what was typed into the HTML, and React 19 does not replay it), and a button would
 * do nothing. Links keep working as plain links, and a disclosure opens natively.
 *
 * A disabled <fieldset> disables every control inside it, so one attribute does it. It is in
 * the HTML the build renders (the server snapshot below is "not yet"), in the hydration render
 * too (React hydrates with the server snapshot, so the two match), and goes right after
 * hydration, when React re-renders with the client snapshot. A page rendered in the browser
 * (the shell) starts with the client snapshot: enabled from its first frame.
 *
 * `display: contents` (styles.css) keeps it out of the layout; role="none" out of the
 * accessibility tree (a fieldset is otherwise announced as a group). Its one child is the app's
 * box (AppShell): Chromium rebuilds the layout tree of everything in a fieldset when a child is
 * added to the fieldset itself, which a box in between avoids.
 */
export const Takeover = ({ children }: { children: ReactNode }) => {
  const live = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  useEffect(() => {
    if (!live || takenOver) return;
    takenOver = true;
    for (const callback of waiting.splice(0)) callback();
  }, [live]);
  return (
    <fieldset className="takeover" role="none" disabled={!live}>
      {children}
    </fieldset>
  );
};
