import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { agencyStatsQueryOptions } from '../../api/stats/queries.ts';
import type { Agency } from '../../api/procedures/schema.ts';
import { formatShare } from '../../lib/format.ts';
import { useAfterFirstPaint } from '../../lib/use-after-first-paint.ts';

/**
 * One line on a procedure's page: how satisfied people were with its agency and how many
 * dossiers it settled on time (the backend's figures for the current year), linking to the
 * agency's statistics. Asked for once the page has painted, so it never holds the page up;
 * shown only when there are enough ratings to publish, and not at all if it cannot be had.
 */
export const AgencyStatsLine = ({ agency }: { agency: Agency }) => {
  const painted = useAfterFirstPaint();
  const { t, i18n } = useTranslation('catalogue');
  const { data } = useQuery({ ...agencyStatsQueryOptions(agency.id, null), enabled: painted });
  const satisfied = data?.figures.ratings.satisfiedShare ?? null;
  const onTime = data?.figures.dossiers.onTimeShare ?? null;
  if (!data || satisfied === null || onTime === null) return null;
  const lng = i18n.language;
  return (
    <p className="agency-stats-line" data-agency-stats={agency.id}>
      {t('detail.agencyStats', {
        agency: lng === 'vi' ? agency.name : agency.nameEn,
        satisfied: formatShare(satisfied, lng),
        onTime: formatShare(onTime, lng),
        period: data.period.key,
      })}{' '}
      <Link to={`/stats/agencies/${agency.id}`}>{t('detail.agencyStatsLink')}</Link>
    </p>
  );
};
