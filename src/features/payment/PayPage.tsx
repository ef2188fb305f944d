import { useEffect, useRef, useState } from 'react';
import { isApiError } from '../../api/errors.ts';
import { Link, Navigate, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { getPayment, startPayment } from '../../api/dossiers/requests.ts';
import { usePageTitle } from '../../components/layout/use-document-title.ts';
import { ErrorPanel } from '../../components/errors/ErrorPanel.tsx';
import { Icon } from '../../components/ui/Icon.tsx';
import { QrCode, qrGeometry } from '../../components/ui/QrCode.tsx';
import { saveFile } from '../../components/documents/download.ts';
import type { Payment } from '../../api/dossiers/schema.ts';
import { formatMoney, intlLocale } from '../../lib/format.ts';
import { useOnline } from '../../lib/use-online.ts';

const POLL_MS = 3000;

/**
 * Paying the fee through the (simulated) payment gateway: a VietQR code for any bank app, or
 * the gateway's card page. Payment needs a connection; the dossier is safe either way, and the
 * gateway never charges a dossier twice.
 */
export const PayPage = () => {
  const { code = '' } = useParams();
  const { t, i18n } = useTranslation('documents');
  const online = useOnline();
  const queryClient = useQueryClient();
  usePageTitle(t('pay.title'));
  // One key per visit: reloading or double-tapping returns the same pending payment.
  const key = useRef(crypto.randomUUID());
  // Safe to repeat (the key): a connection that drops or has not quite come back is retried.
  const start = useMutation({
    mutationFn: () => startPayment(code, key.current),
    retry: (count, error) => count < 3 && isApiError(error) && ['network', 'offline', 'timeout'].includes(error.kind),
    retryDelay: 1500,
  });
  const { mutate, status } = start;
  useEffect(() => {
    if (online && status === 'idle') mutate();
  }, [online, status, mutate]);
  // The connection dropped while asking the gateway: ask again when it is back, by itself.
  const wasOnline = useRef(online);
  const { isError, reset } = start;
  useEffect(() => {
    if (online && !wasOnline.current && isError) reset();
    wasOnline.current = online;
  }, [online, isError, reset]);
  const payment = useQuery({
    queryKey: ['payment', start.data?.id],
    queryFn: ({ signal }) => getPayment(start.data?.id ?? '', signal),
    enabled: Boolean(start.data) && online,
    refetchInterval: (query) => (query.state.data?.status === 'pending' ? POLL_MS : false),
    initialData: start.data,
  });
  const current = payment.data ?? start.data;
  // Paid: the dossier page must not show the fee as still owed from its cache.
  const paid = current?.status === 'paid';
  useEffect(() => {
    if (paid) void queryClient.invalidateQueries({ queryKey: ['dossiers'] });
  }, [paid, queryClient]);
  const back = `/dossiers/${encodeURIComponent(code)}`;

  // Paid already (the Back button, an old link): nothing to pay, the dossier says so.
  if (start.isError && isApiError(start.error) && start.error.code === 'already-paid') return <Navigate to={back} replace />;
  if (current?.status === 'paid') return <Navigate to={`${back}?payment=paid`} replace />;

  return (
    <div className="apply">
      <Link to={back} className="back-link">
        <Icon name="back" size={20} />
        {t('pay.back')}
      </Link>
      <h1>{t('pay.title')}</h1>
      <p className="apply__procedure dossier-code">{code}</p>
      {!online ? (
        <p className="notice" role="status">
          {t('pay.offline')}
        </p>
      ) : null}
      {start.isError ? (
        <ErrorPanel error={start.error} onRetry={() => start.reset()} headingLevel="h2" />
      ) : !current ? (
        online ? (
          <p className="loading">{t('loading')}</p>
        ) : null
      ) : current.status === 'expired' || current.status === 'failed' ? (
        <div className="error-summary" role="alert">
          <h2>{t(current.status === 'expired' ? 'pay.expired' : 'pay.failed')}</h2>
          <button
            type="button"
            className="button"
            onClick={() => {
              key.current = crypto.randomUUID();
              start.reset();
            }}
          >
            {t('pay.again')}
          </button>
        </div>
      ) : (
        <>
          <p className="pay__amount">{t('pay.amount', { amount: formatMoney(current.amount, i18n.language) })}</p>
          <section className="apply-card" aria-labelledby="qr-title">
            <h2 id="qr-title">{t('pay.qrTitle')}</h2>
            <p>{t('pay.qrHelp')}</p>
            <QrCode value={current.qrPayload} label={t('pay.qrLabel', { amount: formatMoney(current.amount, i18n.language) })} />
            <ExpiresIn at={current.expiresAt} />
            <p className="hint" role="status">
              {t('pay.waiting')}
            </p>
          </section>
          <TransferDetails payment={current} />
          <a href={current.cardUrl} className="button button--block">
            {t('pay.card')}
          </a>
          <p className="hint">{t('pay.once')}</p>
        </>
      )}
    </div>
  );
};

/** "Valid for 12 more minutes (until 10:42)", kept current: a code that runs out says so above. */
const ExpiresIn = ({ at }: { at: string }) => {
  const { t, i18n } = useTranslation('documents');
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, []);
  const end = new Date(at);
  const minutes = Math.max(0, Math.ceil((end.getTime() - now) / 60_000));
  const time = new Intl.DateTimeFormat(intlLocale(i18n.language), { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Ho_Chi_Minh' }).format(end);
  return <p className="hint">{t('pay.expiresIn', { count: minutes, time })}</p>;
};

/** The QR code as a PNG a bank app can open from the gallery (the phone showing it cannot scan it). */
const qrPng = async (value: string): Promise<Blob> => {
  const { size, path } = qrGeometry(value);
  const scale = 12;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size * scale;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('No 2D canvas');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.scale(scale, scale);
  ctx.fillStyle = '#000';
  ctx.fill(new Path2D(path));
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('No PNG'))), 'image/png'));
};

