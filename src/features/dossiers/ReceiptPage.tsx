import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Dossier } from '../../api/dossiers/schema.ts';
import { usePageTitle } from '../../components/layout/use-document-title.ts';
import { ErrorPanel } from '../../components/errors/ErrorPanel.tsx';
import { Icon } from '../../components/ui/Icon.tsx';
import { QrCode } from '../../components/ui/QrCode.tsx';
import { receiptQrUrl, trackingUrl } from '../../components/receipt/tracking.ts';
import { ReceiptSlip } from '../../components/receipt/ReceiptSlip.tsx';
import { useActingSession } from '../../auth/session.ts';
import { formatDate, formatMoney } from '../../lib/format.ts';
import { saveFile } from '../../components/documents/download.ts';
import { formatDateTime, lateNotice } from './format.ts';
import { StaleNotice } from './StaleNotice.tsx';
import { FeeDueChip, OverdueChip, StatusChip } from './StatusChip.tsx';
import { feeDue, isOpenStatus } from './payable.ts';
import { receiptPdf } from './receipt-file.ts';
import { DossierNotFound } from './DossierNotFound.tsx';
import { useDossier } from './use-dossier.ts';
import { isRatable } from '../../api/ratings/schema.ts';
import { renewReceiptToken } from '../../api/dossiers/requests.ts';
import { deviceMode } from '../../auth/device.ts';
import { useMutation } from '@tanstack/react-query';
import { viLang } from '../../components/procedure/use-localized-procedure.ts';

interface ReceiptText {
  rows: [string, string][];
  next: string;
  /** "The result is due by …" while the office still works on it; nothing once it has finished. */
  due: string | null;
  documentsTitle: string;
  documents: string[];
}

/** The receipt's content, shared by the page and the saved file so they never disagree. */
const useReceiptText = (d: Dossier): ReceiptText => {
  const { t, i18n } = useTranslation('dossiers');
  const lng = i18n.language;
  const amount = formatMoney(d.payment.amount, lng);
  const open = isOpenStatus(d.status);
  const late = lateNotice(d);
  return {
    rows: [
      [t('fields.code'), d.code],
      [t('fields.procedure'), d.procedureName],
      [t('fields.agency'), d.agencyName],
      [t('fields.applicant'), d.applicantName],
      [t('fields.submittedAt'), formatDateTime(d.submittedAt, lng)],
      [t('fields.status'), `${t(`status.${d.status}`)}${d.overdue ? ` (${t('overdue')})` : ''}`],
      ...(open ? [[t('fields.dueOn'), d.dueOn ? formatDate(d.dueOn, lng) : t('noDueDate')] as [string, string]] : []),
      [t('fields.fee'), t(`receipt.fee.${d.payment.status}`, { amount })],
      ...(late ? [[t('fields.late'), t('detail.late', { days: late.days, limit: late.limitDays })] as [string, string]] : []),
    ],
    next: t(`receipt.nextStatus.${d.status}`),
    due: open ? (d.dueOn ? t('receipt.dueBy', { date: formatDate(d.dueOn, lng) }) : t('receipt.noDue')) : null,
    documentsTitle: t('detail.documents'),
    documents: d.documents.map((doc) => (doc.supplement ? `${doc.title} (${t('detail.supplementTag')})` : doc.title)),
  };
};

/**
 * A receipt lost or shown to someone: a new QR code, and the old one stops working. Only the
 * owner can (the backend checks); not on a hall kiosk, whose visit ends with the printed paper.
 */
const RenewQr = ({ code, onRenewed }: { code: string; onRenewed: () => void }) => {
  const { t } = useTranslation('dossiers');
  const renew = useMutation({ mutationFn: () => renewReceiptToken(code), onSuccess: onRenewed });
  if (deviceMode() === 'kiosk') return null;
  return (
    <div className="receipt__renew kiosk-print-hide">
      <button type="button" className="button button--secondary" disabled={renew.isPending} onClick={() => renew.mutate()}>
        {t('receipt.renewQr')}
      </button>
      <p role="status" className={renew.isError ? 'error-message' : 'hint'}>
        {renew.isSuccess ? t('receipt.renewedQr') : renew.isError ? t('receipt.renewFailed') : t('receipt.renewHint')}
      </p>
    </div>
  );
};

/** The receipt (biên nhận): what was filed, when, where, and how to follow it. */
export const ReceiptPage = () => {
  const { code: raw = '' } = useParams();
  const { t } = useTranslation('dossiers');
  const { code, online, query, dossier, staleAt, notFound, showError, noSnapshot, loading } = useDossier(raw);
  usePageTitle(t('receipt.title'));
  if (notFound) return <DossierNotFound />;
  return (
    <div className="receipt">
      <Link to={`/dossiers/${encodeURIComponent(code)}`} className="back-link">
        <Icon name="back" size={20} />
        {t('receipt.back')}
      </Link>
      {showError && !dossier ? <ErrorPanel error={query.error} onRetry={() => void query.refetch()} /> : <h1>{t('receipt.title')}</h1>}
      {showError && dossier ? <ErrorPanel error={query.error} onRetry={() => void query.refetch()} headingLevel="h2" /> : null}
      {noSnapshot ? <p className="no-results">{t('detail.noSnapshot')}</p> : null}
      {loading ? <p className="loading">{t('loading')}</p> : null}
      {staleAt !== null ? <StaleNotice at={staleAt} online={online} onRetry={() => void query.refetch()} /> : null}
      {dossier ? <Receipt dossier={dossier} onRenewed={() => void query.refetch()} /> : null}
    </div>
  );
};

