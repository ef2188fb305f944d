import { useEffect, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Dossier } from '../../api/dossiers/schema.ts';
import { dossierKeys } from '../../api/dossiers/queries.ts';
import { withdrawDossier } from '../../api/dossiers/requests.ts';
import { getDocumentFile } from '../../api/me/requests.ts';
import { saveFile } from '../../components/documents/download.ts';
import { usePageTitle } from '../../components/layout/use-document-title.ts';
import { ErrorPanel } from '../../components/errors/ErrorPanel.tsx';
import { errorKind } from '../../components/errors/error-message.ts';
import { Icon } from '../../components/ui/Icon.tsx';
import { formatDate, formatMoney } from '../../lib/format.ts';
import { OverdueChip, StatusChip } from './StatusChip.tsx';
import { AssistedMark } from './AssistedMark.tsx';
import { StaleNotice } from './StaleNotice.tsx';
import { feeDue } from './payable.ts';
import { Timeline } from './Timeline.tsx';
import { CopyCode } from './CopyCode.tsx';
import { useDossier } from './use-dossier.ts';
import { lateNotice } from './format.ts';
import { DossierNotFound } from './DossierNotFound.tsx';
import { RatingOffer } from './RatingOffer.tsx';
import { ProcedureName } from '../../components/procedure/ProcedureName.tsx';

const localised = (text: { vi: string; en: string }, lng: string) => (lng === 'en' ? text.en : text.vi);

/** One dossier: where it stands, what the office asks, the result, the fee, and withdrawal. */
export const DossierPage = () => {
  const { code: raw = '' } = useParams();
  const { t } = useTranslation('dossiers');
  const { code, owner, online, query, dossier, staleAt, notFound, showError, noSnapshot, loading } = useDossier(raw);
  usePageTitle(dossier ? t('detail.title', { code: dossier.code }) : t('detail.back'));

  if (notFound) return <DossierNotFound />;
  return (
    <div className="dossier">
      <Link to="/dossiers" className="back-link">
        <Icon name="back" size={20} />
        {t('detail.back')}
      </Link>
      {dossier || showError ? null : <h1 className="visually-hidden">{t('detail.title', { code })}</h1>}
      {showError ? <ErrorPanel error={query.error} onRetry={() => void query.refetch()} headingLevel={dossier ? 'h2' : 'h1'} /> : null}
      {noSnapshot ? <p className="no-results">{t('detail.noSnapshot')}</p> : null}
      {loading ? <p className="loading">{t('loading')}</p> : null}
      {staleAt !== null ? <StaleNotice at={staleAt} online={online} onRetry={() => void query.refetch()} /> : null}
      {dossier ? <DossierView dossier={dossier} owner={owner} /> : null}
    </div>
  );
};

