import { useEffect, useRef } from 'react';
import { isApiError } from '../../api/errors.ts';
import { Link, Navigate, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { getPayment, startPayment } from '../../api/dossiers/requests.ts';
import { usePageTitle } from '../../components/layout/use-document-title.ts';
import { ErrorPanel } from '../../components/errors/ErrorPanel.tsx';
import { Icon } from '../../components/ui/Icon.tsx';
import { QrCode } from '../../components/ui/QrCode.tsx';
import { formatMoney } from '../../lib/format.ts';
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
            <p className="hint" role="status">
              {t('pay.waiting')}
            </p>
          </section>
          <a href={current.cardUrl} className="button button--block">
            {t('pay.card')}
          </a>
          <p className="hint">{t('pay.once')}</p>
        </>
      )}
    </div>
  );
};
