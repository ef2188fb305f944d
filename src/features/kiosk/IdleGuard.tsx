import { useCallback, useEffect, useRef, useState } from 'react';
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
}

/**
 * The kiosk's inactivity guard (WCAG 2.2.1 Timing Adjustable): after `idleSeconds` without a
 * touch, a dialog counts down `countdownSeconds` with "I'm still here" (as many times as the
 * person likes) and "Finish now"; at zero the session ends.
 */
export const IdleGuard = ({ active, idleSeconds, countdownSeconds, onEnd }: Props) => {
  const { t } = useTranslation('kiosk');
  const [left, setLeft] = useState<number | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const idleTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const ended = useRef(false);
  const end = useRef(onEnd);
  useEffect(() => {
    end.current = onEnd;
  }, [onEnd]);

  const arm = useCallback(() => {
    clearTimeout(idleTimer.current);
    if (!active) return;
    idleTimer.current = setTimeout(() => setLeft(countdownSeconds), idleSeconds * 1000);
  }, [active, idleSeconds, countdownSeconds]);

  // Any input while no dialog is open starts the wait again.
  useEffect(() => {
    arm();
    const onActivity = () => {
      if (left === null) arm();
    };
    for (const type of ACTIVITY) window.addEventListener(type, onActivity, { capture: true, passive: true });
    return () => {
      clearTimeout(idleTimer.current);
      for (const type of ACTIVITY) window.removeEventListener(type, onActivity, { capture: true });
    };
  }, [arm, left]);

  // The countdown, one second at a time.
  useEffect(() => {
    if (left === null) return;
    if (left <= 0) {
      if (!ended.current) {
        ended.current = true;
        end.current();
      }
      return;
    }
    const tick = setTimeout(() => setLeft((s) => (s === null ? null : s - 1)), 1000);
    return () => clearTimeout(tick);
  }, [left]);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (left !== null && !element.open) element.showModal?.();
    if (left === null && element.open) element.close();
  }, [left]);

  if (!active && left === null) return null;
  const stay = () => {
    setLeft(null);
    arm();
  };
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
      {left !== null ? (
        <>
          <h2 id="kiosk-idle-title">{t('idle.title')}</h2>
          <p id="kiosk-idle-body">{t('idle.body')}</p>
          <p className="kiosk-idle__count" aria-live="polite" aria-atomic="true">
            {t('idle.left', { count: Math.max(0, left) })}
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
