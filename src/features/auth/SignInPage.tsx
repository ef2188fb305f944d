import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { signIn } from '../../auth/actions.ts';
import { safeReturnTo } from '../../auth/return-to.ts';
import { usePageTitle } from '../../components/layout/use-document-title.ts';
import { useOnline } from '../../lib/use-online.ts';

export const SignInPage = () => {
  const { t } = useTranslation('auth');
  usePageTitle(t('signIn.title'));
  const [params] = useSearchParams();
  const returnTo = safeReturnTo(params.get('returnTo'));
  const online = useOnline();
  const [state, setState] = useState<'idle' | 'going' | 'failed'>('idle');
  return (
    <div className="signin">
      <h1>{t('signIn.title')}</h1>
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
      <button
        type="button"
        className="button button--primary button--block"
        disabled={!online || state === 'going'}
        onClick={() => {
          setState('going');
          signIn(returnTo).catch(() => setState('failed'));
        }}
      >
        {t('signIn.button')}
      </button>
      <p className="hint">{t('signIn.noAccount')}</p>
    </div>
  );
};