const Receipt = ({ dossier: d, onRenewed }: { dossier: Dossier; onRenewed: () => void }) => {
  const { t, i18n } = useTranslation('dossiers');
  const text = useReceiptText(d);
  const url = trackingUrl(d.code);
  const qrUrl = receiptQrUrl(d);
  const [saved, setSaved] = useState<{ file: string; href: string } | 'failed' | null>(null);
  const [busy, setBusy] = useState(false);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const fileName = `bien-nhan-${d.code.replace(/[^\w.-]+/g, '_')}.pdf`;
  const acting = useActingSession();

  const pdf = () =>
    receiptPdf({
      issuedBy: t('receipt.issuedBy'),
      title: t('receipt.fileTitle', { code: d.code }),
      code: d.code,
      qrValue: qrUrl,
      trackAt: t('receipt.trackAt', { url }),
      rows: text.rows.slice(1),
      sections: [
        { heading: t('receipt.next'), lines: [text.next, ...(text.due ? [text.due] : [])] },
        { heading: text.documentsTitle, lines: text.documents.length > 0 ? text.documents.map((doc) => `• ${doc}`) : [t('detail.noDocuments')] },
      ],
    });

  const save = async () => {
    setBusy(true);
    try {
      const href = saveFile(await pdf(), fileName);
      setSaved({ file: fileName, href });
    } catch {
      setSaved('failed');
    } finally {
      setBusy(false);
      statusRef.current?.focus();
    }
  };

  // The phone's own share sheet (Zalo, e-mail, the gallery…) where the browser can share files.
  const canShare = typeof navigator.canShare === 'function' && navigator.canShare({ files: [new File([''], fileName, { type: 'application/pdf' })] });
  const share = async () => {
    setBusy(true);
    try {
      const file = new File([await pdf()], fileName, { type: 'application/pdf' });
      await navigator.share({ files: [file], title: t('receipt.fileTitle', { code: d.code }) });
    } catch (error) {
      // Closing the share sheet is not a failure.
      if (!(error instanceof DOMException && error.name === 'AbortError')) {
        setSaved('failed');
        statusRef.current?.focus();
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {/* A volunteer helping this resident: the slip to scan or print for them. */}
      {acting ? <ReceiptSlip dossier={d} volunteer={d.assistedBy?.volunteer.name} /> : null}
      <p className="lead">{t('receipt.lead')}</p>
      <div className="receipt__sheet">
        <p className="receipt__code-label">{t('fields.code')}</p>
        <p className="code code--large receipt__code">{d.code}</p>
        <p className="receipt__status">
          <span className="visually-hidden">{t('fields.status')}: </span>
          <StatusChip status={d.status} />
          {d.overdue ? <OverdueChip /> : null}
          {feeDue(d) ? <FeeDueChip /> : null}
        </p>
        {feeDue(d) ? (
          <p>
            <Link to={`/dossiers/${encodeURIComponent(d.code)}/pay`} className="button button--primary">
              {t('detail.payment.pay', { amount: formatMoney(d.payment.amount, i18n.language) })}
            </Link>
          </p>
        ) : null}
        <figure className="receipt__qr">
          <QrCode value={qrUrl} label={t('receipt.qrLabel', { code: d.code })} size={192} />
          <figcaption className="hint">{t('receipt.qrHint')}</figcaption>
        </figure>
        {/* Only the resident themself replaces their QR code, never someone acting for them. */}
        {d.receiptToken && !acting ? <RenewQr code={d.code} onRenewed={onRenewed} /> : null}
        <dl className="summary-list receipt__facts">
          {text.rows.slice(1).map(([k, v]) => (
            <div key={k} className="summary-list__row">
              <dt>{k}</dt>
              {/* The procedure's and the office's official names: Vietnamese, on a receipt in any language. */}
              <dd lang={v === d.procedureName || v === d.agencyName ? viLang(i18n.resolvedLanguage) : undefined}>{v}</dd>
            </div>
          ))}
        </dl>
        <section aria-labelledby="receipt-next">
          <h2 id="receipt-next">{t('receipt.next')}</h2>
          <p>{text.next}</p>
          {isRatable(d.status) ? (
            <p className="receipt__rate">
              <Link to={`/dossiers/${encodeURIComponent(d.code)}/rate`}>{t('rating.action')}</Link>
            </p>
          ) : null}
          {text.due ? (
            <p>
              <strong>{text.due}</strong>
            </p>
          ) : null}
        </section>
        <section aria-labelledby="receipt-documents">
          <h2 id="receipt-documents">{text.documentsTitle}</h2>
          {text.documents.length === 0 ? <p>{t('detail.noDocuments')}</p> : null}
          <ul>
            {text.documents.map((doc, i) => (
              <li key={i}>{doc}</li>
            ))}
          </ul>
        </section>
        <p className="receipt__track-url">{t('receipt.trackAt', { url })}</p>
      </div>
      <div className="actions receipt__actions">
        <button type="button" className="button" onClick={() => window.print()}>
          {t('receipt.print')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => void save()} disabled={busy}>
          {t('receipt.save')}
        </button>
        {canShare ? (
          <button type="button" className="button button--secondary" onClick={() => void share()} disabled={busy}>
            {t('receipt.share')}
          </button>
        ) : null}
        <Link to={`/track?code=${encodeURIComponent(d.code)}`} className="button button--secondary">
          {t('receipt.trackLink')}
        </Link>
      </div>
      <p role="status" ref={statusRef} tabIndex={-1} className={saved === 'failed' ? 'error-message' : saved ? 'success receipt__saved' : 'visually-hidden'}>
        {saved === 'failed' ? (
          t('receipt.saveFailed')
        ) : saved ? (
          <a href={saved.href} download={saved.file}>
            {t('receipt.saved', { file: saved.file })}
          </a>
        ) : null}
      </p>
    </>
  );
};
