import { startTransition, useEffect, useState, type RefObject } from 'react';

/**
 * True once `ref`'s element comes within a screen's height of the visible part of the page, and
 * from then on. A section at the foot of a long page (a procedure's questions, its agency's
 * figures) is asked for and drawn when the reader scrolls towards it, not while a slow phone is
 * still taking the page over for someone who may never scroll that far (decisions.md, 3c).
 *
 * A page opened at an anchor (`#ask`…) has everything at once: what the anchor names may be in
 * it, and the reader is not at the top. Without IntersectionObserver (old browsers, jsdom), also
 * at once. The change renders as a transition: in slices, never one long task.
 */
export const useNearViewport = (ref: RefObject<Element | null>): boolean => {
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = ref.current;
    const show = () => startTransition(() => setNear(true));
    if (!element || typeof IntersectionObserver !== 'function' || window.location.hash.length > 1) {
      show();
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        show();
      },
      // A screen's height below (and above) what is visible: drawn before it scrolls into view.
      { rootMargin: '100% 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return near;
};
