import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { INDEX_GROUPS, INDEX_MAX } from '../../api/stats/index-groups.ts';
import type { Figures, ProvinceStats } from '../../api/stats/schema.ts';
import { RATING_LEVEL_VALUES } from '../../api/ratings/levels.ts';
import { Bar } from './Bar.tsx';
import { formatAverage, formatCount, formatDecimal, formatShare } from './format.ts';

interface Props {
  figures: Figures;
  minRatings: number;
  /** The indicators' names (the response's `indicators`). */
  labels: ProvinceStats['indicators'];
  /** The province's index beside an agency's. */
  provinceIndex?: number | null;
}

/** One agency's (or the province's) figures for the period: the index, satisfaction, dossiers. */
export const Overview = ({ figures, minRatings, labels, provinceIndex }: Props) => (
  <div className="stats-overview">
    <IndexCard figures={figures} minRatings={minRatings} provinceIndex={provinceIndex} />
    <RatingsCard figures={figures} minRatings={minRatings} labels={labels} />
    <DossiersCard figures={figures} />
  </div>
);

const NotEnough = ({ count, minRatings }: { count: number; minRatings: number }) => {
  const { t } = useTranslation('stats');
  return <p className="stats-not-enough">{t('notEnoughLong', { min: minRatings, count })}</p>;
};

const IndexCard = ({ figures, minRatings, provinceIndex }: Omit<Props, 'labels'>) => {
  const { t, i18n } = useTranslation('stats');
  const id = useId();
  const { index } = figures;
  const lng = i18n.language;
  return (
    <section className="card stats-card" aria-labelledby={id}>
      <h2 id={id}>{t('index.title')}</h2>
      <p className="stats-big" data-figure="index">
        {index.total === null ? t(figures.ratings.count < minRatings ? 'notEnough' : 'noData') : t('index.outOf', { value: formatDecimal(index.total, lng), max: 100 })}
      </p>
      {provinceIndex !== undefined && provinceIndex !== null ? <p className="stats-muted">{t('index.provinceCompare', { value: formatDecimal(provinceIndex, lng) })}</p> : null}
      <table className="stats-table stats-table--bars">
        <caption className="visually-hidden">{t('index.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('index.group')}</th>
            <th scope="col">{t('index.points')}</th>
          </tr>
        </thead>
        <tbody>
          {INDEX_GROUPS.map((group) => {
            const value = index[group];
            return (
              <tr key={group}>
                <th scope="row">{t(`index.groups.${group}`)}</th>
                <td className="stats-table__number">
                  {value === null
                    ? t(group === 'satisfaction' && figures.ratings.count < minRatings ? 'notEnough' : 'noData')
                    : t('index.outOf', { value: formatDecimal(value, lng), max: INDEX_MAX[group] })}
                  {value === null ? null : <Bar share={value / INDEX_MAX[group]} />}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="stats-muted">{t('index.source')}</p>
    </section>
  );
};

const RatingsCard = ({ figures, minRatings, labels }: Props) => {
  const { t, i18n } = useTranslation('stats');
  const id = useId();
  const lng = i18n.language;
  const { ratings } = figures;
  const { levels } = ratings;
  const answered = ratings.indicators.filter((i) => i.answers > 0);
  const labelOf = (indicatorId: string) => {
    const label = labels.find((l) => l.id === indicatorId)?.label;
    return label ? (lng === 'vi' ? label.vi : label.en) : indicatorId;
  };
  return (
    <section className="card stats-card" aria-labelledby={id}>
      <h2 id={id}>{t('ratings.title')}</h2>
      <p className="stats-big" data-figure="satisfied">
        {ratings.satisfiedShare === null ? t('notEnough') : t('ratings.satisfied', { value: formatShare(ratings.satisfiedShare, lng) })}
      </p>
      <p data-figure="ratings">{t('ratings.count', { count: ratings.count, number: formatCount(ratings.count, lng) })}</p>
      {levels === null ? (
        <NotEnough count={ratings.count} minRatings={minRatings} />
      ) : (
        <table className="stats-table stats-table--bars">
          <caption className="visually-hidden">{t('ratings.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ratings.level')}</th>
              <th scope="col">{t('ratings.share')}</th>
              </tr>
          </thead>
          <tbody>
            {RATING_LEVEL_VALUES.map((level) => (
              <tr key={level}>
                <th scope="row">{t(`ratings.levels.${level}`)}</th>
                <td className="stats-table__number">
                  {formatShare(levels[level], lng)}
                  <Bar share={levels[level]} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {answered.length > 0 ? (
        <table className="stats-table">
          <caption>{t('ratings.indicators')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ratings.indicator')}</th>
              <th scope="col">{t('ratings.average')}</th>
              <th scope="col">{t('ratings.answers')}</th>
            </tr>
          </thead>
          <tbody>
            {answered.map((indicator) => (
              <tr key={indicator.id}>
                <th scope="row">{labelOf(indicator.id)}</th>
                <td className="stats-table__number">{indicator.average === null ? t('notEnough') : formatAverage(indicator.average, lng)}</td>
                <td className="stats-table__number">{formatCount(indicator.answers, lng)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
};

const DossiersCard = ({ figures }: { figures: Figures }) => {
  const { t, i18n } = useTranslation('stats');
  const id = useId();
  const lng = i18n.language;
  const d = figures.dossiers;
  const share = (value: number | null) => (value === null ? t('noData') : formatShare(value, lng));
  return (
    <section className="card stats-card" aria-labelledby={id}>
      <h2 id={id}>{t('dossiers.title')}</h2>
      <dl className="facts">
        <div>
          <dt>{t('dossiers.received')}</dt>
          <dd>{formatCount(d.received, lng)}</dd>
        </div>
        <div>
          <dt>{t('dossiers.settled')}</dt>
          <dd>{formatCount(d.settled, lng)}</dd>
        </div>
        <div>
          <dt>{t('dossiers.onTime')}</dt>
          <dd>{share(d.onTimeShare)}</dd>
        </div>
        <div>
          <dt>{t('dossiers.days')}</dt>
          <dd>
            {d.averageDays === null || d.averageLegalDays === null
              ? t('noData')
              : t('dossiers.daysValue', { days: formatDecimal(d.averageDays, lng), legal: formatDecimal(d.averageLegalDays, lng) })}
          </dd>
        </div>
        <div>
          <dt>{t('dossiers.online')}</dt>
          <dd>{share(d.onlineShare)}</dd>
        </div>
        <div>
          <dt>{t('dossiers.paidOnline')}</dt>
          <dd>{share(d.paidOnlineShare)}</dd>
        </div>
      </dl>
    </section>
  );
};
