import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/**
 * After moving to another page inside the app, put the keyboard and the screen reader on the
 * new page's heading, as a full page load would start them at the top. A page that already
 * placed focus itself (an error summary, a notice, a confirmation) keeps it; a change of the
 * query alone (search, filters) is not a new page.
 */
export const useFocusOnNavigate = (): void => {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const frame = requestAnimationFrame(() => {
      const main = document.getElementById('main');
      if (!main || main.contains(document.activeElement)) return;
      const heading = main.querySelector('h1');
      if (heading && !heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      (heading ?? main).focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, [pathname]);
};
