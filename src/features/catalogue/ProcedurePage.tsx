import { Link, useParams } from 'react-router';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { procedureQueryOptions } from '../../api/procedures/queries.ts';
import type { Procedure } from '../../api/procedures/schema.ts';
import { formatDate, formatMoney } from '../../lib/format.ts';
import { usePageTitle } from '../../components/layout/use-document-title.ts';
import { Icon } from '../../components/ui/Icon.tsx';
import { LevelExplanation } from '../../components/LevelBadge.tsx';
import { AgencyStatsLine } from './AgencyStatsLine.tsx';
import { ProcedureQuestions } from './questions/ProcedureQuestions.tsx';

export const ProcedurePage = () => {
  const { id = '' } = useParams();
  const { data: procedure } = useSuspenseQuery(procedureQueryOptions(id));
  const { t } = useTranslation('catalogue');
  usePageTitle(procedure.name);
  return (
    <article className="procedure">
      <Link to="/services" className="back-link">
        <Icon name="back" size={20} />
        {t('detail.back')}
      </Link>
      <ProcedureHeader procedure={procedure} />
      <ApplyCard procedure={procedure} />
      <section aria-labelledby="steps">
        <h2 id="steps">{t('detail.steps')}</h2>
        <ol className="steps">
          {procedure.steps.map((step, i) => (
            <li key={i}>{step}</li>
          ))}
        </ol>
      </section>
      <DocumentsSection procedure={procedure} />
      <FeesSection procedure={procedure} />
      <section aria-labelledby="result">
        <h2 id="result">{t('detail.result')}</h2>
        <p>{procedure.result}</p>
      </section>
      {procedure.conditions ? (
        <section aria-labelledby="conditions">
          <h2 id="conditions">{t('detail.conditions')}</h2>
          <p>{procedure.conditions}</p>
        </section>
      ) : null}
      <section aria-labelledby="legal">
        <h2 id="legal">{t('detail.legalBasis')}</h2>
        <ul className="legal-list">
          {procedure.legalBasis.map((law) => (
            <li key={law.number}>
              <strong>{law.number}</strong> — {law.title}
            </li>
          ))}
        </ul>
      </section>
      <FaqSection procedure={procedure} />
      <ProcedureQuestions procedureId={procedure.id} />
      {/* Last on the page: it arrives after the first paint, so nothing shifts under the reader. */}
      <AgencyStatsLine agency={procedure.agency} />
    </article>
  );
};

const ProcedureHeader = ({ procedure }: { procedure: Procedure }) => {
  const { t, i18n } = useTranslation('catalogue');
  const english = i18n.resolvedLanguage !== 'vi';
  return (
    <header className="procedure__header">
      <h1>{procedure.name}</h1>
      {english ? (
        <p className="procedure__translation" lang="en">
          {procedure.nameEn}
        </p>
      ) : null}
      <p className="procedure__summary">{procedure.summary}</p>
      <LevelExplanation level={procedure.level} />
      <dl className="facts facts--wide">
        <div>
          <dt>{t('facts.code')}</dt>
          <dd>{procedure.code ?? t('facts.codeUnknown')}</dd>
        </div>
        <div>
          <dt>{t('facts.field')}</dt>
          <dd>{english ? procedure.field.nameEn : procedure.field.name}</dd>
        </div>
        <div>
          <dt>{t('facts.agency')}</dt>
          <dd>{english ? procedure.agency.nameEn : procedure.agency.name}</dd>
        </div>
        <div>
          <dt>{t('facts.tier')}</dt>
          <dd>{procedure.tiers.map((tier) => t(`tier.${tier}`)).join(', ')}</dd>
        </div>
        <div>
          <dt>{t('facts.time')}</dt>
          <dd>{procedure.processingTime.text}</dd>
        </div>
        <div>
          <dt>{t('facts.updated')}</dt>
          <dd>{formatDate(procedure.updatedAt, i18n.language)}</dd>
        </div>
      </dl>
    </header>
  );
};

const ApplyCard = ({ procedure }: { procedure: Procedure }) => {
  const { t } = useTranslation('catalogue');
  return (
    <section className="apply-card" aria-labelledby="apply">
      <h2 id="apply">{t('apply.title')}</h2>
      <p>{t(procedure.level === 'full' ? 'apply.full' : 'apply.partial')}</p>
      <Link to={`/services/${procedure.id}/apply`} className="button button--primary button--block">
        {t('apply.cta')}
      </Link>
    </section>
  );
};

const DocumentsSection = ({ procedure }: { procedure: Procedure }) => {
  const { t } = useTranslation('catalogue');
  return (
    <section aria-labelledby="documents">
      <h2 id="documents">{t('detail.documents')}</h2>
      {procedure.documents.length === 0 ? (
        <p>{t('detail.noDocuments')}</p>
      ) : (
        <ul className="documents">
          {procedure.documents.map((doc, i) => (
            <li key={i} className="document">
              <p className="document__name">
                {doc.name}
                {doc.optional ? <span className="tag">{t('detail.optional')}</span> : null}
              </p>
              {doc.template ? <p className="document__template">{t('detail.template', { template: doc.template })}</p> : null}
              <p className="document__count">
                {[doc.originals > 0 ? t('detail.originals', { count: doc.originals }) : null, doc.copies > 0 ? t('detail.copies', { count: doc.copies }) : null]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              {doc.note ? <p className="document__note">{doc.note}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
};

const FeesSection = ({ procedure }: { procedure: Procedure }) => {
  const { t, i18n } = useTranslation('catalogue');
  return (
    <section aria-labelledby="fees">
      <h2 id="fees">{t('detail.fees')}</h2>
      {procedure.fees.length === 0 ? <p>{t('fee.free')}</p> : null}
      <ul className="fees">
        {procedure.fees.map((fee, i) => (
          <li key={i}>
            <span>{fee.description}</span>{' '}
            <strong>{fee.amount === null ? t('fee.varies') : fee.amount === 0 ? t('fee.free') : formatMoney(fee.amount, i18n.language)}</strong>
          </li>
        ))}
      </ul>
      {procedure.feeNote ? <p className="hint">{procedure.feeNote}</p> : null}
    </section>
  );
};

const FaqSection = ({ procedure }: { procedure: Procedure }) => {
  const { t } = useTranslation('catalogue');
  if (procedure.faq.length === 0) return null;
  return (
    <section aria-labelledby="faq">
      <h2 id="faq">{t('detail.faq')}</h2>
      {procedure.faq.map((item, i) => (
        <details key={i} className="faq">
          <summary>{item.question}</summary>
          <p>{item.answer}</p>
        </details>
      ))}
    </section>
  );
};
