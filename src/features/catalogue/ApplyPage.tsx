import { Link, useParams } from 'react-router';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { procedureQueryOptions } from '../../api/procedures/queries.ts';
import { usePageTitle } from '../../components/layout/use-document-title.ts';
import { Icon } from '../../components/ui/Icon.tsx';
import { LevelBadge } from '../../components/LevelBadge.tsx';
import { langOf, useLocalizedProcedure } from '../../components/procedure/use-localized-procedure.ts';
import { ViOnly } from '../../components/procedure/ViOnly.tsx';

/**
 * The entry to filing online: what the citizen needs at hand before starting. Signing in and
 * the e-form come next; until they exist this page says so plainly instead of pretending.
 */
export const ApplyPage = () => {
  const { id = '' } = useParams();
  const { data: procedure } = useSuspenseQuery(procedureQueryOptions(id));
  const { t } = useTranslation('catalogue');
  const text = useLocalizedProcedure(procedure);
  usePageTitle(t('prepare.title'));
  return (
    <div className="prepare">
      <Link to={`/services/${procedure.id}`} className="back-link">
        <Icon name="back" size={20} />
        {t('prepare.back')}
      </Link>
      <h1>{t('prepare.title')}</h1>
      <p className="prepare__procedure">
        <span lang={text.lng === 'vi' ? undefined : 'vi'}>{procedure.name}</span> <LevelBadge level={procedure.level} />
      </p>
      <h2>{t('prepare.need')}</h2>
      <ViOnly part={text.documents} text={text} />
      <ol className="checklist">
        <li>{t('prepare.identity')}</li>
        {text.documents.value
          .filter((d) => !d.optional)
          .map((d) => (
            <li key={d.id} lang={langOf(text.documents, text)}>
              {d.name}
            </li>
          ))}
        {procedure.level === 'full' && procedure.fees.length > 0 ? <li>{t('prepare.payment')}</li> : null}
      </ol>
      <p className="hint">{t('prepare.photos')}</p>
      <div className="notice" role="note">
        <h2>{t('prepare.notYetTitle')}</h2>
        <p>{t('prepare.notYetBody')}</p>
      </div>
    </div>
  );
};