/** Bank, account, amount and note with copy buttons, and the QR code saved as an image. */
const TransferDetails = ({ payment }: { payment: Payment }) => {
  const { t, i18n } = useTranslation('documents');
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const rows: { label: string; value: string; copy?: string }[] = [
    { label: t('pay.bank'), value: payment.transfer.bankName },
    { label: t('pay.account'), value: payment.transfer.account, copy: payment.transfer.account },
    { label: t('pay.accountName'), value: payment.transfer.accountName },
    { label: t('pay.amountLabel'), value: formatMoney(payment.amount, i18n.language), copy: String(payment.amount) },
    { label: t('pay.note'), value: payment.transfer.note, copy: payment.transfer.note },
  ];
  const copy = async (label: string, value: string) => {
    try {
      if (!navigator.clipboard) throw new Error('No clipboard');
      await navigator.clipboard.writeText(value);
      setMessage({ text: t('pay.copied', { what: label }), ok: true });
    } catch {
      setMessage({ text: t('pay.copyFailed'), ok: false });
    }
  };
  const saveQr = async () => {
    const file = `vietqr-${payment.dossierCode.replace(/[^\w.-]+/g, '_')}.png`;
    try {
      saveFile(await qrPng(payment.qrPayload), file);
      setMessage({ text: t('pay.qrSaved', { file }), ok: true });
    } catch {
      setMessage({ text: t('pay.qrSaveFailed'), ok: false });
    }
  };
  return (
    <section className="apply-card transfer" aria-labelledby="transfer-title">
      <h2 id="transfer-title">{t('pay.transferTitle')}</h2>
      <p>{t('pay.transferHelp')}</p>
      <dl className="summary-list">
        {rows.map((row) => (
          <div key={row.label} className="summary-list__row">
            <dt>{row.label}</dt>
            <dd>
              <span className="transfer__value">{row.value}</span>
              {row.copy !== undefined ? (
                <button type="button" className="button button--secondary button--small" onClick={() => void copy(row.label, row.copy ?? '')}>
                  {t('pay.copy')}
                  <span className="visually-hidden">{` ${row.label}`}</span>
                </button>
              ) : null}
            </dd>
          </div>
        ))}
      </dl>
      <button type="button" className="button button--secondary" onClick={() => void saveQr()}>
        {t('pay.saveQr')}
      </button>
      <p role="status" className={message ? (message.ok ? 'success' : 'error-message') : 'visually-hidden'}>
        {message?.text}
      </p>
    </section>
  );
};
