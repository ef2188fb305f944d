import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxItem } from '../../offline/personal-db.ts';
import { useOutbox } from '../../offline/use-outbox.ts';
import { liveProgress, retry, waitingUntil } from '../../offline/outbox.ts';
import { formatDateTime } from './format.ts';
import { ProcedureName } from '../../components/procedure/ProcedureName.tsx';

const ERROR_KINDS = new Set(['offline', 'network', 'timeout', 'server', 'unauthorized', 'conflict', 'invalid-input', 'malformed', 'too-large', 'rate-limited', 'client', 'invalid-response']);

/** Submissions saved on the device that have not reached the agency yet. */
export const OutboxSection = ({ owner }: { owner: string }) => {
  const { t } = useTranslation('dossiers');
  const { items, dropped } = useOutbox(owner);
  const [announcement, setAnnouncement] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);

  const resend = async (item: OutboxItem) => {
    await retry(item.id);
    window.dispatchEvent(new Event('mcs:drain-outbox'));
    setAnnouncement(navigator.onLine ? t('outbox.retrying', { name: item.procedureName }) : t('outbox.retryOffline', { name: item.procedureName }));
    // The button may disappear with the state change: keep the focus in the section.
    headingRef.current?.focus();
  };

  return (
    <>
      <div role="status" className="visually-hidden">
        {announcement}
      </div>
      {dropped > 0 ? (
        <div className="notice" role="status">
          <p>{t('outbox.dropped', { count: dropped })}</p>
        </div>
      ) : null}
      {items.length === 0 ? null : (
        <section className="card outbox" aria-labelledby="dossiers-outbox">
          <h2 id="dossiers-outbox" ref={headingRef} tabIndex={-1}>
            {t('outbox.title', { count: items.length })}
          </h2>
          <p className="hint">{t('outbox.lead')}</p>
          <ul className="outbox__list">
            {items.map((item) => (
              <OutboxEntry key={item.id} item={item} onRetry={() => void resend(item)} />
            ))}
          </ul>
        </section>
      )}
    </>
  );
};

const OutboxEntry = ({ item, onRetry }: { item: OutboxItem; onRetry: () => void }) => {
  const { t, i18n } = useTranslation('dossiers');
  const kind = item.lastError && ERROR_KINDS.has(item.lastError.kind) ? item.lastError.kind : 'unknown';
  const progress = liveProgress(item);
  const percent = Math.round(progress * 100);
  const progressId = `outbox-progress-${item.id}`;
  return (
    <li className={`outbox__item outbox__item--${item.state}`}>
      <p className="outbox__name">
        <ProcedureName procedure={{ name: item.procedureName }} />
      </p>
      {item.type === 'supplement' && item.dossierCode ? <p className="hint">{t('outbox.supplementFor', { code: item.dossierCode })}</p> : null}
      {item.type === 'rating' && item.dossierCode ? <p className="hint">{t('rating.outboxFor', { code: item.dossierCode })}</p> : null}
      <p className="outbox__meta">
        <span className={`status-chip status-chip--outbox-${item.state}`}>{t(`outbox.state.${item.state}`)}</span>
        <span className="hint"> {t('outbox.savedAt', { time: formatDateTime(item.createdAt, i18n.language) })}</span>
      </p>
      {item.type === 'rating' ? null : (
        <>
          <label htmlFor={progressId} className="visually-hidden">
            {t('outbox.progress', { name: item.procedureName })}
          </label>
          <progress id={progressId} className="outbox__progress" max={1} value={progress} />
          <p className="hint">{t('outbox.percent', { percent })}</p>
        </>
      )}
      {item.lastError ? (
        <p className={item.state === 'failed' ? 'field-error' : 'hint'}>
          {t('outbox.lastError', { message: t(`outbox.errors.${kind as 'unknown'}`) })}
        </p>
      ) : null}
      {item.state === 'queued' && waitingUntil(item) !== undefined ? (
        <p className="hint">{t('outbox.nextAttempt', { time: formatDateTime(new Date(waitingUntil(item) ?? 0).toISOString(), i18n.language) })}</p>
      ) : null}
      {item.state !== 'sending' ? (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('outbox.retry')}
          <span className="visually-hidden">{` ${item.procedureName}`}</span>
        </button>
      ) : null}
    </li>
  );
};
