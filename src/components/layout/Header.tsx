import { useId, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Icon, Logo } from '../ui/Icon.tsx';
import { PreferencesForm } from './PreferencesForm.tsx';

export const Header = () => {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <header className="app-header">
      <div className="app-header__bar">
        <Link to="/" className="brand">
          <Logo />
          <span>{t('app.name')}</span>
        </Link>
        <button
          type="button"
          className="button button--ghost header-prefs"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen((o) => !o)}
        >
          <Icon name="text" />
          <span>{t('preferences.button')}</span>
        </button>
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
