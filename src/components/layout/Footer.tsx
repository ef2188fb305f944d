import { lazy, Suspense, useState } from 'react';
import { useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { usePostsWaiting } from '../../offline/posts-waiting.ts';

// The form, its strings and the outbox are loaded only when someone opens it.
const ReportProblem = lazy(() => import('../feedback/ReportProblem.tsx').catch(() => ({ default: ReportUnavailable })));

// Sends the reports waiting on the device; loaded only while one waits.
const PostsSender = lazy(() => import('../feedback/PostsSender.tsx').catch(() => ({ default: () => null })));

/** Its code could not be fetched (offline before the service worker kept it). */
const ReportUnavailable = () => {
  const { t } = useTranslation();
  return <p className="notice">{t('errors.offline.body')}</p>;
};

/**
 * Under every page: "Report a problem with this page". Part of the first render (one button), so
 * a pre-rendered page has it from the start: added after the first paint, it made the page
 * longer while the citizen read it (and a phone flashes its scrollbar for that).
 */
export const Footer = () => {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  const [open, setOpen] = useState(false);
  const waiting = usePostsWaiting();
  return (
    <footer className="app-footer">
      <button type="button" className="button button--link" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {t('footer.report')}
      </button>
      {open ? (
        <Suspense fallback={<p className="loading">{t('loading')}</p>}>
          <ReportProblem path={`${pathname}${search}`} onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
      {waiting ? (
        <Suspense fallback={null}>
          <PostsSender />
        </Suspense>
      ) : null}
    </footer>
  );
};

