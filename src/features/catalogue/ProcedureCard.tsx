import { memo } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ProcedureSummary } from '../../api/procedures/schema.ts';
import { formatMoney } from '../../lib/format.ts';
import { LevelBadge } from '../../components/LevelBadge.tsx';

/** Memoised: a keystroke re-renders the list, and most cards in it have not changed. */
export const ProcedureCard = memo(function ProcedureCard({ procedure }: { procedure: ProcedureSummary }) {
  const { t, i18n } = useTranslation('catalogue');
  const english = i18n.resolvedLanguage !== 'vi';
  const fee =
    procedure.feeFrom === null ? t('fee.varies') : procedure.feeFrom === 0 ? t('fee.free') : t('fee.from', { amount: formatMoney(procedure.feeFrom, i18n.language) });
  return (
    <li className="card procedure-card">
      <h2 className="procedure-card__title" lang={english ? 'vi' : undefined}>
        <Link to={`/services/${procedure.id}`}>{procedure.name}</Link>
      </h2>
      {english ? (
        <p className="procedure-card__translation" lang="en">
          {procedure.nameEn}
        </p>
      ) : null}
      <div className="procedure-card__meta">
        <LevelBadge level={procedure.level} />
        <span>{english ? procedure.field.nameEn : procedure.field.name}</span>
      </div>
      <dl className="facts">
        <div>
          <dt>{t('facts.agency')}</dt>
          <dd>{english ? procedure.agency.nameEn : procedure.agency.name}</dd>
        </div>
        <div>
          <dt>{t('facts.time')}</dt>
          {/* The short form in the list; the detail page has the legal wording. */}
          <dd>
            {procedure.processingTime.workingDays === null
              ? t('facts.timeVaries')
              : t('facts.workingDays', { count: procedure.processingTime.workingDays })}
          </dd>
        </div>
        <div>
          <dt>{t('facts.fee')}</dt>
          <dd>{fee}</dd>
        </div>
        {procedure.code ? (
          <div>
            <dt>{t('facts.code')}</dt>
            <dd>{procedure.code}</dd>
          </div>
        ) : null}
      </dl>
    </li>
  );
});
