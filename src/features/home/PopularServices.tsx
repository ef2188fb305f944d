import { Link } from 'react-router';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { catalogueQueryOptions } from '../../api/procedures/queries.ts';
import { LevelBadge } from '../../components/LevelBadge.tsx';

/** The first procedures of the catalogue, which the backend orders by how often they are used. */
const PopularServices = () => {
  const { t, i18n } = useTranslation(['common', 'catalogue']);
  const { data } = useSuspenseQuery(catalogueQueryOptions());
  const english = i18n.resolvedLanguage !== 'vi';
  return (
    <section aria-labelledby="popular-title">
      <h2 id="popular-title">{t('home.popularTitle')}</h2>
      <ul className="link-list">
        {data.procedures.slice(0, 6).map((p) => (
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

export default PopularServices;
