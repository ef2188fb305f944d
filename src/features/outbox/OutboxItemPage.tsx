import { useEffect } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session.ts';
import { usePageTitle } from '../../components/layout/use-document-title.ts';
import { getOutboxItem } from '../../offline/personal-db.ts';
import { retry, subscribeOutbox } from '../../offline/outbox.ts';
import { useOnline } from '../../lib/use-online.ts';

/** What happened to a submission: waiting for a connection, sending, refused, or sent. */
export const OutboxItemPage = () => {
  const { id = '' } = useParams();
  const { t } = useTranslation('documents');
  const online = useOnline();
  const session = useSession();
  const queryClient = useQueryClient();
  usePageTitle(t('outbox.title'));
  const item = useQuery({ queryKey: ['outbox-item', id], queryFn: async () => (await getOutboxItem(id)) ?? null, networkMode: 'always', gcTime: 0 });
  useEffect(() => subscribeOutbox(() => void queryClient.invalidateQueries({ queryKey: ['outbox-item', id] })), [queryClient, id]);

  if (item.isPending) return <p className="loading">{t('loading')}</p>;
  const data = item.data;
  if (!data || data.owner !== session?.sub) return <Navigate to="/dossiers" replace />;
  if (data.state === 'sent' && data.dossierCode) {
    const dossier = `/dossiers/${encodeURIComponent(data.dossierCode)}`;
    return <Navigate to={data.type === 'supplement' ? dossier : `${dossier}/receipt`} replace />;
  }

  return (
    <div className="apply">
      <h1>{t('outbox.title')}</h1>
      <p className="apply__procedure">{data.procedureName}</p>
      <div role="status" aria-live="polite" className="apply-card">
        {data.state === 'failed' ? (
          <>
            <h2>{t('outbox.failedTitle')}</h2>
            <p>{t(`outbox.errors.${data.lastError?.code === 'procedure-not-accepting' ? 'closed' : (data.lastError?.kind ?? 'unknown')}`, { defaultValue: t('outbox.errors.unknown') })}</p>
          </>
        ) : data.state === 'sending' ? (
          <>
            <h2>{t('outbox.sendingTitle')}</h2>
            <progress max={1} value={data.progress} aria-label={t('outbox.progress')} />
          </>
        ) : (
          <>
            <h2>{t('outbox.waitingTitle')}</h2>
            <p>{online ? t('outbox.waitingOnline') : t('outbox.waitingOffline')}</p>
            {data.lastError?.kind === 'unauthorized' ? <p>{t('outbox.signInAgain')}</p> : null}
          </>
        )}
        <p className="hint">{t('outbox.safe')}</p>
      </div>
      {data.state !== 'sending' ? (
        <button
          type="button"
          className="button button--primary button--block"
          disabled={!online}
          onClick={() => void retry(data.id).then(() => window.dispatchEvent(new Event('mcs:drain-outbox')))}
        >
          {t('outbox.retry')}
        </button>
      ) : null}
      <Link to="/dossiers" className="button button--secondary button--block">
        {t('outbox.toDossiers')}
      </Link>
    </div>
  );
};
