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
import { langOf, useLocalizedProcedure, type ProcedureText } from '../../components/procedure/use-localized-procedure.ts';
import { ViOnly } from '../../components/procedure/ViOnly.tsx';

export const ProcedurePage = () => {
  const { id = '' } = useParams();
  const { data: procedure } = useSuspenseQuery(procedureQueryOptions(id));
  const { t } = useTranslation('catalogue');
  const text = useLocalizedProcedure(procedure);
  usePageTitle(procedure.name);
  const legalLang = text.lng === 'vi' ? undefined : 'vi';
  return (
    <article className="procedure">
      <Link to="/services" className="back-link">
        <Icon name="back" size={20} />
        {t('detail.back')}
      </Link>
      <ProcedureHeader procedure={procedure} text={text} />
      <ApplyCard procedure={procedure} />
      <section aria-labelledby="steps">
        <h2 id="steps">{t('detail.steps')}</h2>
        <ViOnly part={text.steps} text={text} />
        <ol className="steps" lang={langOf(text.steps, text)}>
          {text.steps.value.map((step, i) => (
            <li key={i}>{step}</li>
          ))}
        </ol>
      </section>
      <DocumentsSection text={text} />
      <FeesSection text={text} />
      <section aria-labelledby="result">
        <h2 id="result">{t('detail.result')}</h2>
        <ViOnly part={text.result} text={text} />
        <p lang={langOf(text.result, text)}>{text.result.value}</p>
      </section>
      {text.conditions ? (
        <section aria-labelledby="conditions">
          <h2 id="conditions">{t('detail.conditions')}</h2>
          <ViOnly part={text.conditions} text={text} />
          <p lang={langOf(text.conditions, text)}>{text.conditions.value}</p>
        </section>
      ) : null}
      <section aria-labelledby="legal">
        <h2 id="legal">{t('detail.legalBasis')}</h2>
        {/* The laws' official titles: never translated by the backend. */}
        {legalLang ? <ViOnly part={{ value: null, lang: 'vi', fallback: true }} text={text} /> : null}
        <ul className="legal-list" lang={legalLang}>
          {procedure.legalBasis.map((law) => (
            <li key={law.number}>
              <strong>{law.number}</strong> — {law.title}
            </li>
          ))}
        </ul>
      </section>
      <FaqSection text={text} />
      <ProcedureQuestions procedureId={procedure.id} />
      {/* Last on the page: it arrives after the first paint, so nothing shifts under the reader. */}
      <AgencyStatsLine agency={procedure.agency} />
    </article>
  );
};

/** One line under the title: how much of the page is in the reader's language. */
const TranslationStatus = ({ text }: { text: ProcedureText }) => {
  const { t } = useTranslation('catalogue');
  if (text.translation === 'failed')
    return (
      <p className="notice" role="note">
        {t('detail.translationFailed')}
      </p>
    );
  if (text.translation !== 'loaded') return null;
  if (text.coverage === 'all') return <p className="hint">{t('detail.translated')}</p>;
  return (
    <p className="notice" role="note">
      {t(text.coverage === 'none' ? 'detail.viOnlyAll' : 'detail.viOnlySome')}
    </p>
  );
};

const ProcedureHeader = ({ procedure, text }: { procedure: Procedure; text: ProcedureText }) => {
  const { t, i18n } = useTranslation('catalogue');
  const english = text.lng !== 'vi';
  return (
    <header className="procedure__header">
      {/* The official name, as the office writes it; the English beside it. */}
      <h1 lang={english ? 'vi' : undefined}>{procedure.name}</h1>
      {english ? (
        <p className="procedure__translation" lang="en">
          {procedure.nameEn}
        </p>
      ) : null}
      <TranslationStatus text={text} />
      <ViOnly part={text.summary} text={text} />
      <p className="procedure__summary" lang={langOf(text.summary, text)}>
        {text.summary.value}
      </p>
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
          <dd>
            <span lang={langOf(text.processingTime, text)}>{text.processingTime.value}</span>
            <ViOnly part={text.processingTime} text={text} />
          </dd>
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

const DocumentsSection = ({ text }: { text: ProcedureText }) => {
  const { t } = useTranslation('catalogue');
  const { documents } = text;
  const lang = langOf(documents, text);
  return (
    <section aria-labelledby="documents">
      <h2 id="documents">{t('detail.documents')}</h2>
      {documents.value.length === 0 ? (
        <p>{t('detail.noDocuments')}</p>
      ) : (
        <>
          <ViOnly part={documents} text={text} />
          <ul className="documents">
            {documents.value.map((doc) => (
              <li key={doc.id} className="document">
                <p className="document__name">
                  <span lang={lang}>{doc.name}</span>
                  {doc.optional ? <span className="tag">{t('detail.optional')}</span> : null}
                </p>
                {doc.template ? (
                  <p className="document__template">
                    {t('detail.templateLabel')} <span lang={lang}>{doc.template}</span>
                  </p>
                ) : null}
                <p className="document__count">
                  {[doc.originals > 0 ? t('detail.originals', { count: doc.originals }) : null, doc.copies > 0 ? t('detail.copies', { count: doc.copies }) : null]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
                {doc.note ? (
                  <p className="document__note" lang={lang}>
                    {doc.note}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
};

const FeesSection = ({ text }: { text: ProcedureText }) => {
  const { t, i18n } = useTranslation('catalogue');
  const { fees, feeNote } = text;
  return (
    <section aria-labelledby="fees">
      <h2 id="fees">{t('detail.fees')}</h2>
      {fees.value.length === 0 ? <p>{t('fee.free')}</p> : <ViOnly part={fees} text={text} />}
      <ul className="fees">
        {fees.value.map((fee, i) => (
          <li key={i}>
            <span lang={langOf(fees, text)}>{fee.description}</span>{' '}
            <strong>{fee.amount === null ? t('fee.varies') : fee.amount === 0 ? t('fee.free') : formatMoney(fee.amount, i18n.language)}</strong>
          </li>
        ))}
      </ul>
      {feeNote ? (
        <>
          {/* Said once for the section when the fees themselves are in Vietnamese too. */}
          {fees.fallback && fees.value.length > 0 ? null : <ViOnly part={feeNote} text={text} />}
          <p className="hint" lang={langOf(feeNote, text)}>
            {feeNote.value}
          </p>
        </>
      ) : null}
    </section>
  );
};

const FaqSection = ({ text }: { text: ProcedureText }) => {
  const { t } = useTranslation('catalogue');
  const { faq } = text;
  if (faq.value.length === 0) return null;
  return (
    <section aria-labelledby="faq">
      <h2 id="faq">{t('detail.faq')}</h2>
      <ViOnly part={faq} text={text} />
      {faq.value.map((item, i) => (
        <details key={i} className="faq" lang={langOf(faq, text)}>
          <summary>{item.question}</summary>
          <p>{item.answer}</p>
        </details>
      ))}
    </section>
  );
};
