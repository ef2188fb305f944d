import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { markNotificationsRead } from '../../api/dossiers/requests.ts';
import { dossierKeys, notificationsQueryOptions } from '../../api/dossiers/queries.ts';
import { formatDateTime } from './format.ts';
import { isRatable } from '../../api/ratings/schema.ts';

/** "Thông báo mới": unread status changes, each leading to its dossier, and answers to the citizen's questions. */
export const NotificationsSection = ({ owner }: { owner: string }) => {
  const { t, i18n } = useTranslation('dossiers');
  const queryClient = useQueryClient();
  const notifications = useQuery(notificationsQueryOptions(owner));
  const [state, setState] = useState<'idle' | 'marking' | 'done' | 'failed'>('idle');
  const statusRef = useRef<HTMLParagraphElement>(null);
  const unread = (notifications.data?.notifications ?? []).filter((n) => !n.read);
  // A dossier just finished: rating is offered once, on its newest such notification.
  const rateOn = new Map<string, string>();
  const seen = new Set<string>();
  for (const n of unread) {
    if (n.kind === 'question-answered' || !isRatable(n.status) || seen.has(n.dossierCode)) continue;
    rateOn.set(n.id, n.dossierCode);
    seen.add(n.dossierCode);
  }

  const markRead = async () => {
    setState('marking');
    try {
      const next = await markNotificationsRead();
      queryClient.setQueryData(notificationsQueryOptions(owner).queryKey, next);
      setState('done');
    } catch {
      setState('failed');
    }
    // The button goes with the list: put the focus on the message that replaces it.
    statusRef.current?.focus();
    void queryClient.invalidateQueries({ queryKey: dossierKeys.notifications(owner) });
  };

  return (
    <>
      <p role="status" ref={statusRef} tabIndex={-1} className={state === 'done' ? 'success' : state === 'failed' ? 'field-error' : 'visually-hidden'}>
        {state === 'done' ? t('notifications.marked') : state === 'failed' ? t('notifications.failed') : ''}
      </p>
      {unread.length === 0 ? null : (
        <section className="card notifications" aria-labelledby="dossiers-notifications">
          <h2 id="dossiers-notifications">
            {t('notifications.title')} <span className="count-badge">{unread.length}</span>
          </h2>
          <ul className="notifications__list">
            {unread.map((n) => (
              <li key={n.id}>
                {n.kind === 'question-answered' ? (
                  <Link to={`/me/questions#${encodeURIComponent(n.questionId)}`}>{t('notifications.answered', { procedure: n.procedureName })}</Link>
                ) : (
                  <Link to={`/dossiers/${encodeURIComponent(n.dossierCode)}`}>{t('notifications.item', { code: n.dossierCode, status: t(`status.${n.status}`) })}</Link>
                )}
                <span className="hint">
                  {' '}
                  <time dateTime={n.at}>{formatDateTime(n.at, i18n.language)}</time>
                </span>
                {rateOn.has(n.id) ? (
                  <>
                    {' · '}
                    <Link to={`/dossiers/${encodeURIComponent(rateOn.get(n.id) ?? '')}/rate`}>{t('rating.notification', { code: rateOn.get(n.id) })}</Link>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
          <button type="button" className="button button--secondary" disabled={state === 'marking'} onClick={() => void markRead()}>
            {state === 'marking' ? t('notifications.marking') : t('notifications.markRead')}
          </button>
        </section>
      )}
    </>
  );
};
