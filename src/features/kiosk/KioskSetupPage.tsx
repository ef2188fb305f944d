import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { enrolKiosk, readEnrolment, unlockKiosk } from '../../api/kiosk/requests.ts';
import { isApiError } from '../../api/errors.ts';
import { forgetKioskConfig, saveKioskConfig } from '../../auth/kiosk-store.ts';
import { wipePersonalData } from '../../auth/wipe.ts';
import { FieldFrame } from '../../components/forms/FieldFrame.tsx';
import { Keypad, typeInto } from '../../components/kiosk/Keypad.tsx';
import { usePageTitle } from '../../components/layout/use-document-title.ts';

type SetupErrorKey =
  | 'codeRequired'
  | 'enrolment-code-invalid'
  | 'enrolment-code-expired'
  | 'enrolment-tries-exceeded'
  | 'pinFormat'
  | 'pin-wrong'
  | 'pin-tries-exceeded'
  | 'kiosk-unknown'
  | 'offline'
  | 'other';

const KNOWN: readonly string[] = ['enrolment-code-invalid', 'enrolment-code-expired', 'enrolment-tries-exceeded', 'pin-wrong', 'pin-tries-exceeded', 'kiosk-unknown'];

/** A refusal as the message staff read: which one, how many tries are left, how long to wait. */
export const setupError = (error: unknown, now = Date.now()): { key: SetupErrorKey; count: number; minutes: number } => {
  if (!isApiError(error)) return { key: 'other', count: 0, minutes: 0 };
  if (error.kind === 'offline' || error.kind === 'network' || error.kind === 'timeout') return { key: 'offline', count: 0, minutes: 0 };
  const key = error.code && KNOWN.includes(error.code) ? (error.code as SetupErrorKey) : 'other';
  const tries = error.details?.triesLeft;
  const minutes = error.retryAt ? Math.max(1, Math.ceil((error.retryAt.getTime() - now) / 60_000)) : 0;
  return { key, count: typeof tries === 'number' ? tries : 0, minutes };
};

/** /kiosk/setup: staff enrol this device with the centre's code, or leave kiosk mode with the PIN. */
export const KioskSetupPage = () => {
  const { t } = useTranslation('kiosk');
  usePageTitle(t('setup.title'));
  const enrolment = readEnrolment();
  return enrolment ? <Leave centre={enrolment.centre.name} kioskId={enrolment.kioskId} /> : <Enrol />;
};

const Message = ({ id, error }: { id: string; error: { key: SetupErrorKey; count: number; minutes: number } }) => {
  const { t } = useTranslation('kiosk');
  return (
    <p className="field-error kiosk-error" id={id} role="alert">
      {t(`setup.errors.${error.key}`, { count: error.count, minutes: error.minutes })}
    </p>
  );
};

const Enrol = () => {
  const { t } = useTranslation('kiosk');
  const [code, setCode] = useState('');
  const [missing, setMissing] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  const enrol = useMutation({
    mutationFn: enrolKiosk,
    networkMode: 'always',
    onSuccess: async (config) => {
      // Whatever a person left on this device before it became a kiosk goes now.
      await wipePersonalData();
      saveKioskConfig(config);
      // The kiosk layout and rules load with the next page: start it afresh at the home screen.
      window.location.replace('/kiosk');
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(code.trim() === '');
    if (code.trim() !== '') enrol.mutate(code);
  };
  const error = missing ? { key: 'codeRequired' as const, count: 0, minutes: 0 } : enrol.isError ? setupError(enrol.error) : undefined;
  return (
    <div className="kiosk-setup">
      <h1>{t('setup.title')}</h1>
      <p className="lead">{t('setup.lead')}</p>
      <form className="card" noValidate onSubmit={onSubmit}>
        <FieldFrame id="kiosk-code" label={t('setup.code')} hint={t('setup.codeHint')}>
          {(describedBy) => (
            <input
              ref={field}
              id="kiosk-code"
              name="code"
              type="text"
              className="input--code"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              aria-invalid={error ? true : undefined}
              aria-describedby={[describedBy, error ? 'kiosk-code-error' : null].filter(Boolean).join(' ') || undefined}
            />
          )}
        </FieldFrame>
        {error ? <Message id="kiosk-code-error" error={error} /> : null}
        {/* Not a kiosk yet (no docked keypad): the device may have no keyboard either. */}
        <Keypad
          mode="alphanumeric"
          labels={{ keypad: t('keypad.keypad'), backspace: t('keypad.backspace'), clear: t('keypad.clear'), done: t('keypad.done') }}
          onKey={(key) => field.current && typeInto(field.current, field.current.value + key)}
          onBackspace={() => field.current && typeInto(field.current, field.current.value.slice(0, -1))}
          onClear={() => field.current && typeInto(field.current, '')}
          onDone={() => field.current?.form?.requestSubmit()}
        />
        <button type="submit" className="button button--primary button--block" disabled={enrol.isPending}>
          {enrol.isPending ? t('setup.enrolling') : t('setup.submit')}
        </button>
      </form>
    </div>
  );
};

const Leave = ({ centre, kioskId }: { centre: string; kioskId: string }) => {
  const { t } = useTranslation('kiosk');
  const [pin, setPin] = useState('');
  const [badFormat, setBadFormat] = useState(false);
  const leave = useMutation({
    mutationFn: unlockKiosk,
    networkMode: 'always',
    onSuccess: async () => {
      await wipePersonalData();
      forgetKioskConfig();
      window.location.replace('/');
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const ok = /^\d{4,8}$/.test(pin);
    setBadFormat(!ok);
    if (ok) leave.mutate(pin);
  };
  const error = badFormat ? { key: 'pinFormat' as const, count: 0, minutes: 0 } : leave.isError ? setupError(leave.error) : undefined;
  if (error?.key === 'kiosk-unknown') {
    // The backend no longer knows this kiosk (retired elsewhere): it is no kiosk any more.
    forgetKioskConfig();
  }
  return (
    <div className="kiosk-setup">
      <h1>{t('setup.title')}</h1>
      <p className="lead">{t('setup.enrolled', { centre, kioskId })}</p>
      <p>
        <Link className="button button--secondary" to="/kiosk" replace>
          {t('setup.toHome')}
        </Link>
      </p>
      <form className="card" noValidate onSubmit={onSubmit}>
        <h2>{t('setup.leaveTitle')}</h2>
        <p>{t('setup.leaveLead')}</p>
        <FieldFrame id="kiosk-pin" label={t('setup.pin')} hint={t('setup.pinHint')}>
          {(describedBy) => (
            <input
              id="kiosk-pin"
              name="pin"
              type="password"
              inputMode="numeric"
              data-keypad="numeric"
              className="input--short"
              maxLength={8}
              value={pin}
              onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
              autoComplete="off"
              aria-invalid={error ? true : undefined}
              aria-describedby={[describedBy, error ? 'kiosk-pin-error' : null].filter(Boolean).join(' ') || undefined}
            />
          )}
        </FieldFrame>
        {error ? <Message id="kiosk-pin-error" error={error} /> : null}
        <button type="submit" className="button button--danger button--block" disabled={leave.isPending}>
          {leave.isPending ? t('setup.leaving') : t('setup.leave')}
        </button>
      </form>
    </div>
  );
};