const DossierView = ({ dossier: d, owner }: { dossier: Dossier; owner: string }) => {
  const { t, i18n } = useTranslation('dossiers');
  const lng = i18n.language;
  const [announcement, setAnnouncement] = useState('');
  const announceRef = useRef<HTMLParagraphElement>(null);
  const announce = (message: string) => {
    setAnnouncement(message);
    // After the action its button may be gone: the message takes the focus.
    requestAnimationFrame(() => announceRef.current?.focus());
  };
  // Flagged by the backend at submission: accepted, handled as usual (docs/domain/civil-status.md).
  const late = lateNotice(d);
  return (
    <>
      <header className="dossier-header">
        <p className="dossier-header__label">{t('fields.code')}</p>
        <div className="dossier-header__code-row">
          <p className="code code--large">{d.code}</p>
          <CopyCode code={d.code} onCopied={(ok) => setAnnouncement(ok ? t('detail.copied') : t('detail.copyFailed'))} />
        </div>
        <h1 className="dossier-header__title">
          <ProcedureName procedure={{ name: d.procedureName }} />
        </h1>
        <p className="dossier-header__status">
          <span className="visually-hidden">{t('fields.status')}: </span>
          <StatusChip status={d.status} />
          {d.overdue ? <OverdueChip /> : null}
        </p>
        <AssistedMark assistedBy={d.assistedBy} detail />
        <dl className="facts">
          <div>
            <dt>{t('fields.agency')}</dt>
            <dd>
              <ProcedureName procedure={{ name: d.agencyName }} />
            </dd>
          </div>
          <div>
            <dt>{t('fields.submittedOn')}</dt>
            <dd>{formatDate(d.submittedAt, lng)}</dd>
          </div>
          {late ? (
            <div>
              <dt>{t('fields.late')}</dt>
              <dd>{t('detail.late', { days: late.days, limit: late.limitDays })}</dd>
            </div>
          ) : null}
          {/* Withdrawn, refused or handed over: there is nothing left to be due. */}
          {['withdrawn', 'rejected', 'returned'].includes(d.status) ? null : (
            <div>
              <dt>{t('fields.dueOn')}</dt>
              <dd>{d.dueOn ? formatDate(d.dueOn, lng) : t('noDueDate')}</dd>
            </div>
          )}
        </dl>
      </header>
      <p role="status" ref={announceRef} tabIndex={-1} className={announcement ? 'announcement' : 'visually-hidden'}>
        {announcement}
      </p>
      <ReturnNotice dossier={d} />
      {d.overdue ? (
        <div className="warning" role="note">
          <p>
            <strong>{t('overdue')}.</strong> {t('detail.overdueWarning')}
          </p>
        </div>
      ) : null}
      {d.supplement ? (
        <section className="supplement-box" aria-labelledby="dossier-supplement">
          <h2 id="dossier-supplement">{t('detail.supplement.title')}</h2>
          <p className="hint">{t('detail.supplement.requestedAt', { date: formatDate(d.supplement.requestedAt, lng) })}</p>
          <p>{localised(d.supplement.message, lng)}</p>
          {d.supplement.items.length > 0 ? (
            <>
              <p className="supplement-box__items-label">{t('detail.supplement.items')}</p>
              <ul>
                {d.supplement.items.map((item, i) => (
                  <li key={i}>{localised(item, lng)}</li>
                ))}
              </ul>
            </>
          ) : null}
          {d.status === 'supplement-requested' ? (
            <Link to={`/dossiers/${encodeURIComponent(d.code)}/supplement`} className="button button--primary">
              {t('detail.supplement.action')}
            </Link>
          ) : null}
        </section>
      ) : null}
      {d.result ? <ResultSection dossier={d} /> : null}
      <RatingOffer dossier={d} owner={owner} />
      <PaymentSection dossier={d} />
      <section aria-labelledby="dossier-timeline" className="card">
        <h2 id="dossier-timeline">{t('timeline.title')}</h2>
        <Timeline events={d.events} headingId="dossier-timeline" />
      </section>
      <section aria-labelledby="dossier-documents" className="card">
        <h2 id="dossier-documents">{t('detail.documents')}</h2>
        {d.documents.length === 0 ? <p>{t('detail.noDocuments')}</p> : null}
        <ul className="documents">
          {d.documents.map((doc, i) => (
            <li key={`${doc.ref}-${i}`} className="document">
              <p className="document__name">
                {doc.title}
                {doc.supplement ? <span className="tag tag--supplement">{t('detail.supplementTag')}</span> : null}
              </p>
              <p className="document__count">{doc.source === 'data-store' ? t('detail.fromDataStore') : t('detail.uploaded')}</p>
            </li>
          ))}
        </ul>
      </section>
      <div className="actions">
        <Link to={`/dossiers/${encodeURIComponent(d.code)}/receipt`} className="button button--secondary">
          {t('detail.receipt')}
        </Link>
      </div>
      {d.canWithdraw ? <WithdrawSection dossier={d} owner={owner} onDone={announce} /> : null}
    </>
  );
};

/**
 * Coming back from the payment gateway (?payment=paid|failed) or from sending more papers
 * (?supplement=sent). Shown only while it is still true: an old address (Back, a reload, signing
 * in again) never says "payment failed" about a dossier that is paid.
 */
const ReturnNotice = ({ dossier: d }: { dossier: Dossier }) => {
  const { t } = useTranslation('dossiers');
  const [params] = useSearchParams();
  const payment = params.get('payment');
  const paid = d.payment.status === 'paid';
  const outcome =
    payment === 'paid' && paid ? 'paid' : payment === 'failed' && !paid ? 'failed' : params.get('supplement') === 'sent' && d.status !== 'supplement-requested' ? 'supplement' : null;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (outcome) ref.current?.focus();
  }, [outcome]);
  if (!outcome) return null;
  return (
    <div ref={ref} tabIndex={-1} role="status" className={outcome === 'failed' ? 'payment-return payment-return--failed' : 'payment-return payment-return--paid'}>
      <p>{outcome === 'paid' ? t('detail.payment.returnPaid') : outcome === 'failed' ? t('detail.payment.returnFailed') : t('detail.supplement.sent')}</p>
    </div>
  );
};

const extension = (mime: string) => (mime === 'application/pdf' ? 'pdf' : mime === 'image/png' ? 'png' : mime === 'image/jpeg' ? 'jpg' : 'bin');

