import { useEffect, useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CONSENT_CODE, CONSENT_DEFAULT_MINUTES, CONSENT_MINUTES, DATA_SCOPES, type Consent, type DataScope } from '../../api/assisted/schema.ts';
import { confirmConsent, exchangeConsent, startConsent } from '../../api/assisted/requests.ts';
import { volunteerClaims } from '../../api/assisted/volunteer.ts';
import { catalogueQueryOptions } from '../../api/procedures/queries.ts';
import { isApiError } from '../../api/errors.ts';
import { consentGone, useActingSession, useOwnSession, type ConsentGone } from '../../auth/session.ts';
import { listAssistedWaiting, subscribeOutbox } from '../../offline/outbox.ts';
import type { OutboxItem } from '../../offline/personal-db.ts';
import { FieldFrame } from '../../components/forms/FieldFrame.tsx';
import { SentForResident } from './SentForResident.tsx';
import { usePageTitle } from '../../components/layout/use-document-title.ts';
import { readHelpDraft, saveHelpDraft, startActing, type HelpDraft } from './start-acting.ts';

/** The refusals the volunteer reads, each in their language (locales/<lng>/assisted.json errors.*). */
const KNOWN = [
  'not-a-volunteer',
  'resident-not-found',
  'cannot-assist-self',
  'no-phone-on-record',
  'phone-not-on-record',
  'volunteers-own-phone',
  'too-many-codes',
  'consent-code-wrong',
  'consent-code-expired',
  'consent-code-tries-exceeded',
  'exchange-refused',
  'unknown-procedure',
] as const;
type ErrorKey = (typeof KNOWN)[number] | 'offline' | 'other';

export const errorOf = (error: unknown): { key: ErrorKey; count: number; minutes: number } => {
  if (!isApiError(error)) return { key: 'other', count: 0, minutes: 0 };
  if (error.kind === 'offline' || error.kind === 'network' || error.kind === 'timeout') return { key: 'offline', count: 0, minutes: 0 };
  const key = (KNOWN as readonly string[]).includes(error.code ?? '') ? (error.code as ErrorKey) : 'other';
  const tries = error.details?.triesLeft;
  const minutes = error.retryAt ? Math.max(1, Math.ceil((error.retryAt.getTime() - Date.now()) / 60_000)) : 0;
  return { key, count: typeof tries === 'number' ? tries : 0, minutes };
};

/** Leaving for the provider failed: no signal, or the provider did not answer. */
const signInErrorOf = (error: unknown): { key: ErrorKey; count: number; minutes: number } => ({
  key: (error as { reason?: unknown } | null)?.reason === 'network' || !navigator.onLine ? 'offline' : 'other',
  count: 0,
  minutes: 0,
});

const time = (at: number, lng: string) => new Intl.DateTimeFormat(lng, { hour: '2-digit', minute: '2-digit', hour12: false }).format(at);

/**
 * /assist: a volunteer of a community digital-technology team starts helping a resident
 * (docs/domain/assisted.md): what will be filed, which data, for how long — said on screen and in
 * the SMS — then the code the resident received; the app then acts as the resident.
 */
export const HelpPage = () => {
  const { t } = useTranslation('assisted');
  usePageTitle(t('title'));
  const own = useOwnSession();
  const acting = useActingSession();
  const [params] = useSearchParams();
  if (!own) return <Navigate to={`/signin?returnTo=${encodeURIComponent('/assist')}`} replace />;
  const volunteer = volunteerClaims(own.idToken);
  if (!volunteer) {
    return (
      <div className="assisted">
        <h1>{t('title')}</h1>
        <p className="notice notice--warning" role="alert">
          {t('notVolunteer')}
        </p>
      </div>
    );
  }
  return (
    <div className="assisted">
      <h1>{t('title')}</h1>
      {params.get('ended') ? (
        <p className="notice" role="status">
          {t('ended')}
        </p>
      ) : null}
      {acting ? (
        <>
          <p className="notice" role="status">
            {t('stillHelping', { name: acting.name })} <Link to="/services">{t('continue')}</Link>
          </p>
          <SentForResident owner={acting.sub} name={acting.name} />
        </>
      ) : (
        <Start volunteer={volunteer} ownToken={own.accessToken} ownSub={own.sub} />
      )}
      <Waiting />
    </div>
  );
};

