import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { QrCode } from '../ui/QrCode.tsx';
import { formatDate } from '../../lib/format.ts';
import { receiptQrUrl, trackingUrl } from './tracking.ts';

export interface SlipDossier {
  code: string;
  procedureName: string;
  /** When the backend received it (ISO); absent until it has been read back. */
  submittedAt?: string | undefined;
  receiptToken?: { token: string } | undefined;
}

const PRINTING = 'printing-slip';

/** Prints this slip alone (styles.css: everything else on the page is hidden while it prints). */
const printSlip = () => {
  document.documentElement.classList.add(PRINTING);
  try {
    window.print();
  } finally {
    document.documentElement.classList.remove(PRINTING);
  }
};

/**
 * The receipt slip a volunteer gives the resident they helped (docs/domain/assisted.md): the
 * dossier's code, procedure and date, the tracking address and its QR code (the receipt's token,
 * nothing personal) — on screen for the resident to scan, and printed on its own. No name, no
 * ID number, no phone: whoever finds the paper learns only where to follow the dossier.
 */
export const ReceiptSlip = ({ dossier, volunteer }: { dossier: SlipDossier; volunteer?: string | undefined }) => {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const qr = receiptQrUrl(dossier);
  const url = trackingUrl(dossier.code);
  // A slip left in print mode by a dialog that never returned must not hide the next page's print.
  useEffect(() => () => document.documentElement.classList.remove(PRINTING), []);
  return (
    <section className="receipt-slip" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('receiptSlip.title')}</h2>
      <p className="receipt-slip__scan">{t('receiptSlip.scan')}</p>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>{t('receiptSlip.code')}</dt>
          <dd className="code code--large">{dossier.code}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('receiptSlip.procedure')}</dt>
          <dd lang="vi">{dossier.procedureName}</dd>
        </div>
        {dossier.submittedAt ? (
          <div className="summary-list__row">
            <dt>{t('receiptSlip.date')}</dt>
            <dd>{formatDate(dossier.submittedAt, i18n.language)}</dd>
          </div>
        ) : null}
      </dl>
      <figure className="receipt-slip__qr">
        <QrCode value={qr} label={t('receiptSlip.qrLabel', { code: dossier.code })} size={192} />
        <figcaption className="hint">{t('receiptSlip.trackAt', { url })}</figcaption>
      </figure>
      {volunteer ? <p className="hint">{t('receiptSlip.helpedBy', { name: volunteer })}</p> : null}
      <p className="hint">{t('receiptSlip.sms')}</p>
      <button type="button" className="button button--secondary receipt-slip__print" onClick={printSlip}>
        {t('receiptSlip.print')}
      </button>
    </section>
  );
};