const ResultSection = ({ dossier: d }: { dossier: Dossier }) => {
  const { t, i18n } = useTranslation('dossiers');
  const [state, setState] = useState<'idle' | 'loading' | 'error'>('idle');
  const result = d.result;
  if (!result) return null;
  const download = async () => {
    setState('loading');
    try {
      const blob = await getDocumentFile(result.documentId);
      saveFile(blob, `${result.title} - ${d.code}.${extension(blob.type)}`);
      setState('idle');
    } catch {
      setState('error');
    }
  };
  return (
    <section className="apply-card result-box" aria-labelledby="dossier-result">
      <h2 id="dossier-result">{t('detail.result.title')}</h2>
      <p>{t('detail.result.issued', { title: result.title, date: formatDate(result.issuedOn, i18n.language) })}</p>
      <button type="button" className="button button--primary" onClick={() => void download()} disabled={state === 'loading'}>
        {state === 'loading' ? t('detail.result.downloading') : t('detail.result.download')}
      </button>
      {state === 'error' ? (
        <p className="field-error" role="alert">
          {t('detail.result.failed')}
        </p>
      ) : null}
      <p className="hint">
        {t('detail.result.inDataStore')} <Link to="/me">{t('detail.result.dataStoreLink')}</Link>
      </p>
    </section>
  );
};

const PaymentSection = ({ dossier: d }: { dossier: Dossier }) => {
  const { t, i18n } = useTranslation('dossiers');
  const lng = i18n.language;
  const p = d.payment;
  const amount = formatMoney(p.amount, lng);
  const payable = feeDue(d);
  return (
    <section className="card" aria-labelledby="dossier-payment">
      <h2 id="dossier-payment">{t('detail.payment.title')}</h2>
      {p.status === 'not-required' ? <p>{t('detail.payment.notRequired')}</p> : null}
      {p.status === 'paid' ? (
        <>
          <p className="success">{p.paidAt ? t('detail.payment.paid', { amount, date: formatDate(p.paidAt, lng) }) : t('detail.payment.paidNoDate', { amount })}</p>
          {p.reference ? <p className="hint">{t('detail.payment.reference', { reference: p.reference })}</p> : null}
        </>
      ) : null}
      {p.status === 'pending' || p.status === 'failed' || p.status === 'expired' ? <p>{t(`detail.payment.${p.status}`)}</p> : null}
      {payable ? (
        <Link to={`/dossiers/${encodeURIComponent(d.code)}/pay`} className="button button--primary">
          {t('detail.payment.pay', { amount })}
        </Link>
      ) : null}
    </section>
  );
};

const WithdrawSection = ({ dossier: d, owner, onDone }: { dossier: Dossier; owner: string; onDone: (message: string) => void }) => {
  const { t } = useTranslation('dossiers');
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const [state, setState] = useState<{ step: 'idle' | 'confirming' | 'withdrawing' } | { step: 'error'; error: unknown }>({ step: 'idle' });
  const openRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLHeadingElement>(null);
  const step = state.step;
  useEffect(() => {
    if (step === 'confirming') confirmRef.current?.focus();
  }, [step]);

  const withdraw = async () => {
    setState({ step: 'withdrawing' });
    try {
      const updated = await withdrawDossier(d.code);
      queryClient.setQueryData(dossierKeys.detail(owner, d.code), updated);
      void queryClient.invalidateQueries({ queryKey: dossierKeys.list(owner) });
      void queryClient.invalidateQueries({ queryKey: dossierKeys.notifications(owner) });
      onDone(t('detail.withdraw.done', { code: d.code }));
    } catch (error) {
      setState({ step: 'error', error });
    }
  };

  return (
    <section className="card withdraw" aria-labelledby="dossier-withdraw">
      <h2 id="dossier-withdraw">{t('detail.withdraw.title')}</h2>
      <p>{t('detail.withdraw.explain')}</p>
      {step === 'idle' || step === 'error' ? (
        <button
          type="button"
          ref={openRef}
          className="button button--secondary button--danger"
          onClick={() => setState({ step: 'confirming' })}
        >
          {t('detail.withdraw.button')}
        </button>
      ) : (
        <div className="confirm-box">
          <h3 ref={confirmRef} tabIndex={-1}>
            {t('detail.withdraw.confirmTitle')}
          </h3>
          <p>{t('detail.withdraw.confirmBody')}</p>
          <div className="actions">
            <button type="button" className="button button--danger" disabled={step === 'withdrawing'} onClick={() => void withdraw()}>
              {step === 'withdrawing' ? t('detail.withdraw.withdrawing') : t('detail.withdraw.confirm')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              disabled={step === 'withdrawing'}
              onClick={() => {
                setState({ step: 'idle' });
                requestAnimationFrame(() => openRef.current?.focus());
              }}
            >
              {t('detail.withdraw.cancel')}
            </button>
          </div>
        </div>
      )}
      {state.step === 'error' ? (
        <p className="field-error" role="alert">
          {t('detail.withdraw.failed')} {tc(`errors.${errorKind(state.error)}.body`)}
        </p>
      ) : null}
    </section>
  );
};
