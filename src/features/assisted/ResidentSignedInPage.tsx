import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ConsentScope, CONSENT_DEFAULT_MINUTES, CONSENT_MINUTES, type ConsentGrant } from '../../api/assisted/schema.ts';
import { exchangeConsent, signedInConsent } from '../../api/assisted/requests.ts';
import { isApiError } from '../../api/errors.ts';
import { hasKeptSession, useOwnSession } from '../../auth/session.ts';
import type { ResidentSignIn } from '../../auth/resident-sign-in.ts';
import { usePageTitle } from '../../components/layout/use-document-title.ts';
import { readHelpDraft, startActing } from './start-acting.ts';

/** Why recording the consent did not go through, each said in the volunteer's language (signedIn.errors.*). */
type Failure =
  | 'cancelled'
  | 'offline'
  | 'self'
  | 'stale'
  | 'invalid'
  | 'not-a-volunteer'
  | 'unknown-procedure'
  | 'exchange-refused'
  | 'own-session-ended'
  | 'other';
/** What the volunteer can do about it: record again with the same sign-in, or have the resident sign in again. */
const RETRY_RECORD: readonly Failure[] = ['offline'];

const failureOf = (error: unknown): Failure => {
  const reason = (error as { reason?: unknown } | null)?.reason;
  if (reason === 'cancelled') return 'cancelled';
  if (reason === 'network') return 'offline';
  if (!isApiError(error)) return 'other';
  if (error.kind === 'offline' || error.kind === 'network' || error.kind === 'timeout') return 'offline';
  switch (error.code) {
    case 'cannot-assist-self':
      return 'self';
    case 'resident-sign-in-stale':
      return 'stale';
    case 'resident-sign-in-invalid':
      return 'invalid';
    case 'not-a-volunteer':
    case 'unknown-procedure':
    case 'exchange-refused':
      return error.code;
    case 'session-expired':
      return 'own-session-ended';
    default:
      return 'other';
  }
};

/** What the sign-in request carried: the consent the resident saw before signing in. */
const consentOf = (state: unknown): { scope: ConsentScope; minutes: (typeof CONSENT_MINUTES)[number] } | null => {
  const value = state as { procedures?: unknown; data?: unknown; minutes?: unknown } | null;
  const scope = ConsentScope.safeParse({ procedures: value?.procedures, data: value?.data });
  if (!scope.success) return null;
  return { scope: scope.data, minutes: CONSENT_MINUTES.find((m) => m === value?.minutes) ?? CONSENT_DEFAULT_MINUTES };
};

/**
 * /assist/signed-in: the resident is back from signing in with their own VNeID on the volunteer's
 * phone. Their fresh ID token records the consent they were shown (`POST /assisted/consents/signed-in`),
 * the consent is exchanged for the delegated token, and the help starts as with a code by SMS.
 * The volunteer's own session is not touched (auth/resident-sign-in.ts).
 */
export const ResidentSignedInPage = () => {
  const { t } = useTranslation('assisted');
  usePageTitle(t('signedIn.title'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const own = useOwnSession();
  const [signedIn, setSignedIn] = useState<ResidentSignIn | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [attempt, setAttempt] = useState(0);
  const grant = useRef<ConsentGrant | null>(null);
  const started = useRef(false);
  const titleRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    // The code is single-use: React's development double effect must not spend it twice.
    if (started.current) return;
    started.current = true;
    const url = window.location.href;
    // The code and state are not left in the address bar (nor in the history).
    window.history.replaceState(window.history.state, '', window.location.pathname);
    import('../../auth/resident-sign-in.ts')
      .then((m) => m.completeResidentSignIn(url))
      .then(setSignedIn, (error: unknown) => setFailure(failureOf(error)));
  }, []);

  const record = useCallback(
    async (resident: ResidentSignIn, ownToken: string, ownSub: string) => {
      const consent = consentOf(resident.state);
      if (!consent) throw new Error('The sign-in came back without the consent it was for');
      grant.current ??= await signedInConsent({ residentIdToken: resident.idToken, scope: consent.scope, minutes: consent.minutes }, ownToken);
      const delegation = await exchangeConsent(grant.current.consentToken, ownToken);
      await navigate(await startActing(queryClient, grant.current, delegation, ownSub), { replace: true });
    },
    [navigate, queryClient],
  );

  const ownToken = own?.accessToken;
  const ownSub = own?.sub;
  useEffect(() => {
    if (!signedIn || failure || !ownToken || !ownSub) return;
    record(signedIn, ownToken, ownSub).catch((error: unknown) => setFailure(failureOf(error)));
    // `attempt`: "Try again" records once more with the same sign-in.
  }, [signedIn, failure, ownToken, ownSub, record, attempt]);

  useEffect(() => {
    if (failure) titleRef.current?.focus();
  }, [failure]);

  // The volunteer's own session is gone (a kept one not renewable, or a tab's that ended).
  const ownMissing = !own && !hasKeptSession();
  const shown: Failure | null = failure ?? (signedIn && ownMissing ? 'own-session-ended' : null);

  const again = async () => {
    setFailure(null);
    const draft = readHelpDraft();
    const { startResidentSignIn } = await import('../../auth/resident-sign-in.ts');
    await startResidentSignIn(draft ? { procedures: [draft.procedureId], data: draft.data, minutes: draft.minutes } : signedIn?.state).catch((error: unknown) =>
      setFailure(failureOf(error)),
    );
  };

  if (!shown) {
    return (
      <div className="assisted">
        <h1>{t('signedIn.title')}</h1>
        <p className="loading" role="status">
          {t('signedIn.working')}
        </p>
      </div>
    );
  }
  return (
    <div className="assisted">
      <h1 ref={titleRef} tabIndex={-1}>
        {t('signedIn.failedTitle')}
      </h1>
      <p className="notice notice--warning" role="alert">
        {t(`signedIn.errors.${shown}`)}
      </p>
      <div className="actions">
        {shown === 'own-session-ended' ? (
          <Link to={`/signin?returnTo=${encodeURIComponent('/assist')}`} className="button button--primary button--block">
            {t('signedIn.signInAgain')}
          </Link>
        ) : RETRY_RECORD.includes(shown) && signedIn ? (
          <button
            type="button"
            className="button button--primary button--block"
            onClick={() => {
              setFailure(null);
              setAttempt((n) => n + 1);
            }}
          >
            {t('signedIn.retry')}
          </button>
        ) : (
          <button type="button" className="button button--primary button--block" onClick={() => void again()}>
            {t('signedIn.residentAgain')}
          </button>
        )}
        <Link to="/assist" className="button button--secondary button--block">
          {t('signedIn.back')}
        </Link>
      </div>
    </div>
  );
};
