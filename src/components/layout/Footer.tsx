import { lazy, Suspense, useState } from 'react';
import { useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';

// The form, its strings and the outbox are loaded only when someone opens it.
const ReportProblem = lazy(() => import('../feedback/ReportProblem.tsx'));

/** Under every page: "Report a problem with this page". */
export const Footer = () => {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  const [open, setOpen] = useState(false);
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
    </footer>
  );
};

export default Footer;