const Start = ({ volunteer, ownToken, ownSub }: { volunteer: { name: string; team: string }; ownToken: string; ownSub: string }) => {
  const { t, i18n } = useTranslation('assisted');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const catalogue = useQuery(catalogueQueryOptions());
  // Back from a resident's sign-in that did not go through: the choices as they were.
  const [draft] = useState(readHelpDraft);
  const [method, setMethod] = useState<HelpDraft['method']>(draft?.method ?? 'sms');
  const [idNumber, setIdNumber] = useState('');
  const [procedureId, setProcedureId] = useState(draft?.procedureId ?? '');
  const [data, setData] = useState<DataScope[]>(draft?.data ?? ['identity', 'residence', 'contact']);
  const [minutes, setMinutes] = useState<(typeof CONSENT_MINUTES)[number]>(draft?.minutes ?? CONSENT_DEFAULT_MINUTES);
  const [invalid, setInvalid] = useState<{ idNumber?: boolean; procedure?: boolean; data?: boolean }>({});
  const [pending, setPending] = useState<Consent | null>(null);
  const [code, setCode] = useState('');
  const [openedAt] = useState(() => Date.now());
  const procedures = catalogue.data?.procedures ?? [];
  const procedureName = procedures.find((p) => p.id === procedureId)?.name ?? '';

  const start = useMutation({
    mutationFn: () => startConsent({ residentIdNumber: idNumber.replace(/\s/g, ''), scope: { procedures: [procedureId], data }, minutes }, ownToken),
    networkMode: 'always',
    onSuccess: (consent) => {
      setPending(consent);
      setCode('');
    },
  });
  const confirm = useMutation({
    mutationFn: async () => {
      const grant = await confirmConsent(pending?.id ?? '', code.trim(), ownToken);
      const delegation = await exchangeConsent(grant.consentToken, ownToken);
      return { grant, delegation };
    },
    networkMode: 'always',
    onSuccess: async ({ grant, delegation }) => {
      await navigate(await startActing(queryClient, grant, delegation, ownSub));
    },
  });
  // The other way: the resident signs in with their own VNeID on this phone (the page leaves for
  // the provider, and comes back to /assist/signed-in, which records the consent).
  const signIn = useMutation({
    mutationFn: async () => {
      saveHelpDraft({ method: 'sign-in', procedureId, data, minutes });
      const { startResidentSignIn } = await import('../../auth/resident-sign-in.ts');
      await startResidentSignIn({ procedures: [procedureId], data, minutes });
    },
    networkMode: 'always',
  });

  const onStart = (event: FormEvent) => {
    event.preventDefault();
    const next = { idNumber: method === 'sms' && !/^\d{12}$/.test(idNumber.replace(/\s/g, '')), procedure: procedureId === '', data: data.length === 0 };
    setInvalid(next);
    if (next.idNumber || next.procedure || next.data) return;
    if (method === 'sign-in') signIn.mutate();
    else start.mutate();
  };
  const onConfirm = (event: FormEvent) => {
    event.preventDefault();
    if (new RegExp(`^\\d{${CONSENT_CODE.digits}}$`).test(code.trim())) confirm.mutate();
  };
  const until = time(openedAt + minutes * 60_000, i18n.language);
  const startError = method === 'sign-in' ? (signIn.isError ? signInErrorOf(signIn.error) : undefined) : start.isError ? errorOf(start.error) : undefined;
  const confirmError = confirm.isError ? errorOf(confirm.error) : undefined;

  if (pending) {
    const dead = confirmError && (confirmError.key === 'consent-code-expired' || confirmError.key === 'consent-code-tries-exceeded');
    return (
      <form className="card" noValidate onSubmit={onConfirm}>
        <h2>{t('code.title')}</h2>
        <p>{t('code.sent', { phone: pending.sentTo ?? '' })}</p>
        <FieldFrame id="assisted-code" label={t('code.label')} hint={t('code.hint')} error={confirmError ? t(`errors.${confirmError.key}`, { count: confirmError.count, minutes: confirmError.minutes }) : undefined}>
          {(describedBy, isInvalid) => (
            <input
              id="assisted-code"
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={CONSENT_CODE.digits}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              aria-invalid={isInvalid || undefined}
              aria-describedby={describedBy}
            />
          )}
        </FieldFrame>
        {dead ? (
          <button type="button" className="button button--primary button--block" onClick={() => start.mutate()}>
            {t('code.again')}
          </button>
        ) : (
          <button type="submit" className="button button--primary button--block" disabled={confirm.isPending}>
            {confirm.isPending ? t('code.confirming') : t('code.confirm')}
          </button>
        )}
        <button type="button" className="button button--secondary button--block" onClick={() => setPending(null)}>
          {t('code.back')}
        </button>
      </form>
    );
  }

  return (
    <form className="card" noValidate onSubmit={onStart}>
      <p className="lead">{t(method === 'sms' ? 'lead' : 'leadSignIn')}</p>
      <fieldset className="field">
        <legend>{t('method.legend')}</legend>
        <div className="choices">
          <label className="choice">
            <input type="radio" name="method" value="sms" checked={method === 'sms'} onChange={() => setMethod('sms')} />
            <span>{t('method.sms')}</span>
          </label>
          <label className="choice">
            <input type="radio" name="method" value="sign-in" checked={method === 'sign-in'} onChange={() => setMethod('sign-in')} />
            <span>{t('method.signIn')}</span>
          </label>
        </div>
      </fieldset>
      {method === 'sms' ? (
        <FieldFrame id="assisted-id" label={t('form.idNumber')} hint={t('form.idNumberHint')} error={invalid.idNumber ? t('form.idNumberInvalid') : undefined}>
          {(describedBy, isInvalid) => (
            <input id="assisted-id" name="idNumber" inputMode="numeric" autoComplete="off" value={idNumber} onChange={(e) => setIdNumber(e.target.value)} aria-invalid={isInvalid || undefined} aria-describedby={describedBy} />
          )}
        </FieldFrame>
      ) : null}
      <FieldFrame id="assisted-procedure" label={t('form.procedure')} error={invalid.procedure ? t('form.procedureRequired') : undefined}>
        {(describedBy, isInvalid) => (
          <select id="assisted-procedure" name="procedure" value={procedureId} onChange={(e) => setProcedureId(e.target.value)} aria-invalid={isInvalid || undefined} aria-describedby={describedBy}>
            <option value="">{t('form.choose')}</option>
            {procedures.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        )}
      </FieldFrame>
      <fieldset className="field">
        <legend>{t('form.data')}</legend>
        {invalid.data ? (
          <p className="field-error" role="alert">
            {t('form.dataRequired')}
          </p>
        ) : null}
        {DATA_SCOPES.map((scope) => (
          <label key={scope} className="checkbox">
            <input type="checkbox" checked={data.includes(scope)} onChange={(e) => setData((d) => (e.target.checked ? [...d, scope] : d.filter((x) => x !== scope)))} />{' '}
            {t(`data.${scope}`)}
          </label>
        ))}
      </fieldset>
      <FieldFrame id="assisted-minutes" label={t('form.minutes')}>
        {(describedBy) => (
          <select id="assisted-minutes" name="minutes" value={minutes} onChange={(e) => setMinutes(Number(e.target.value) as (typeof CONSENT_MINUTES)[number])} aria-describedby={describedBy}>
            {CONSENT_MINUTES.map((m) => (
              <option key={m} value={m}>
                {t('form.minutesOption', { count: m })}
              </option>
            ))}
          </select>
        )}
      </FieldFrame>
      <section className="notice" aria-labelledby="assisted-consent-title">
        <h2 id="assisted-consent-title">{t('consent.title')}</h2>
        <p>{t('consent.who', { name: volunteer.name, team: volunteer.team })}</p>
        <p>{t('consent.what', { procedure: procedureName || '—' })}</p>
        <p>{t('consent.data', { data: data.map((d) => t(`data.${d}`)).join(', ') || '—' })}</p>
        <p>{t('consent.until', { time: until })}</p>
        <p>{t(method === 'sms' ? 'consent.sms' : 'consent.signIn')}</p>
      </section>
      {startError ? (
        <p className="field-error" role="alert">
          {t(`errors.${startError.key}`, { count: startError.count, minutes: startError.minutes })}
        </p>
      ) : null}
      {method === 'sms' ? (
        <button type="submit" className="button button--primary button--block" disabled={start.isPending}>
          {start.isPending ? t('form.sending') : t('form.send')}
        </button>
      ) : (
        <button type="submit" className="button button--primary button--block" disabled={signIn.isPending}>
          {signIn.isPending ? t('form.opening') : t('form.signIn')}
        </button>
      )}
    </form>
  );
};

/** Why a resident's dossier cannot go, by the backend's word for a consent that no longer holds. */
const GONE = { 'consent-revoked': 'waiting.revoked', 'consent-ended': 'waiting.ended', 'consent-expired': 'waiting.expired' } as const satisfies Record<ConsentGone, string>;

/** Where one waiting dossier is: on its way, refused by the office, or stopped by the resident's consent. */
const WaitingState = ({ item }: { item: OutboxItem & { residentName: string } }) => {
  const { t } = useTranslation('assisted');
  const gone = consentGone(item.lastError?.code);
  // Not the office's refusal: the consent no longer holds (revoked, ended, expired); the dossier is kept.
  if (gone)
    return (
      <span className="field-error" role="alert">
        {t(GONE[gone], { name: item.residentName })}
      </span>
    );
  if (item.state === 'failed') return <span className="field-error">{t('waiting.refused')}</span>;
  return <span>{t('waiting.queued')}</span>;
};

/** Residents' dossiers waiting on this phone for the signal, and what to do when one cannot go. */
const Waiting = () => {
  const { t } = useTranslation('assisted');
  const acting = useActingSession();
  const queryClient = useQueryClient();
  const waiting = useQuery({ queryKey: ['assisted-waiting'], queryFn: listAssistedWaiting, networkMode: 'always', gcTime: 0 });
  useEffect(() => subscribeOutbox(() => void queryClient.invalidateQueries({ queryKey: ['assisted-waiting'] })), [queryClient]);
  const items = waiting.data ?? [];
  if (items.length === 0) return null;
  return (
    <section className="card" aria-labelledby="assisted-waiting-title">
      <h2 id="assisted-waiting-title">{t('waiting.title', { count: items.length })}</h2>
      {/* Sent later, once the help is over: this phone keeps nothing to show the resident. */}
      {acting ? null : <p className="hint">{t('waiting.receiptBySms')}</p>}
      <ul className="assisted-waiting">
        {items.map((item) => (
          <li key={item.id}>
            <strong>{item.procedureName}</strong> — {item.residentName}
            <br />
            <WaitingState item={item} />
          </li>
        ))}
      </ul>
    </section>
  );
};
