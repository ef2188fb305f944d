import { useRef } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { agencyStatsQueryOptions } from '../../api/stats/queries.ts';
import type { Agency } from '../../api/procedures/schema.ts';
import type { AgencyStats } from '../../api/stats/schema.ts';
import { formatShare } from '../../lib/format.ts';
import { useAfterFirstPaint } from '../../lib/use-after-first-paint.ts';
import { useNearViewport } from '../../lib/use-near-viewport.ts';

/**
 * One line on a procedure's page: how satisfied people were with its agency and how many
 * dossiers it settled on time (the backend's figures for the current year), linking to the
 * agency's statistics. Asked for once the page has painted and the reader comes near the foot of
 * the page, so it never holds the page up.
 * Under the minimum of ratings the satisfied share is withheld and the line says so (the on-time
 * share stays); not shown at all when the figures cannot be had or there is no on-time share.
 */
export const AgencyStatsLine = ({ agency }: { agency: Agency }) => {
  const slot = useRef<HTMLDivElement>(null);
  const painted = useAfterFirstPaint();
  const near = useNearViewport(slot);
  const { data } = useQuery({ ...agencyStatsQueryOptions(agency.id, null), enabled: painted && near });
  return <div ref={slot}>{data ? <Line agency={agency} stats={data} /> : null}</div>;
};

const Line = ({ agency, stats }: { agency: Agency; stats: AgencyStats }) => {
  const { t, i18n } = useTranslation('catalogue');
  const satisfied = stats.figures.ratings.satisfiedShare;
  const onTime = stats.figures.dossiers.onTimeShare;
  if (onTime === null) return null;
  const lng = i18n.language;
  const figures = { agency: lng === 'vi' ? agency.name : agency.nameEn, onTime: formatShare(onTime, lng), period: stats.period.key };
  return (
    <p className="agency-stats-line" data-agency-stats={agency.id}>
      {satisfied === null ? t('detail.agencyStatsFew', figures) : t('detail.agencyStats', { ...figures, satisfied: formatShare(satisfied, lng) })}{' '}
      <Link to={`/stats/agencies/${agency.id}`}>{t('detail.agencyStatsLink')}</Link>
    </p>
  );
};
