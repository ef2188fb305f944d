import { useId, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Icon, Logo } from '../ui/Icon.tsx';
import { PreferencesForm } from './PreferencesForm.tsx';
import { useSession } from '../../auth/session.ts';

export const Header = () => {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const session = useSession();
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
        {open ? <PreferencesForm /> : null}
        <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
          {t('preferences.close')}
        </button>
      </div>
    </header>
  );
};
