import { useEffect, useRef, useState } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@tanstack/react-query';
import { safeParse } from 'zod/mini';
import { redeemHandoff } from '../../api/kiosk/requests.ts';
import { HANDOFF_ID, type HandoffContent } from '../../api/kiosk/schema.ts';
import { isApiError } from '../../api/errors.ts';
import { isExpired, useSession } from '../../auth/session.ts';
import { Draft, saveDraft } from '../../offline/personal-db.ts';
import { usePageTitle } from '../../components/layout/use-document-title.ts';

/** Where the scanned code waits while the person signs in (this tab only; it opens nothing by itself). */
const STASH = 'mcs.handoff';

interface Stash {
  id: string;
  payload: string;
}

/** The code from the address (#<id>.<payload>), kept for after sign-in and taken out of the address. */
const takeFromAddress = (): Stash | null => {
  const match = /^#(ho_[A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]+)$/.exec(window.location.hash);
  if (match?.[1] && match[2] && HANDOFF_ID.test(match[1])) {
    const stash = { id: match[1], payload: match[2] };
    sessionStorage.setItem(STASH, JSON.stringify(stash));
    window.history.replaceState(window.history.state, '', window.location.pathname);
    return stash;
  }
  try {
    const kept = JSON.parse(sessionStorage.getItem(STASH) ?? 'null') as Stash | null;
    return kept && HANDOFF_ID.test(kept.id) && typeof kept.payload === 'string' ? kept : null;
  } catch {
    return null;
  }
};

/** The draft the kiosk handed over, as this phone keeps drafts, for the person signed in here. */
const draftFrom = (owner: string, content: HandoffContent): Draft | null => {
  const parsed = safeParse(Draft, {
    owner,
    procedureId: content.procedureId,
    procedureName: content.procedureName,
    definitionVersion: content.definitionVersion,
    values: content.values,
    provenance: content.provenance,
    prefilledCount: content.prefilledCount,
    updatedAt: new Date().toISOString(),
    ...(content.attachments ? { attachments: content.attachments } : {}),
  });
  return parsed.success ? parsed.data : null;
};

const REFUSALS = ['handoff-not-yours', 'handoff-used', 'handoff-expired', 'handoff-invalid', 'handoff-unknown'] as const;

/**
 * "Continue on your own phone" (docs/domain/kiosks.md, "Hand-off"), the phone's side: the QR code
 * scanned at the kiosk opens this page; once the person has signed in here, the backend gives the
 * form back to them (and only them, once), and it opens where they left it.
 */
export const HandoffPage = () => {
  const { t } = useTranslation('kiosk');
  usePageTitle(t('handoffPhone.title'));
  const navigate = useNavigate();
  const session = useSession();
  const [stash] = useState(takeFromAddress);
  const signedIn = session !== null && !isExpired(session);
  const redeem = useMutation({
    mutationFn: async ({ id, payload, owner }: Stash & { owner: string }) => {
      const content = await redeemHandoff(id, payload);
      const draft = draftFrom(owner, content);
      if (!draft) throw new Error('unreadable hand-off');
      await saveDraft(draft);
      return content;
    },
    networkMode: 'always',
    onSuccess: (content) => {
      sessionStorage.removeItem(STASH);
      void navigate(`/services/${encodeURIComponent(content.procedureId)}/apply${content.step === 'documents' ? '/documents' : ''}`, { replace: true });
    },
    onError: (error) => {
      // Refused for good: nothing to try again with.
      if (isApiError(error) && REFUSALS.some((code) => code === error.code)) sessionStorage.removeItem(STASH);
    },
  });
  const started = useRef(false);
  useEffect(() => {
    if (!stash || !signedIn || started.current) return;
    started.current = true;
    redeem.mutate({ ...stash, owner: session.sub });
  }, [stash, signedIn, session, redeem]);

  if (stash && !signedIn) return <Navigate to="/signin?returnTo=%2Fhandoff" replace />;
  const error = redeem.error;
  const code = isApiError(error) ? error.code : undefined;
  const refusal = REFUSALS.find((r) => r === code);
  const message = !stash
    ? t('handoffPhone.nothing')
    : refusal
      ? t(`handoffPhone.errors.${refusal}`)
      : isApiError(error) && error.kind === 'rate-limited'
        ? t('handoffPhone.errors.tooMany')
        : isApiError(error) && (error.kind === 'offline' || error.kind === 'network')
          ? t('handoffPhone.errors.offline')
          : error
            ? t('handoffPhone.errors.other')
            : null;
  return (
    <div className="handoff">
      <h1>{t('handoffPhone.title')}</h1>
      {message === null ? (
        <p className="loading" role="status">
          {t('handoffPhone.opening')}
        </p>
      ) : (
        <div className="error-summary" role="alert">
          <p>{message}</p>
        </div>
      )}
      {stash && error && !refusal ? (
        <button type="button" className="button button--primary" onClick={() => session && redeem.mutate({ ...stash, owner: session.sub })} disabled={redeem.isPending}>
          {t('handoffPhone.retry')}
        </button>
      ) : null}
      {message !== null ? (
        <p>
          <Link to="/services">{t('handoffPhone.services')}</Link>
        </p>
      ) : null}
    </div>
  );
};
