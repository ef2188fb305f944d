import { useId } from 'react';
import { Form } from 'react-router';
import { useTranslation } from 'react-i18next';
import { periodsBetween, type PeriodKind } from '../../api/stats/period.ts';
import type { StatsPeriod } from '../../api/stats/schema.ts';
import { periodLabel } from './format.ts';

/**
 * Picks the period; submitting changes `?period=` in the URL (a plain GET form: it works before
 * the app has taken a pre-rendered page over, and the address can be shared).
 */
export const PeriodPicker = ({ period, available }: { period: StatsPeriod; available: { from: string; to: string } }) => {
  const { t } = useTranslation('stats');
  const id = useId();
  const periods = periodsBetween(available.from, available.to);
  const groups: [PeriodKind, string][] = [
    ['year', t('period.years')],
    ['quarter', t('period.quarters')],
    ['month', t('period.months')],
  ];
  return (
    <Form method="get" className="period-picker">
      <label htmlFor={id}>{t('period.label')}</label>
      <div className="period-picker__row">
        <select id={id} name="period" defaultValue={period.key} key={period.key}>
          {periods.some((p) => p.key === period.key) ? null : <option value={period.key}>{periodLabel(period, t)}</option>}
          {groups.map(([kind, label]) => (
            <optgroup key={kind} label={label}>
              {periods
                .filter((p) => p.kind === kind)
                .map((p) => (
                  <option key={p.key} value={p.key}>
                    {periodLabel(p, t)}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
        <button type="submit" className="button">
          {t('period.show')}
        </button>
      </div>
    </Form>
  );
};
