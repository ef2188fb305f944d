import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { registerWipe } from '../../auth/wipe.ts';
import { useSession } from '../../auth/session.ts';
import { endKioskSession } from '../../auth/device-flow.ts';
import { readEnrolment, reserveHandoff } from '../../api/kiosk/requests.ts';
import { HandoffDialog, type ReservedSlot } from './HandoffDialog.tsx';
import { COUNTDOWN_SECONDS, IDLE_SECONDS } from '../../api/kiosk/schema.ts';
import { Keypad, keypadModeFor, typeInto, type KeypadMode } from '../../components/kiosk/Keypad.tsx';
import { IdleGuard } from '../../components/kiosk/IdleGuard.tsx';
import './kiosk.css';

/**
 * Kiosk mode as a layout and a set of rules over the app's own routes (loaded only on an
 * enrolled kiosk): the hall's bar with "Home" and "Finish" always visible, the inactivity guard,
 * the on-screen keypad, and the locks — no link out of the app, no new window, downloads
 * printed instead, Back kept inside the app. Every way out of a person's visit runs
 * `endKioskSession` (revoke, wipe, reload at the home screen).
 */
const KioskChrome = () => {
  const { t, i18n } = useTranslation('kiosk');
  const enrolment = readEnrolment();
  const session = useSession();
  const { pathname } = useLocation();
  const [ending, setEnding] = useState(false);
  const queryClient = useQueryClient();
  // Answers held in memory (the data store, dossiers) go with the rest of the person's data.
  useEffect(() => registerWipe('query-cache', () => queryClient.clear()), [queryClient]);

  const finish = useCallback(() => {
    setEnding(true);
    void endKioskSession();
  }, []);

  useKioskLocks(finish);

  // "Continue on your own phone" from any form: a slot reserved as soon as someone signs in (so
  // it works when the network drops later), opened from the bar or from a page that cannot send
  // (the 'mcs:kiosk-handoff' event).
  const reserved = useHandoffSlot(session?.sub ?? null);
  const form = /^\/services\/([^/]+)\/apply(\/check|\/documents)?$/.exec(pathname);
  const [handoff, setHandoff] = useState(false);
  useEffect(() => {
    const open = () => setHandoff(true);
    window.addEventListener('mcs:kiosk-handoff', open);
    return () => window.removeEventListener('mcs:kiosk-handoff', open);
  }, []);

  const idleSeconds = enrolment?.idleSeconds ?? IDLE_SECONDS.default;
  const centre = enrolment ? (i18n.resolvedLanguage === 'en' ? enrolment.centre.nameEn : enrolment.centre.name) : t('bar.label');
  const atHome = pathname === '/kiosk' || pathname === '/kiosk/setup';
  return (
    <>
      <header className="kiosk-bar">
        <p className="kiosk-bar__centre">{centre}</p>
        <nav className="kiosk-bar__actions" aria-label={t('bar.label')}>
          {session && form ? (
            <button type="button" className="button button--secondary kiosk-bar__button" onClick={() => setHandoff(true)} disabled={ending}>
              {t('bar.handoff')}
            </button>
          ) : null}
          <Link className="button button--secondary kiosk-bar__button" to="/kiosk" replace>
            {t('bar.home')}
          </Link>
          <button type="button" className="button kiosk-bar__button" onClick={finish} disabled={ending}>
            {t('bar.finish')}
          </button>
        </nav>
      </header>
      {ending ? (
        <p className="kiosk-ending" role="status">
          {t('bar.ending')}
        </p>
      ) : null}
      <p className="kiosk-notice">{t('bar.idleNotice', { seconds: idleSeconds })}</p>
      <IdleGuard
        active={!ending && (session !== null || !atHome)}
        idleSeconds={idleSeconds}
        countdownSeconds={Math.max(COUNTDOWN_SECONDS.min, enrolment?.countdownSeconds ?? COUNTDOWN_SECONDS.default)}
        onEnd={finish}
      />
      <KeypadDock />
      {handoff && session && form?.[1] ? (
        <HandoffDialog
          reserved={reserved}
          owner={session.sub}
          procedureId={decodeURIComponent(form[1])}
          step={form[2] === '/documents' ? 'documents' : 'form'}
          onClose={() => setHandoff(false)}
          onFinish={finish}
        />
      ) : null}
    </>
  );
};
export default KioskChrome;

