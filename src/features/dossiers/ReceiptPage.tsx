import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Dossier } from '../../api/dossiers/schema.ts';
import { usePageTitle } from '../../components/layout/use-document-title.ts';
import { ErrorPanel } from '../../components/errors/ErrorPanel.tsx';
import { Icon } from '../../components/ui/Icon.tsx';
import { QrCode, qrSvgMarkup } from '../../components/ui/QrCode.tsx';
import { formatDate, formatMoney } from '../../lib/format.ts';
import { saveFile } from '../../components/documents/download.ts';
import { formatDateTime } from './format.ts';
import { StaleNotice } from './StaleNotice.tsx';
import { OverdueChip, StatusChip } from './StatusChip.tsx';
import { DossierNotFound } from './DossierNotFound.tsx';
import { useDossier } from './use-dossier.ts';

/** Where the receipt's QR code leads: the public tracking page, with the code filled in. */
export const trackingUrl = (code: string, origin = window.location.origin): string => `${origin}/track?code=${encodeURIComponent(code)}`;

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

interface ReceiptText {
  rows: [string, string][];
  next: string;
  due: string;
  documentsTitle: string;
  documents: string[];
}

/** The receipt's content, shared by the page and the saved file so they never disagree. */
const useReceiptText = (d: Dossier): ReceiptText => {
  const { t, i18n } = useTranslation('dossiers');
  const lng = i18n.language;
  const amount = formatMoney(d.payment.amount, lng);
  return {
    rows: [
      [t('fields.code'), d.code],
      [t('fields.procedure'), d.procedureName],
      [t('fields.agency'), d.agencyName],
      [t('fields.applicant'), d.applicantName],
      [t('fields.submittedAt'), formatDateTime(d.submittedAt, lng)],
      [t('fields.status'), `${t(`status.${d.status}`)}${d.overdue ? ` (${t('overdue')})` : ''}`],
      [t('fields.dueOn'), d.dueOn ? formatDate(d.dueOn, lng) : t('noDueDate')],
      [t('fields.fee'), t(`receipt.fee.${d.payment.status}`, { amount })],
    ],
    next: t(`receipt.nextStatus.${d.status}`),
    due: d.dueOn ? t('receipt.dueBy', { date: formatDate(d.dueOn, lng) }) : t('receipt.noDue'),
    documentsTitle: t('detail.documents'),
    documents: d.documents.map((doc) => (doc.supplement ? `${doc.title} (${t('detail.supplementTag')})` : doc.title)),
  };
};

/** A self-contained HTML receipt: readable offline, printable, no script, no external files. */
const receiptHtml = (d: Dossier, text: ReceiptText, labels: { title: string; next: string; issuedBy: string; trackAt: string; qr: string }, lang: string, url: string) => `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(labels.title)}</title>
<style>
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#000;background:#fff;max-width:40rem;margin:0 auto;padding:1rem}
h1{font-size:1.4rem;margin:0 0 .5rem}
.code{font:700 1.6rem/1.2 ui-monospace,Menlo,Consolas,monospace;letter-spacing:.02em;word-break:break-all;margin:.5rem 0 1rem}
dl{margin:0 0 1rem}
dl div{display:grid;grid-template-columns:11rem 1fr;gap:.5rem;padding:.35rem 0;border-bottom:1px solid #999}
dt{font-weight:700}
dd{margin:0}
.qr{margin:1rem 0}
</style>
</head>
<body>
<p>${escapeHtml(labels.issuedBy)}</p>
<h1>${escapeHtml(labels.title)}</h1>
<p class="code">${escapeHtml(d.code)}</p>
<div class="qr">${qrSvgMarkup(url, labels.qr, 180)}</div>
<p>${escapeHtml(labels.trackAt)}</p>
<dl>
${text.rows.map(([k, v]) => `<div><dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd></div>`).join('\n')}
</dl>
<h2>${escapeHtml(labels.next)}</h2>
<p>${escapeHtml(text.next)}</p>
<p>${escapeHtml(text.due)}</p>
<h2>${escapeHtml(text.documentsTitle)}</h2>
<ul>
${text.documents.map((doc) => `<li>${escapeHtml(doc)}</li>`).join('\n')}
</ul>
</body>
</html>
`;

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
      {dossier ? <Receipt dossier={dossier} /> : null}
    </div>
  );
};

const Receipt = ({ dossier: d }: { dossier: Dossier }) => {
  const { t, i18n } = useTranslation('dossiers');
  const text = useReceiptText(d);
  const url = trackingUrl(d.code);
  const [saved, setSaved] = useState<{ file: string; href: string } | null>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);

  const save = () => {
    const html = receiptHtml(
      d,
      text,
      {
        title: t('receipt.fileTitle', { code: d.code }),
        next: t('receipt.next'),
        issuedBy: t('receipt.issuedBy'),
        trackAt: t('receipt.trackAt', { url }),
        qr: t('receipt.qrLabel', { code: d.code }),
      },
      i18n.language,
      url,
    );
    const file = `bien-nhan-${d.code}.html`;
    const href = saveFile(new Blob([html], { type: 'text/html;charset=utf-8' }), file);
    setSaved({ file, href });
    statusRef.current?.focus();
  };

  return (
    <>
      <p className="lead">{t('receipt.lead')}</p>
      <div className="receipt__sheet">
        <p className="receipt__code-label">{t('fields.code')}</p>
        <p className="code code--large receipt__code">{d.code}</p>
        <p className="receipt__status">
          <span className="visually-hidden">{t('fields.status')}: </span>
          <StatusChip status={d.status} />
          {d.overdue ? <OverdueChip /> : null}
        </p>
        <figure className="receipt__qr">
          <QrCode value={url} label={t('receipt.qrLabel', { code: d.code })} size={192} />
          <figcaption className="hint">{t('receipt.qrHint')}</figcaption>
        </figure>
        <dl className="summary-list receipt__facts">
          {text.rows.slice(1).map(([k, v]) => (
            <div key={k} className="summary-list__row">
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
        <section aria-labelledby="receipt-next">
          <h2 id="receipt-next">{t('receipt.next')}</h2>
          <p>{text.next}</p>
          <p>
            <strong>{text.due}</strong>
          </p>
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
        <button type="button" className="button button--secondary" onClick={save}>
          {t('receipt.save')}
        </button>
        <Link to={`/track?code=${encodeURIComponent(d.code)}`} className="button button--secondary">
          {t('receipt.trackLink')}
        </Link>
      </div>
      <p role="status" ref={statusRef} tabIndex={-1} className={saved ? 'success receipt__saved' : 'visually-hidden'}>
        {saved ? (
          <a href={saved.href} download={saved.file}>
            {t('receipt.saved', { file: saved.file })}
          </a>
        ) : null}
      </p>
    </>
  );
};
