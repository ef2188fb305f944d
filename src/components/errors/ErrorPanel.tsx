import { useEffect, useRef } from 'react';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors.ts';
import { consentGone } from '../../auth/session.ts';
import { laterNamespace } from '../../i18n/i18n.ts';
import { errorKind, isRetryable } from './error-message.ts';

interface Props {
  error: unknown;
  onRetry?: (() => void) | undefined;
  /** Page-level panels take focus so screen readers hear what happened. */
  headingLevel?: 'h1' | 'h2';
}

/** The one way errors are shown: what happened, what is safe, what to do next. */
export const ErrorPanel = ({ error, onRetry, headingLevel = 'h1' }: Props) => {
  // The server's answers (errors.server…) are in their own namespace: wait for it if need be.
  const { t } = useTranslation(['common', laterNamespace]);
  const kind = errorKind(error);
  // A resident's consent that no longer holds (assisted mode): why, not "go back and try again".
  const key = (isApiError(error) && consentGone(error.code)) || kind;
  const Heading = headingLevel;
  const ref = useRef<HTMLDivElement>(null);
  const location = useLocation();
  useEffect(() => {
    if (headingLevel === 'h1') ref.current?.focus();
  }, [headingLevel]);
  useEffect(() => {
    if (kind === 'unknown' || kind === 'invalid-response') console.error(error);
  }, [error, kind]);
  return (
    <div className="error-panel" role="alert" tabIndex={-1} ref={ref}>
      <Heading>{t(`errors.${key}.title`)}</Heading>
      <p>{t(`errors.${key}.body`)}</p>
      <div className="actions">
        {kind === 'unauthorized' ? (
          <button type="button" className="button" onClick={() => void import('../../auth/actions.ts').then((auth) => auth.signIn(`${location.pathname}${location.search}`))}>
            {t('errors.signInAgain')}
          </button>
        ) : null}
        {onRetry && isRetryable(kind) ? (
          <button type="button" className="button" onClick={onRetry}>
            {t('errors.retry')}
          </button>
        ) : null}
        <Link to="/" className="button button--secondary">
          {t('errors.home')}
        </Link>
      </div>
    </div>
  );
};
