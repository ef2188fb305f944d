import { lazy, Suspense, useEffect, useId, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Icon, Logo } from '../ui/Icon.tsx';
import { useSession } from '../../auth/session.ts';
import { useAfterFirstPaint } from '../../lib/use-after-first-paint.ts';

// The panel opens on a tap, never in the first render: its code is not in the first bundle. It
// is fetched once the page has painted, so the panel opens at once (offline too) when tapped.
const loadPreferencesForm = () => import('./PreferencesForm.tsx').then((m) => ({ default: m.PreferencesForm }));
const PreferencesForm = lazy(loadPreferencesForm);

export const Header = () => {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const session = useSession();
  const painted = useAfterFirstPaint();
  useEffect(() => {
    if (painted) void loadPreferencesForm();
  }, [painted]);
  // People are addressed by their given name, the last word of a Vietnamese full name.
  const givenName = session?.name.trim().split(/\s+/).at(-1);
  return (
    <header className="app-header">
      <div className="app-header__bar">
        <Link to="/" className="brand">
          <Logo />
          <span>{t('app.name')}</span>
        </Link>
        <div className="header-actions">
          {session ? (
            <Link to="/me" className="header-user">
              <span className="visually-hidden">{t('nav.account')}: </span>
              {givenName}
            </Link>
          ) : (
            <Link to="/signin" className="header-user">
              {t('header.signIn')}
            </Link>
          )}
          <button
            type="button"
            className="button button--ghost header-prefs"
            aria-expanded={open}
            aria-controls={panelId}
            onClick={() => setOpen((o) => !o)}
          >
            <Icon name="text" />
            <span className="header-prefs__label">{t('preferences.button')}</span>
          </button>
        </div>
      </div>
      <div id={panelId} className="prefs-panel" hidden={!open}>
        {open ? (
          <Suspense fallback={<p className="loading">{t('loading')}</p>}>
            <PreferencesForm />
          </Suspense>
        ) : null}
        <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
          {t('preferences.close')}
        </button>
      </div>
    </header>
  );
};
