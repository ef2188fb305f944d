import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DeviceFlowFailure, pollOnce, startDeviceAuthorization, startKioskSession, type DeviceAuthorization, type DeviceFlowError } from '../../auth/device-flow.ts';
import { QrCode } from '../../components/ui/QrCode.tsx';
import { usePageTitle } from '../../components/layout/use-document-title.ts';

/** Extra wait over the provider's polling interval (see the poll below). */
const POLL_MARGIN_MS = 1000;

type State = { step: 'starting' } | { step: 'waiting'; auth: DeviceAuthorization; reconnecting?: boolean } | { step: 'failed'; reason: DeviceFlowError };

/**
 * Signing in on a kiosk (RFC 8628): a QR code and a short code for the person's own phone, then
 * polling until they approve there. No password is ever typed on the shared screen; the session
 * that starts lives in memory only. Walking away mid-sign-in: the kiosk's idle guard takes the
 * screen home and this polling stops with the page.
 */
export const DeviceSignIn = ({ returnTo }: { returnTo: string }) => {
  const { t } = useTranslation('kiosk');
  usePageTitle(t('signIn.title'));
  const navigate = useNavigate();
  const [state, setState] = useState<State>({ step: 'starting' });
  const [attempt, setAttempt] = useState(0);
  const codeRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const fail = (error: unknown) => {
      if (!stopped) setState({ step: 'failed', reason: error instanceof DeviceFlowFailure ? error.reason : 'network' });
    };
    const poll = (auth: DeviceAuthorization, interval: number) => {
      timer = setTimeout(() => {
        pollOnce({ ...auth, interval })
          .then((outcome) => {
            if (stopped) return;
            if (outcome.status === 'pending') {
              setState({ step: 'waiting', auth });
              return poll(auth, outcome.interval);
            }
            startKioskSession(outcome.session);
            void navigate(returnTo, { replace: true });
          })
          .catch((error: unknown) => {
            // The network dropped mid-sign-in: the code stays valid and the person may be
            // approving on their phone right now, so keep the code up and keep asking.
            if (!stopped && error instanceof DeviceFlowFailure && error.reason === 'network' && Date.now() < auth.expiresAt) {
              setState({ step: 'waiting', auth, reconnecting: true });
              return poll(auth, interval);
            }
            fail(error);
          });
        // A second over the interval: the provider measures the gap between the requests it
        // receives, and a poll a millisecond early by its clock is answered slow_down (+5 s each
        // time, RFC 8628 §3.5), which left a kiosk waiting long after the person had approved.
      }, interval * 1000 + POLL_MARGIN_MS);
    };
    startDeviceAuthorization()
      .then((auth) => {
        if (stopped) return;
        setState({ step: 'waiting', auth });
        poll(auth, auth.interval);
      })
      .catch(fail);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [attempt, navigate, returnTo]);

  return (
    <div className="signin">
      <h1>{t('signIn.title')}</h1>
      <p className="lead">{t('signIn.lead')}</p>
      {state.step === 'starting' ? (
        <p className="loading" role="status">
          {t('signIn.starting')}
        </p>
      ) : null}
      {state.step === 'failed' ? (
        <div className="error-summary kiosk-error" role="alert">
          <p>{t(`signIn.errors.${state.reason}`)}</p>
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              setState({ step: 'starting' });
              setAttempt((n) => n + 1);
            }}
          >
            {t('signIn.restart')}
          </button>
        </div>
      ) : null}
      {state.step === 'waiting' ? (
        <div className="kiosk-signin">
          <QrCode value={state.auth.verificationUriComplete} label={t('signIn.qr')} size={352} />
          <div>
            <ol>
              <li>{t('signIn.step1')}</li>
              <li>{t('signIn.step2')}</li>
              <li>{t('signIn.step3')}</li>
            </ol>
            <p>{t('signIn.orType', { uri: state.auth.verificationUri })}</p>
            <p className="kiosk-signin__code" ref={codeRef} data-testid="user-code" aria-label={`${t('signIn.code')}: ${state.auth.userCode.split('').join(' ')}`}>
              {state.auth.userCode}
            </p>
            <p className={state.reconnecting ? 'error-summary kiosk-error' : 'loading'} role="status">
              {state.reconnecting ? t('signIn.reconnecting') : t('signIn.waiting')}
            </p>
          </div>
        </div>
      ) : null}
    </div>
  );
};
export default DeviceSignIn;
