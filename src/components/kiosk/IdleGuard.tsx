import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** What counts as the person still being there. */
const ACTIVITY = ['pointerdown', 'keydown', 'touchstart', 'wheel', 'input'] as const;

interface Props {
  /** Watching at all (someone is signed in, or a page other than the hall's home is open). */
  active: boolean;
  idleSeconds: number;
  countdownSeconds: number;
  /** Time is up, or the person chose to finish: the caller ends the session. */
  onEnd: () => void;
  /** What ending means here, in place of the kiosk's sentence (assisted mode: the resident's data goes). */
  body?: string;
}

/**
 * The inactivity guard of a kiosk and of assisted mode's help session (WCAG 2.2.1 Timing Adjustable): after `idleSeconds` without a
 * touch, a dialog counts down `countdownSeconds` with "I'm still here" (as many times as the
 * person likes) and "Finish now"; at zero the session ends. Time is read from the clock on a
 * one-second tick (not summed from timers), so a kiosk that slept or a busy page never
 * stretches the wait.
 */
export const IdleGuard = ({ active, idleSeconds, countdownSeconds, onEnd, body }: Props) => {
  const { t } = useTranslation('kiosk');
  /** When the countdown reaches zero; null while no dialog is open. */
  const [deadline, setDeadline] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const dialog = useRef<HTMLDialogElement>(null);
  const lastActivity = useRef(0);
  const ended = useRef(false);
  const end = useRef(onEnd);
  useEffect(() => {
    end.current = onEnd;
  }, [onEnd]);

  // Any input while no dialog is open starts the wait again.
  useEffect(() => {
    lastActivity.current = Date.now();
    if (!active) return;
    const onActivity = () => {
      if (deadline === null) lastActivity.current = Date.now();
    };
    for (const type of ACTIVITY) window.addEventListener(type, onActivity, { capture: true, passive: true });
    const tick = setInterval(() => {
      const at = Date.now();
      // Only the dialog shows the time: nothing re-renders while nobody is asked.
      if (deadline !== null) setNow(at);
      else if (at - lastActivity.current >= idleSeconds * 1000) {
        setNow(at);
        setDeadline(at + countdownSeconds * 1000);
      }
      if (deadline !== null && at >= deadline && !ended.current) {
        ended.current = true;
        end.current();
      }
    }, 1000);
    return () => {
      clearInterval(tick);
      for (const type of ACTIVITY) window.removeEventListener(type, onActivity, { capture: true });
    };
  }, [active, deadline, idleSeconds, countdownSeconds]);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (deadline !== null && !element.open) element.showModal?.();
    if (deadline === null && element.open) element.close();
  }, [deadline]);

  if (!active && deadline === null) return null;
  const stay = () => {
    lastActivity.current = Date.now();
    setDeadline(null);
  };
  const left = deadline === null ? 0 : Math.max(0, Math.ceil((deadline - now) / 1000));
  return (
    <dialog
      ref={dialog}
      className="dialog kiosk-idle"
      aria-labelledby="kiosk-idle-title"
      aria-describedby="kiosk-idle-body"
      // Escape means "I'm here", not "close and leave the countdown running".
      onCancel={(event) => {
        event.preventDefault();
        stay();
      }}
    >
      {deadline !== null ? (
        <>
          <h2 id="kiosk-idle-title">{t('idle.title')}</h2>
          <p id="kiosk-idle-body">{body ?? t('idle.body')}</p>
          <p className="kiosk-idle__count" aria-live="polite" aria-atomic="true">
            {t('idle.left', { count: Math.min(left, countdownSeconds) })}
          </p>
          <div className="kiosk-idle__actions">
            {/* autoFocus: the dialog must be answerable with one tap or Enter. */}
            <button type="button" className="button button--primary" onClick={stay} autoFocus>
              {t('idle.stay')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                ended.current = true;
                end.current();
              }}
            >
              {t('idle.finish')}
            </button>
          </div>
        </>
      ) : null}
    </dialog>
  );
};
