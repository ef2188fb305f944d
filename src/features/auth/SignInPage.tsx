import { lazy, Suspense, useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { signIn } from '../../auth/actions.ts';
import { safeReturnTo } from '../../auth/return-to.ts';
import { hasKeptSession, isExpired, useSession } from '../../auth/session.ts';
import { canKeepSignedIn, deviceMode } from '../../auth/device.ts';
import { useKeepStatus } from './KeptSession.tsx';
import { usePageTitle } from '../../components/layout/use-document-title.ts';
import { useOnline } from '../../lib/use-online.ts';

// A kiosk signs people in from their own phone (RFC 8628); loaded only on a kiosk.
const DeviceSignIn = lazy(() => import('./DeviceSignIn.tsx'));

export const SignInPage = () => {
  const [params] = useSearchParams();
  if (deviceMode() === 'kiosk') {
    return (
      <Suspense fallback={null}>
        <DeviceSignIn returnTo={safeReturnTo(params.get('returnTo'))} />
      </Suspense>
    );
  }
  return <RedirectSignIn />;
};

/** The citizen's own phone (or a computer): off to VNeID and back (authorization code + PKCE). */
const RedirectSignIn = () => {
  const { t } = useTranslation('auth');
  usePageTitle(t('signIn.title'));
  const [params] = useSearchParams();
  const returnTo = safeReturnTo(params.get('returnTo'));
  const online = useOnline();
  const [state, setState] = useState<'idle' | 'going' | 'failed'>('idle');
  const offerKeep = canKeepSignedIn();
  const [keep, setKeep] = useState(offerKeep);
  const session = useSession();
  const kept = useKeepStatus();
  // A session kept on this phone was resumed (or unlocked, or opened offline to renew later)
  // meanwhile: on to where the citizen was.
  if (hasKeptSession() && session && (!isExpired(session) || kept.status === 'offline')) return <Navigate to={returnTo} replace />;
  return (
    <div className="signin">
      <h1>{t('signIn.title')}</h1>
      {kept.status === 'resuming' ? (
        <p className="loading" role="status">
          {t('signIn.resuming')}
        </p>
      ) : null}
      {kept.status === 'ended' ? (
        <p className="notice" role="status">
          {t(`ended.${kept.reason}`)}
        </p>
      ) : null}
      <p>{t('signIn.lead')}</p>
      <ul className="checklist">
        <li>{t('signIn.why1')}</li>
        <li>{t('signIn.why2')}</li>
        <li>{t('signIn.why3')}</li>
      </ul>
      {online ? null : (
        <p className="notice" role="status">
          {t('signIn.offline')}
        </p>
      )}
      {state === 'failed' ? (
        <p className="field-error" role="alert">
          {t('signIn.failed')}
        </p>
      ) : null}
      {offerKeep ? (
        <div className="keep-signed-in">
          <input id="signin-keep" type="checkbox" checked={keep} onChange={(event) => setKeep(event.target.checked)} aria-describedby="signin-keep-hint" />
          <label htmlFor="signin-keep">{t('signIn.keep')}</label>
          <p id="signin-keep-hint" className="hint">
            {t('signIn.keepHint')}
          </p>
        </div>
      ) : null}
      <button
        type="button"
        className="button button--primary button--block"
        disabled={!online || state === 'going'}
        onClick={() => {
          setState('going');
          signIn(returnTo, { keep: offerKeep && keep }).catch(() => setState('failed'));
        }}
      >
        {t('signIn.button')}
      </button>
      <p className="hint">{t('signIn.noAccount')}</p>
    </div>
  );
};
