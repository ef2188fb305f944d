import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ProcedureSummary } from '../../api/procedures/schema.ts';
import { LevelBadge } from '../../components/LevelBadge.tsx';

/** What the home page shows of a popular procedure (the loader's data: keep it small). */
export type PopularService = Pick<ProcedureSummary, 'id' | 'name' | 'nameEn' | 'level'>;

export const popularOf = (procedures: readonly ProcedureSummary[]): PopularService[] =>
  procedures.slice(0, 6).map(({ id, name, nameEn, level }) => ({ id, name, nameEn, level }));

/** The first procedures of the catalogue, which the backend orders by how often they are used. */
export const PopularList = ({ services }: { services: readonly PopularService[] }) => {
  const { t, i18n } = useTranslation(['common', 'catalogue']);
  const english = i18n.resolvedLanguage !== 'vi';
  return (
    <section aria-labelledby="popular-title">
      <h2 id="popular-title">{t('home.popularTitle')}</h2>
      <ul className="link-list">
        {services.map((p) => (
          <li key={p.id}>
            <Link to={`/services/${p.id}`}>
              <span>{english ? p.nameEn : p.name}</span>
              <LevelBadge level={p.level} />
            </Link>
          </li>
        ))}
      </ul>
      <Link to="/services" className="button button--secondary button--block">
        {t('home.allServices')}
      </Link>
    </section>
  );
};
