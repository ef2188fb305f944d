import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Icon } from '../ui/Icon.tsx';

/** The link back up at the top of a page, above its heading: an arrow and where it goes. */
export const BackLink = ({ to, children }: { to: string; children: ReactNode }) => (
  <Link to={to} className="back-link">
    <Icon name="back" size={20} />
    {children}
  </Link>
);
