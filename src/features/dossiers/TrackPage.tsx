import { useEffect, useId, useRef, useState, type FormEvent, type RefObject } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DOSSIER_CODE, normaliseDossierCode, type TrackResult } from '../../api/dossiers/schema.ts';
import { trackQueryOptions } from '../../api/dossiers/queries.ts';
import { trackByReceipt } from '../../api/dossiers/requests.ts';
import { isApiError } from '../../api/errors.ts';
import { useSession } from '../../auth/session.ts';
import { deviceMode } from '../../auth/device.ts';
import { usePageTitle } from '../../components/layout/use-document-title.ts';
import { ErrorPanel } from '../../components/errors/ErrorPanel.tsx';
import { ErrorSummary } from '../../components/forms/ErrorSummary.tsx';
import { FieldFrame } from '../../components/forms/FieldFrame.tsx';
import { formatDate, formatTime } from '../../lib/format.ts';
import { OverdueChip, StatusChip } from './StatusChip.tsx';
import { Timeline } from './Timeline.tsx';
import { ProcedureName } from '../../components/procedure/ProcedureName.tsx';

type FieldError = 'codeRequired' | 'codeFormat' | 'phoneRequired' | 'phoneFormat';

/** What the form would send, or why it cannot: codes are normalised, digits must be exactly four. */
export const validateTrackForm = (rawCode: string, rawPhone: string): { code: string; phone: string; errors: { code?: FieldError; phone?: FieldError } } => {
  const code = normaliseDossierCode(rawCode);
  const phone = rawPhone.replace(/\s+/g, '');
  const errors: { code?: FieldError; phone?: FieldError } = {};
  if (!code) errors.code = 'codeRequired';
  else if (!DOSSIER_CODE.test(code)) errors.code = 'codeFormat';
  if (!phone) errors.phone = 'phoneRequired';
  else if (!/^\d{4}$/.test(phone)) errors.phone = 'phoneFormat';
  return { code, phone, errors };
};

