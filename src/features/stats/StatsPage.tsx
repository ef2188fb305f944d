import { useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { provinceStatsQueryOptions } from '../../api/stats/queries.ts';
import { usePageTitle } from '../../components/layout/use-document-title.ts';
import { DataView, type Row } from './DataView.tsx';
import { lowerIsBetter, MEASURES, measureCells, measureColumns, periodLabel, type Measure } from './format.ts';
import { Overview } from './Overview.tsx';
import { MeasureSelect, PeriodFigures } from './StatsFrame.tsx';

/** `?period=` as given (the backend says whether it is one); null: the backend's default. */
export const usePeriodParam = (): string | null => useSearchParams()[0].get('period');

/** Nulls last whichever way; ties by name. */
const compare = (a: number | null, b: number | null, descending: boolean): number => {
  if (a === null || b === null) return a === null ? (b === null ? 0 : 1) : -1;
  return descending ? b - a : a - b;
};

/** /stats: the province's figures and every agency ranked, for a period. No sign-in. */
export const StatsPage = () => {
  const period = usePeriodParam();
  const { data } = useSuspenseQuery(provinceStatsQueryOptions(period));
  const { t, i18n } = useTranslation('stats');
  const lng = i18n.language;
  const titleId = useId();
  const rankingId = useId();
  const [sort, setSort] = useState<{ column: Measure; descending: boolean }>({ column: 'index', descending: true });
  usePageTitle(t('title'));
  const shownPeriod = periodLabel(data.period, t);
  const name = (agency: { name: string; nameEn: string }) => (lng === 'vi' ? agency.name : agency.nameEn);

  const rows: Row[] = data.agencies
    .map(({ agency, figures }) => ({
      key: agency.id,
      header: <Link to={`/stats/agencies/${agency.id}${period === null ? '' : `?period=${encodeURIComponent(period)}`}`}>{name(agency)}</Link>,
      headerText: name(agency),
      cell: measureCells(figures, t, lng, data.minRatings),
    }))
    .sort((a, b) => {
      const i = MEASURES.indexOf(sort.column);
      return compare(a.cell(i).value, b.cell(i).value, sort.descending) || a.headerText.localeCompare(b.headerText, lng);
    });

  const sortBy = (column: Measure, toggle: boolean) =>
    setSort((current) => ({ column, descending: toggle && current.column === column ? !current.descending : !lowerIsBetter(column) }));

  return (
    <div className="stats-page">
      <h1 id={titleId}>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>
      <PeriodFigures data={data} figures={data.province}>
        <h2 className="stats-heading">{t('province')}</h2>
        <Overview figures={data.province} minRatings={data.minRatings} labels={data.indicators} />
        <section aria-labelledby={rankingId} className="stats-ranking">
          <h2 id={rankingId}>{t('ranking.title')}</h2>
          <MeasureSelect label={t('ranking.sortBy')} value={sort.column} onChange={(m) => sortBy(m, false)} />
          <DataView
          rowHeader={t('ranking.agency')}
          columns={measureColumns(t)}
          rows={rows}
          chartColumn={sort.column}
          caption={t('ranking.caption', { period: shownPeriod, measure: t(`measures.${sort.column}`) })}
          fileName={`${t('title')} ${data.period.key}.csv`}
          sort={{ column: sort.column, descending: sort.descending, onSort: (column) => sortBy(column as Measure, true) }}
          rowAttribute="agency"
          />
        </section>
      </PeriodFigures>
    </div>
  );
};
