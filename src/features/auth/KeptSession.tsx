import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { hasKeptSession, isExpired, useSession } from '../../auth/session.ts';
import { keepStatus, lockIfAway, markSeen, resume, skipLock, subscribeKeep, unlock } from '../../auth/keep.ts';
import { signIn } from '../../auth/actions.ts';
import { useOutbox } from '../../offline/use-outbox.ts';

export const useKeepStatus = () => useSyncExternalStore(subscribeKeep, keepStatus, keepStatus);

/** How many submissions of `owner` still wait on this phone. */
const usePending = (owner: string | undefined): number => useOutbox(owner).items.length;

/** The app lock: a modal dialog (the rest of the app is inert behind it). */
const LockScreen = ({ name }: { name: string }) => {
  const { t } = useTranslation('auth');
  const ref = useRef<HTMLDialogElement>(null);
  const location = useLocation();
  const [state, setState] = useState<'idle' | 'working' | 'failed'>('idle');
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog ref={ref} className="dialog lock" aria-labelledby="lock-title" aria-describedby="lock-body" onCancel={(event) => event.preventDefault()}>
      <h1 id="lock-title">{t('lock.title')}</h1>
      <p id="lock-body">{t('lock.body', { name })}</p>
      <div role="status">{state === 'working' ? t('lock.working') : null}</div>
      {state === 'failed' ? (
        <p className="field-error" role="alert">
          {t('lock.failed')}
        </p>
      ) : null}
      <div className="actions">
        <button
          type="button"
          className="button button--primary button--block"
          autoFocus
          disabled={state === 'working'}
          onClick={() => {
            setState('working');
            unlock().then(
              (result) => setState(result.status === 'resumed' || result.status === 'offline' ? 'idle' : 'failed'),
              () => setState('failed'),
            );
          }}
        >
          {t('lock.unlock')}
        </button>
        <button
          type="button"
          className="button button--secondary button--block"
          onClick={() => void skipLock().then(() => signIn(`${location.pathname}${location.search}`, { keep: true }))}
        >
          {t('lock.useVneid')}
        </button>
      </div>
    </dialog>
  );
};

/**
 * The kept session on the citizen's own phone: resumes it when the app opens (through the lock
 * after 5 minutes), keeps "last seen" while it is used, and — wherever the citizen is — says
 * when it cannot be renewed and how many submissions wait, with the one-tap way back.
 */
export const KeptSession = () => {
  const { t } = useTranslation('auth');
  const session = useSession();
  const status = useKeepStatus();
  const location = useLocation();
  const live = session !== null && !isExpired(session);

  useEffect(() => {
    if (live || !hasKeptSession()) return undefined;
    void resume();
    // Could not renew for want of a connection: again as soon as there is one.
    const again = () => {
      if (keepStatus().status === 'offline') void resume();
    };
    window.addEventListener('online', again);
    // "Online" events get lost (and a link can come back without one): look again now and then.
    const timer = setInterval(() => {
      if (navigator.onLine && document.visibilityState === 'visible') again();
    }, 5_000);
    return () => {
      window.removeEventListener('online', again);
      clearInterval(timer);
    };
  }, [live]);

  // In use (signed in, or opened offline with an expired session): the lock clock restarts.
  const inUse = session !== null;
  useEffect(() => {
    if (!inUse || !hasKeptSession()) return undefined;
    markSeen();
    const seen = () => markSeen();
    // A hidden tab is not in use: its timers still run (throttled) and must not restart the clock.
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') markSeen();
    }, 30_000);
    // Shown again after the lock period (hidden, not closed): asked as on reopening.
    const shown = () => {
      if (document.visibilityState === 'hidden') return markSeen();
      void lockIfAway().then((next) => {
        if (next.status !== 'locked' && next.status !== 'ended') markSeen();
      });
    };
    window.addEventListener('pagehide', seen);
    document.addEventListener('visibilitychange', shown);
    return () => {
      clearInterval(timer);
      window.removeEventListener('pagehide', seen);
      document.removeEventListener('visibilitychange', shown);
    };
  }, [inUse]);

  const owner = session?.sub ?? (status.status === 'ended' ? status.sub : undefined);
  const pending = usePending(live ? undefined : owner);

  if (status.status === 'locked') return <LockScreen name={status.name} />;
  if (live || pending === 0 || status.status === 'resuming' || location.pathname === '/signin') return null;
  const reason = status.status === 'ended' ? status.reason : status.status === 'offline' ? 'offline' : 'session';
  return (
    <section className="notice session-notice" aria-labelledby="session-notice-title" role="region">
      <h2 id="session-notice-title">{t(`ended.${reason}`)}</h2>
      <p>{t('ended.safe')}</p>
      {reason === 'offline' ? null : (
        <button type="button" className="button button--primary" onClick={() => void signIn(`${location.pathname}${location.search}`)}>
          {t('ended.send', { count: pending })}
        </button>
      )}
    </section>
  );
};

export default KeptSession;