/** The hand-off slot of the person signed in, reserved once per visit; null until there is one. */
const useHandoffSlot = (sub: string | null): ReservedSlot | null => {
  const [reserved, setReserved] = useState<(ReservedSlot & { sub: string }) | null>(null);
  useEffect(() => {
    if (!sub) return;
    let stopped = false;
    const asked = Date.now();
    reserveHandoff()
      .then((slot) => {
        // The backend's clock, read halfway through the request.
        const offsetMs = Date.parse(slot.serverTime) - (asked + Date.now()) / 2;
        if (!stopped) setReserved({ slot, offsetMs, sub });
      })
      .catch(() => undefined);
    return () => {
      stopped = true;
    };
  }, [sub]);
  return reserved && reserved.sub === sub ? reserved : null;
};

/** The rules that keep a shared screen inside the app. */
const useKioskLocks = (finish: () => void) => {
  const navigate = useNavigate();
  const session = useSession();
  const { pathname } = useLocation();
  const state = useRef({ session, pathname });
  useEffect(() => {
    state.current = { session, pathname };
  }, [session, pathname]);

  useEffect(() => {
    // History never grows: every in-app navigation replaces the entry, so Back has no earlier
    // page of anyone to show; a Back that still happens lands on the home screen.
    const push = History.prototype.pushState;
    window.history.pushState = function (data: unknown, unused: string, url?: string | URL | null) {
      History.prototype.replaceState.call(this, data, unused, url);
    };
    // One entry of our own below the current one catches Back (whatever came before the
    // kiosk's first page stays out of reach): Back lands on the home screen, and the catch is
    // set again.
    const guard = () => push.call(window.history, window.history.state, '', window.location.href);
    guard();
    const onPop = () => void Promise.resolve(navigate('/kiosk', { replace: true })).then(guard);
    // A page loaded afresh (Back to another document, reload, a typed address) is nobody's
    // visit any more (a kiosk session lives in memory): it opens at the hall's home screen.
    if (!window.location.pathname.startsWith('/kiosk')) void navigate('/kiosk', { replace: true });
    window.addEventListener('popstate', onPop);

    // No new windows; no links leaving the app; a download becomes a print.
    const open = window.open;
    window.open = () => null;
    const onClick = (event: MouseEvent) => {
      const anchor = event.target instanceof Element ? event.target.closest('a') : null;
      if (!anchor) return;
      const url = new URL(anchor.href, window.location.href);
      if (anchor.hasAttribute('download')) {
        event.preventDefault();
        window.print();
      } else if (url.origin !== window.location.origin || anchor.target === '_blank') {
        event.preventDefault();
      }
    };
    document.addEventListener('click', onClick, true);

    // A printed receipt ends the visit (the person takes the paper and goes).
    const onAfterPrint = () => {
      if (state.current.session && /^\/dossiers\/[^/]+\/receipt$/.test(state.current.pathname)) finish();
    };
    window.addEventListener('afterprint', onAfterPrint);
    document.documentElement.dataset.kiosk = '';
    return () => {
      window.history.pushState = push;
      window.open = open;
      window.removeEventListener('popstate', onPop);
      document.removeEventListener('click', onClick, true);
      window.removeEventListener('afterprint', onAfterPrint);
      delete document.documentElement.dataset.kiosk;
    };
  }, [navigate, finish]);
};

/**
 * The keypad docked at the bottom of the screen while a code, ID number or phone field has the
 * focus. The system keyboard is kept away from such fields (inputmode="none").
 */
const KeypadDock = () => {
  const { t } = useTranslation('kiosk');
  const [target, setTarget] = useState<{ field: HTMLInputElement; mode: KeypadMode } | null>(null);

  useEffect(() => {
    const onFocus = (event: FocusEvent) => {
      const field = event.target;
      const mode = keypadModeFor(field instanceof Element ? field : null);
      if (mode && field instanceof HTMLInputElement) {
        field.dataset.keypad = mode;
        field.setAttribute('inputmode', 'none');
        setTarget({ field, mode });
      } else if (field instanceof HTMLElement && !field.closest('.keypad')) setTarget(null);
    };
    document.addEventListener('focusin', onFocus);
    return () => document.removeEventListener('focusin', onFocus);
  }, []);

  if (!target || !target.field.isConnected) return null;
  const { field, mode } = target;
  return (
    <div className="kiosk-keypad">
      <Keypad
        mode={mode}
        labels={{ keypad: t('keypad.keypad'), backspace: t('keypad.backspace'), clear: t('keypad.clear'), done: t('keypad.done') }}
        onKey={(key) => typeInto(field, field.value + key)}
        onBackspace={() => typeInto(field, field.value.slice(0, -1))}
        onClear={() => typeInto(field, '')}
        onDone={() => {
          setTarget(null);
          field.blur();
        }}
      />
    </div>
  );
};
