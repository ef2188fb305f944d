import { useTranslation } from 'react-i18next';
import { Logo } from '../ui/Icon.tsx';

/** What shows while the first route's code and data arrive: same frame as the shell, no shift. */
export const ShellFallback = () => {
  const { t } = useTranslation();
  return (
    <div className="app">
      <header className="app-header">
        <div className="app-header__bar">
          <span className="brand">
            <Logo />
            <span>{t('app.name')}</span>
          </span>
        </div>
      </header>
      <main className="main" aria-busy="true">
        <p className="loading">{t('loading')}</p>
      </main>
    </div>
  );
};
