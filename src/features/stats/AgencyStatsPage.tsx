import { useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { agencyStatsQueryOptions } from '../../api/stats/queries.ts';
import { usePageTitle } from '../../components/layout/use-document-title.ts';
import { Icon } from '../../components/ui/Icon.tsx';
import { DataView, type Row } from './DataView.tsx';
import { measureCells, measureColumns, monthLabel, type Measure } from './format.ts';
import { Overview } from './Overview.tsx';
import { MeasureSelect, PeriodFigures } from './StatsFrame.tsx';
import { usePeriodParam } from './StatsPage.tsx';

/** /stats/agencies/:code — one agency for a period, and its trend month by month. */
export const AgencyStatsPage = () => {
  const { code = '' } = useParams();
  const period = usePeriodParam();
  const { data } = useSuspenseQuery(agencyStatsQueryOptions(code, period));
  const { t, i18n } = useTranslation('stats');
  const lng = i18n.language;
  const name = lng === 'vi' ? data.agency.name : data.agency.nameEn;
  const trendId = useId();
  const [measure, setMeasure] = useState<Measure>('satisfied');
  usePageTitle(name);

  const rows: Row[] = data.trend.map(({ month, figures }) => ({
    key: month,
    header: monthLabel(month, t),
    headerText: monthLabel(month, t),
    cell: measureCells(figures, t, lng, data.minRatings),
  }));

  return (
    <div className="stats-page">
      <Link to={`/stats${period === null ? '' : `?period=${encodeURIComponent(period)}`}`} className="back-link">
        <Icon name="back" size={20} />
        {t('back')}
      </Link>
      <h1>{name}</h1>
      <PeriodFigures data={data} figures={data.figures}>
        <Overview figures={data.figures} minRatings={data.minRatings} labels={data.indicators} provinceIndex={data.province.index.total} />
      </PeriodFigures>
      <section aria-labelledby={trendId} className="stats-ranking">
        <h2 id={trendId}>{t('trend.title')}</h2>
        <MeasureSelect label={t('trend.measure')} value={measure} onChange={setMeasure} />
        <DataView
          rowHeader={t('trend.month')}
          columns={measureColumns(t)}
          rows={rows}
          chartColumn={measure}
          caption={t('trend.caption', { agency: name, measure: t(`measures.${measure}`) })}
          fileName={`${name} ${data.period.key}.csv`}
          rowAttribute="month"
        />
      </section>
    </div>
  );
};
