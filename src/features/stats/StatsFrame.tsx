import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Figures, StatsPeriod } from '../../api/stats/schema.ts';
import { MEASURES, monthLabel, periodLabel, type Measure } from './format.ts';
import { PeriodPicker } from './PeriodPicker.tsx';

/** Nothing at all was received, settled or rated in the period (before the history, or a future one). */
const empty = (figures: Figures): boolean => figures.ratings.count === 0 && figures.dossiers.received === 0 && figures.dossiers.settled === 0;

interface Props {
  /** The backend's answer for the page: which period it is for and which months it has. */
  data: { period: StatsPeriod; available: { from: string; to: string } };
  /** The figures the page leads with (the province's, or the agency's). */
  figures: Figures;
  children: ReactNode;
}

/**
 * What both statistics pages share above their own parts: the period picker, the period the
 * figures are for (announced when it changes), then the figures — or, for a period with nothing
 * in it, that there are no figures and which months there are, instead of cards of blanks.
 */
export const PeriodFigures = ({ data, figures, children }: Props) => {
  const { t } = useTranslation('stats');
  return (
    <>
      <PeriodPicker period={data.period} available={data.available} />
      <p className="stats-shown" aria-live="polite">
        {t('period.shown', { period: periodLabel(data.period, t) })}
      </p>
      {empty(figures) ? (
        <p className="notice" data-figure="none">
          {t('empty', { period: periodLabel(data.period, t), from: monthLabel(data.available.from, t), to: monthLabel(data.available.to, t) })}
        </p>
      ) : (
        children
      )}
    </>
  );
};

/** Which measure the chart draws: the ranking's order on /stats, the trend on an agency's page. */
export const MeasureSelect = ({ label, value, onChange }: { label: string; value: Measure; onChange: (measure: Measure) => void }) => {
  const { t } = useTranslation('stats');
  const id = useId();
  return (
    <div className="stats-sort">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as Measure)}>
        {MEASURES.map((m) => (
          <option key={m} value={m}>
            {t(`measures.${m}`)}
          </option>
        ))}
      </select>
    </div>
  );
};
