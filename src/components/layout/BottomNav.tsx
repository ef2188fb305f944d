import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Icon, type IconName } from '../ui/Icon.tsx';

const items: { to: string; icon: IconName; key: 'nav.home' | 'nav.services' | 'nav.dossiers' | 'nav.account' | 'nav.settings'; end?: boolean }[] = [
  { to: '/', icon: 'home', key: 'nav.home', end: true },
  { to: '/services', icon: 'services', key: 'nav.services' },
  { to: '/dossiers', icon: 'folder', key: 'nav.dossiers' },
  { to: '/me', icon: 'person', key: 'nav.account' },
  { to: '/settings', icon: 'settings', key: 'nav.settings' },
];

export const BottomNav = () => {
  const { t } = useTranslation();
  return (
    <nav className="bottom-nav" aria-label={t('nav.label')}>
      <ul>
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end ?? false}>
              <Icon name={item.icon} />
              <span>{t(item.key)}</span>
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
};