/** Public look-up by code and the last four digits of the applicant's phone; no sign-in. */
export const TrackPage = () => {
  const { t } = useTranslation('dossiers');
  usePageTitle(t('track.title'));
  const [params, setParams] = useSearchParams();
  const session = useSession();
  // Opened from a receipt's QR code (/track?r=<token>): looked up by that token alone. The token
  // leaves the address at once (history, a screenshot of the bar); the look-up keeps it.
  const [receipt, setReceipt] = useState(() => params.get('r'));
  useEffect(() => {
    if (params.has('r')) setParams({}, { replace: true });
  }, [params, setParams]);
  const id = useId();
  const [code, setCode] = useState(() => normaliseDossierCode(params.get('code') ?? ''));
  const [phone, setPhone] = useState('');
  const [errors, setErrors] = useState<{ code?: FieldError; phone?: FieldError }>({});
  const [submitted, setSubmitted] = useState<{ code: string; phone: string; attempt: number } | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);

  const track = useQuery({
    ...trackQueryOptions(submitted?.code ?? '', submitted?.phone ?? ''),
    enabled: submitted !== null,
    // Offline is an answer in itself: fail at once instead of waiting paused.
    networkMode: 'always',
    retry: false,
    // On a hall kiosk a look-up is not kept once its page is left: the next person at the screen
    // must not find the last one's answer, and a look-up asked again is asked of the office.
    ...(deviceMode() === 'kiosk' ? { gcTime: 0 } : {}),
  });

  const byReceipt = useQuery({
    queryKey: ['track-receipt', receipt],
    queryFn: ({ signal }) => trackByReceipt(receipt ?? '', signal),
    enabled: receipt !== null && submitted === null,
    networkMode: 'always',
    retry: false,
    gcTime: 0,
  });
  const active = receipt !== null && submitted === null ? byReceipt : track;
  const outcome = receipt === null && submitted === null ? 'idle' : active.isFetching ? 'searching' : active.isError ? 'error' : active.data ? 'found' : 'searching';
  useEffect(() => {
    if (outcome === 'found' || outcome === 'error') resultRef.current?.focus();
  }, [outcome, submitted?.attempt]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validateTrackForm(code, phone);
    setCode(checked.code);
    setErrors(checked.errors);
    if (checked.errors.code || checked.errors.phone) {
      setSubmitted(null);
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setReceipt(null);
    setSubmitted((previous) => ({ code: checked.code, phone: checked.phone, attempt: (previous?.attempt ?? 0) + 1 }));
    if (submitted?.code === checked.code && submitted.phone === checked.phone) void track.refetch();
  };

  const codeId = `${id}-code`;
  const phoneId = `${id}-phone`;
  const errorList = (['code', 'phone'] as const).filter((f) => errors[f]);

  return (
    <div className="track">
      <h1>{t('track.title')}</h1>
      <p className="lead">{t('track.lead')}</p>
      {errorList.length > 0 ? (
        <ErrorSummary
          ref={summaryRef}
          title={t('track.errorTitle')}
          items={errorList.map((f) => ({ key: f, target: f === 'code' ? codeId : phoneId, text: t(`track.errors.${errors[f] as FieldError}`) }))}
        />
      ) : null}
      <form className="track__form card" noValidate onSubmit={onSubmit}>
        <FieldFrame id={codeId} label={t('track.code')} hint={t('track.codeHint')} error={errors.code ? t(`track.errors.${errors.code}`) : undefined}>
          {(describedBy, invalid) => (
            <input
              id={codeId}
              name="code"
              type="text"
              className="input--code"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              aria-invalid={invalid || undefined}
              aria-describedby={describedBy}
            />
          )}
        </FieldFrame>
        <FieldFrame id={phoneId} label={t('track.phone')} hint={t('track.phoneHint')} error={errors.phone ? t(`track.errors.${errors.phone}`) : undefined}>
          {(describedBy, invalid) => (
            <input
              id={phoneId}
              name="phone"
              type="text"
              inputMode="numeric"
              className="input--short"
              value={phone}
              onChange={(e) => setPhone(e.target.value)}
              autoComplete="off"
              aria-invalid={invalid || undefined}
              aria-describedby={describedBy}
            />
          )}
        </FieldFrame>
        <button type="submit" className="button button--block" disabled={outcome === 'searching'}>
          {outcome === 'searching' ? t('track.searching') : t('track.submit')}
        </button>
      </form>
      <p role="status" className="visually-hidden">
        {outcome === 'searching' ? t('track.searching') : ''}
      </p>
      <div className="track__results">
        {outcome === 'error' ? <TrackError error={active.error} headingRef={resultRef} onRetry={() => void active.refetch()} /> : null}
        {outcome === 'found' && active.data ? <TrackResultView result={active.data} headingRef={resultRef} /> : null}
      </div>
      {session ? (
        <p className="hint">
          {t('track.signedInHint')} <Link to="/dossiers">{t('track.myDossiers')}</Link>
        </p>
      ) : null}
    </div>
  );
};

const RECEIPT_REFUSALS: Record<string, 'invalid' | 'unknown' | 'revoked' | 'expired'> = {
  'invalid-receipt-token': 'invalid',
  'receipt-token-unknown': 'unknown',
  'receipt-token-revoked': 'revoked',
  'receipt-token-expired': 'expired',
};

const TrackError = ({ error, headingRef, onRetry }: { error: unknown; headingRef: RefObject<HTMLHeadingElement | null>; onRetry: () => void }) => {
  const { t, i18n } = useTranslation('dossiers');
  const kind = isApiError(error) ? error.kind : 'unknown';
  // A receipt's QR code that is not ours, unknown, replaced by a newer receipt, or expired.
  const receiptRefusal = isApiError(error) ? RECEIPT_REFUSALS[error.code ?? ''] : undefined;
  if (receiptRefusal) {
    return (
      <div className="error-summary" role="alert">
        <h2 ref={headingRef} tabIndex={-1}>
          {t(`track.receipt.${receiptRefusal}Title`)}
        </h2>
        <p>{t(`track.receipt.${receiptRefusal}Body`)}</p>
      </div>
    );
  }
  // Too many wrong guesses for this code, or too many look-ups from here: say until when.
  if (kind === 'rate-limited') {
    const retryAt = isApiError(error) ? error.retryAt : undefined;
    return (
      <div className="error-summary" role="alert">
        <h2 ref={headingRef} tabIndex={-1}>
          {t('track.lockedTitle')}
        </h2>
        <p>{retryAt ? t('track.lockedBody', { time: formatTime(retryAt, i18n.language) }) : t('track.lockedBodyNoTime')}</p>
      </div>
    );
  }
  // A wrong code and a wrong phone look alike, so nobody can probe which one exists.
  if (kind === 'not-found' || kind === 'client' || kind === 'malformed' || kind === 'invalid-input') {
    return (
      <div className="error-summary" role="alert">
        <h2 ref={headingRef} tabIndex={-1}>
          {t('track.notFound')}
        </h2>
        <p>{t('track.notFoundBody')}</p>
      </div>
    );
  }
  if (kind === 'offline' || (kind === 'network' && !navigator.onLine)) {
    return (
      <div className="notice" role="alert">
        <h2 ref={headingRef} tabIndex={-1}>
          {t('track.result')}
        </h2>
        <p>{t('track.offline')}</p>
      </div>
    );
  }
  return <ErrorPanel error={error} onRetry={onRetry} headingLevel="h2" />;
};

const TrackResultView = ({ result: r, headingRef }: { result: TrackResult; headingRef: RefObject<HTMLHeadingElement | null> }) => {
  const { t, i18n } = useTranslation('dossiers');
  const lng = i18n.language;
  return (
    <section className="card track__result" aria-labelledby="track-result">
      <h2 id="track-result" ref={headingRef} tabIndex={-1}>
        {t('track.result')}
      </h2>
      <p className="code code--large">{r.code}</p>
      <p>
        <span className="visually-hidden">{t('fields.status')}: </span>
        <StatusChip status={r.status} />
        {r.overdue ? <OverdueChip /> : null}
      </p>
      <dl className="facts">
        <div>
          <dt>{t('fields.procedure')}</dt>
          <dd>
            <ProcedureName procedure={{ name: r.procedureName }} />
          </dd>
        </div>
        <div>
          <dt>{t('fields.agency')}</dt>
          <dd>
            <ProcedureName procedure={{ name: r.agencyName }} />
          </dd>
        </div>
        <div>
          <dt>{t('fields.submittedOn')}</dt>
          <dd>{formatDate(r.submittedAt, lng)}</dd>
        </div>
        <div>
          <dt>{t('fields.dueOn')}</dt>
          <dd>{r.dueOn ? formatDate(r.dueOn, lng) : t('noDueDate')}</dd>
        </div>
      </dl>
      {r.overdue ? (
        <div className="warning" role="note">
          <p>
            <strong>{t('overdue')}.</strong> {t('detail.overdueWarning')}
          </p>
        </div>
      ) : null}
      <h3 id="track-timeline">{t('timeline.title')}</h3>
      <Timeline events={r.events} headingId="track-timeline" />
      {r.rating ? <TrackRating result={r} invitation={r.rating} /> : null}
    </section>
  );
};

/**
 * A finished dossier may be rated by whoever just looked it up, without signing in: the token
 * the look-up gave goes to the rating page in the router's state (never in the address). At the
 * counter's kiosk the channel says so.
 */
const TrackRating = ({ result: r, invitation }: { result: TrackResult; invitation: NonNullable<TrackResult['rating']> }) => {
  const { t } = useTranslation('dossiers');
  if (invitation.rated) return <p className="notice">{t('rating.trackRated')}</p>;
  const channel = deviceMode() === 'kiosk' ? 'kiosk' : 'counter';
  return (
    <div className="track__rate">
      <h3>{t('rating.title')}</h3>
      <p>{t('rating.lead')}</p>
      <Link
        to={`/dossiers/${encodeURIComponent(r.code)}/rate`}
        state={{ ratingToken: invitation.token, procedureName: r.procedureName, channel }}
        className="button button--primary"
      >
        {t('rating.action')}
      </Link>
    </div>
  );
};
