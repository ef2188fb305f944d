import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { safeParse } from 'zod/mini';
import { Dossier, normaliseDossierCode } from '../../api/dossiers/schema.ts';
import { dossierQueryOptions } from '../../api/dossiers/queries.ts';
import { isApiError } from '../../api/errors.ts';
import { dossierRatingQueryOptions, ratingCriteriaQueryOptions, ratingKeys } from '../../api/ratings/queries.ts';
import { rateDossier } from '../../api/ratings/requests.ts';
import { RateDossier, RatingChannel, StoredRating, isRatable, type RatingCriteria } from '../../api/ratings/schema.ts';
import { afterRatingSent } from '../../api/stats/queries.ts';
import { deviceMode } from '../../auth/device.ts';
import { useSession } from '../../auth/session.ts';
import { usePageTitle } from '../../components/layout/use-document-title.ts';
import { BackLink } from '../../components/layout/BackLink.tsx';
import { enqueue } from '../../offline/outbox.ts';
import { deleteOutboxItem, loadSnapshot, type OutboxItem } from '../../offline/personal-db.ts';
import { useOutbox } from '../../offline/use-outbox.ts';
import { EMPTY_ANSWERS, answersFrom, ratingBody, type Answers } from './answers.ts';
import { GivenRating } from './GivenRating.tsx';
import { GivenPanel, RefusalSummary, useRefusalText } from './Outcome.tsx';
import { RatingForm } from './RatingForm.tsx';
import { ProcedureName } from '../../components/procedure/ProcedureName.tsx';

/**
 * What a public look-up hands to this page (router state, never the URL): the token that lets
 * the same person rate that one finished dossier without signing in, and what to show of it.
 */
interface Invitation {
  ratingToken: string;
  procedureName: string;
  channel: RatingChannel;
}

const invitationOf = (state: unknown): Invitation | null => {
  if (!state || typeof state !== 'object') return null;
  const { ratingToken, procedureName, channel } = state as Record<string, unknown>;
  const parsedChannel = safeParse(RatingChannel, channel);
  return typeof ratingToken === 'string' && ratingToken && typeof procedureName === 'string' && parsedChannel.success
    ? { ratingToken, procedureName, channel: parsedChannel.data }
    : null;
};

/** The channel of a signed-in rating: this app online, or the kiosk / assisted device it runs on. */
const signedInChannel = (): RatingChannel => {
  const mode = deviceMode();
  return mode === 'kiosk' ? 'kiosk' : mode === 'assisted' ? 'assisted' : 'online';
};

/** /dossiers/:code/rate — rating a finished dossier: signed in (through the outbox) or after a look-up. */
export const RatePage = () => {
  const { code: raw = '' } = useParams();
  const code = normaliseDossierCode(raw);
  const { t } = useTranslation('rating');
  const location = useLocation();
  const session = useSession();
  usePageTitle(t('title'));
  const invitation = invitationOf(location.state);
  const criteria = useQuery(ratingCriteriaQueryOptions());
  const back = invitation || !session ? `/track?code=${encodeURIComponent(code)}` : `/dossiers/${encodeURIComponent(code)}`;
  return (
    <div className="rate">
      <BackLink to={back}>{invitation || !session ? t('backToTrack') : t('back')}</BackLink>
      <h1>{t('title')}</h1>
      {invitation ? (
        <AnonymousRating code={code} invitation={invitation} criteria={criteria} />
      ) : session ? (
        <CitizenRating code={code} owner={session.sub} criteria={criteria} />
      ) : (
        <section className="notice" aria-labelledby="rate-sign-in">
          <h2 id="rate-sign-in">{t('signInTitle')}</h2>
          <p>{t('signInBody')}</p>
          <p>
            <Link to={`/signin?returnTo=${encodeURIComponent(`/dossiers/${code}/rate`)}`} className="button button--primary">
              {t('signIn')}
            </Link>{' '}
            <Link to={`/track?code=${encodeURIComponent(code)}`} className="button button--secondary">
              {t('trackLink')}
            </Link>
          </p>
        </section>
      )}
    </div>
  );
};

const Lead = ({ code, procedureName }: { code: string; procedureName?: string | undefined }) => {
  const { t } = useTranslation('rating');
  return (
    <p className="lead">
      {procedureName ? (
        <>
          <ProcedureName procedure={{ name: procedureName }} />
          <br />
        </>
      ) : null}
      <span className="dossier-code">{t('lead', { code })}</span>
    </p>
  );
};

/** Moves the focus to a panel that replaces the form (its heading), so a screen reader hears it. */
const useFocusOn = (key: string | null) => {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (key) ref.current?.focus();
  }, [key]);
  return ref;
};

// ---------------------------------------------------------------------------------------------
// Signed in: the rating goes into the outbox and is sent once, now or when the signal returns.
// ---------------------------------------------------------------------------------------------

const CitizenRating = ({ code, owner, criteria }: { code: string; owner: string; criteria: UseQueryResult<RatingCriteria> }) => {
  const { t } = useTranslation('rating');
  const queryClient = useQueryClient();
  const dossierQuery = useQuery(dossierQueryOptions(owner, code));
  // Offline on a fresh page: the device's last copy of the dossier (saved by the dossier pages).
  const offlineCopy = useQuery({
    queryKey: ['ratings', 'dossier-copy', owner, code],
    queryFn: async () => {
      const stored = await loadSnapshot(owner, `dossier:${code}`);
      const parsed = stored ? safeParse(Dossier, stored.data) : undefined;
      return parsed?.success ? parsed.data : null;
    },
    enabled: dossierQuery.data === undefined && (dossierQuery.isError || dossierQuery.fetchStatus === 'paused'),
    networkMode: 'always',
  });
  const dossier = dossierQuery.data ?? offlineCopy.data ?? undefined;
  const given = useQuery(dossierRatingQueryOptions(owner, code));
  const { items } = useOutbox(owner);
  const pending = items.find((i) => i.type === 'rating' && i.dossierCode === code);
  const [answers, setAnswers] = useState<Answers>(EMPTY_ANSWERS);
  const [sentHere, setSentHere] = useState(false);
  const [saveFailed, setSaveFailed] = useState(false);
  const stored = given.data?.rating ?? null;
  const refusedCode = pending?.state === 'failed' ? (pending.lastError?.code ?? pending.lastError?.kind ?? 'other') : null;
  // Refused as already rated: what was given comes from the backend.
  useEffect(() => {
    if (refusedCode === 'already-rated') void given.refetch();
  }, [refusedCode]); // eslint-disable-line react-hooks/exhaustive-deps

  const view = pending ? (pending.state === 'failed' ? 'refused' : 'waiting') : stored ? (sentHere ? 'sent' : 'already') : sentHere ? 'waiting' : 'form';
  const headingRef = useFocusOn(view === 'form' ? null : `${view}-${refusedCode ?? ''}`);

  const submit = async (valid: Answers & { overall: NonNullable<Answers['overall']> }) => {
    if (!dossier || !criteria.data) return;
    setSaveFailed(false);
    try {
      await enqueue({
        id: crypto.randomUUID(),
        owner,
        type: 'rating',
        procedureId: dossier.procedureId,
        procedureName: dossier.procedureName,
        dossierCode: dossier.code,
        values: ratingBody(valid, signedInChannel(), criteria.data.version),
        attachments: [],
      });
      setSentHere(true);
      window.dispatchEvent(new Event('mcs:drain-outbox'));
    } catch {
      // Not written on the phone (storage full or broken): nothing claims it waits; answers stay.
      setSaveFailed(true);
    }
  };

  const answerAgain = async (item: OutboxItem) => {
    setAnswers(answersFrom(safeParse(RateDossier, item.values).data ?? {}));
    await deleteOutboxItem(item.id);
    setSentHere(false);
    void queryClient.invalidateQueries({ queryKey: ratingKeys.criteria });
    window.dispatchEvent(new Event('mcs:drain-outbox'));
  };
  const discard = async (item: OutboxItem) => {
    await deleteOutboxItem(item.id);
    setSentHere(false);
    window.dispatchEvent(new Event('mcs:drain-outbox'));
  };

  const lead = <Lead code={code} procedureName={dossier?.procedureName ?? pending?.procedureName} />;
  if (view === 'waiting') {
    const kept = pending ? safeParse(RateDossier, pending.values).data : undefined;
    return (
      <>
        {lead}
        <section className="notice" aria-labelledby="rate-waiting">
          <h2 id="rate-waiting" ref={headingRef} tabIndex={-1}>
            {pending?.state === 'sending' || !pending ? t('waiting.sending') : t('waiting.title')}
          </h2>
          {pending ? <p>{t('waiting.body')}</p> : null}
          {pending?.lastError ? <p className="hint">{t('waiting.lastError')}</p> : null}
        </section>
        {kept ? (
          <section className="card" aria-labelledby="rate-kept">
            <h2 id="rate-kept">{t('given.title')}</h2>
            <GivenRating rating={kept} criteria={criteria.data} />
          </section>
        ) : null}
      </>
    );
  }
  if (view === 'refused' && pending) {
    const kept = safeParse(RateDossier, pending.values).data;
    const reason =
      refusedCode === 'dossier-not-finished'
        ? 'not-finished'
        : refusedCode === 'unknown-criteria-version'
          ? 'criteria-changed'
          : refusedCode === 'dossier-not-found' || refusedCode === 'not-found'
            ? 'not-found'
            : refusedCode === 'invalid-input' || refusedCode?.startsWith('comment-') || refusedCode === 'unknown-indicator' || refusedCode === 'invalid-body'
              ? 'invalid'
              : 'other';
    return (
      <>
        {lead}
        <section className="error-summary" aria-labelledby="rate-refused">
          <h2 id="rate-refused" ref={headingRef} tabIndex={-1}>
            {refusedCode === 'already-rated' ? t('already.title') : t('refused.title')}
          </h2>
          {refusedCode === 'already-rated' ? (
            <>
              <p>{t('already.body')}</p>
              {stored ? <GivenRating rating={stored} criteria={criteria.data} /> : null}
            </>
          ) : (
            <p>{t(`refused.${reason}`)}</p>
          )}
        </section>
        {kept ? (
          <section className="card" aria-labelledby="rate-kept">
            <h2 id="rate-kept">{t('refused.kept')}</h2>
            <GivenRating rating={kept} criteria={criteria.data} />
          </section>
        ) : null}
        <div className="actions">
          {refusedCode !== 'already-rated' && refusedCode !== 'dossier-not-finished' ? (
            <button type="button" className="button button--primary" onClick={() => void answerAgain(pending)}>
              {t('answerAgain')}
            </button>
          ) : null}
          <button type="button" className="button button--secondary" onClick={() => void discard(pending)}>
            {t('discard')}
          </button>
        </div>
      </>
    );
  }
  if ((view === 'already' || view === 'sent') && stored) {
    return (
      <>
        {lead}
        <GivenPanel id="rate-given" sent={view === 'sent'} alreadyClass="card" rating={stored} criteria={criteria.data} headingRef={headingRef} />
      </>
    );
  }

  if (!dossier) {
    const unknown = dossierQuery.isError && isApiError(dossierQuery.error) && dossierQuery.error.kind === 'not-found';
    return (
      <>
        {lead}
        <p className={unknown || offlineCopy.data === null ? 'no-results' : 'loading'}>{unknown ? t('refused.not-found') : offlineCopy.data === null ? t('noDossier') : t('loading')}</p>
      </>
    );
  }
  if (!isRatable(dossier.status)) {
    return (
      <>
        {lead}
        <p className="notice">{t('notFinished')}</p>
      </>
    );
  }
  return (
    <>
      {lead}
      {saveFailed ? (
        <p className="field-error" role="alert">
          {t('refused.other')}
        </p>
      ) : null}
      <FormOrUnavailable criteria={criteria} answers={answers} onChange={setAnswers} onSubmit={(a) => void submit(a)} busy={false} />
    </>
  );
};

const FormOrUnavailable = ({
  criteria,
  ...form
}: {
  criteria: UseQueryResult<RatingCriteria>;
  answers: Answers;
  onChange: (next: Answers) => void;
  onSubmit: (answers: Answers & { overall: NonNullable<Answers['overall']> }) => void;
  busy: boolean;
}) => {
  const { t } = useTranslation('rating');
  if (criteria.data) return <RatingForm criteria={criteria.data} {...form} />;
  if (criteria.isError || criteria.fetchStatus === 'paused') return <p className="notice">{t('criteriaUnavailable')}</p>;
  return <p className="loading">{t('loading')}</p>;
};

// ---------------------------------------------------------------------------------------------
// Without signing in: straight to the backend with the look-up's token (no outbox: no owner).
// ---------------------------------------------------------------------------------------------

type Outcome =
  | { kind: 'sent'; rating: StoredRating }
  | { kind: 'already'; rating: StoredRating | undefined }
  | { kind: 'error'; message: 'offline' | 'expired' | 'limited' | 'not-finished' | 'criteria-changed' | 'invalid' | 'other'; retryAt?: Date | undefined };

const AnonymousRating = ({ code, invitation, criteria }: { code: string; invitation: Invitation; criteria: UseQueryResult<RatingCriteria> }) => {
  const { t } = useTranslation('rating');
  const refusalText = useRefusalText();
  const queryClient = useQueryClient();
  const [answers, setAnswers] = useState<Answers>(EMPTY_ANSWERS);
  // One key for this page's rating: a retry after a lost answer is the same rating, not a second.
  const [key] = useState(() => crypto.randomUUID());
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const headingRef = useFocusOn(outcome ? `${outcome.kind}-${outcome.kind === 'error' ? outcome.message : ''}` : null);

  const submit = async (valid: Answers & { overall: NonNullable<Answers['overall']> }) => {
    if (!criteria.data) return;
    setBusy(true);
    try {
      const rating = await rateDossier(code, { ...ratingBody(valid, invitation.channel, criteria.data.version), ratingToken: invitation.ratingToken }, key);
      setOutcome({ kind: 'sent', rating });
      void afterRatingSent(queryClient);
    } catch (error) {
      const apiCode = isApiError(error) ? error.code : undefined;
      const kind = isApiError(error) ? error.kind : 'network';
      if (apiCode === 'already-rated') {
        const given = safeParse(StoredRating, isApiError(error) ? error.details?.rating : undefined);
        setOutcome({ kind: 'already', rating: given.success ? given.data : undefined });
      } else {
        if (apiCode === 'unknown-criteria-version') void queryClient.invalidateQueries({ queryKey: ratingKeys.criteria });
        const message =
          kind === 'offline' || kind === 'network' || kind === 'timeout'
            ? 'offline'
            : apiCode === 'rating-token-expired' || kind === 'unauthorized'
              ? 'expired'
              : kind === 'rate-limited'
                ? 'limited'
                : apiCode === 'dossier-not-finished'
                  ? 'not-finished'
                  : apiCode === 'unknown-criteria-version'
                    ? 'criteria-changed'
                    : kind === 'invalid-input'
                      ? 'invalid'
                      : 'other';
        setOutcome({ kind: 'error', message, retryAt: isApiError(error) ? error.retryAt : undefined });
      }
    } finally {
      setBusy(false);
    }
  };

  const lead = (
    <>
      <Lead code={code} procedureName={invitation.procedureName} />
      <p className="hint">{t('anonymous.note')}</p>
    </>
  );
  if (outcome?.kind === 'sent' || outcome?.kind === 'already') {
    return (
      <>
        {lead}
        <GivenPanel id="rate-outcome" sent={outcome.kind === 'sent'} alreadyClass="error-summary" rating={outcome.rating} criteria={criteria.data} headingRef={headingRef} />
        {outcome.kind === 'already' ? (
          <section className="card" aria-labelledby="rate-kept">
            <h2 id="rate-kept">{t('refused.kept')}</h2>
            {answers.overall ? <GivenRating rating={ratingBody({ ...answers, overall: answers.overall }, invitation.channel, criteria.data?.version ?? '')} criteria={criteria.data} /> : null}
          </section>
        ) : null}
      </>
    );
  }
  const errorText =
    outcome?.kind !== 'error'
      ? null
      : outcome.message === 'offline'
        ? t('anonymous.offline')
        : outcome.message === 'expired'
          ? t('anonymous.expired')
          : refusalText(outcome.message, outcome.retryAt);
  return (
    <>
      {lead}
      <RefusalSummary text={errorText} headingRef={headingRef}>
        {outcome?.kind === 'error' && outcome.message === 'expired' ? (
          <p>
            <Link to={`/track?code=${encodeURIComponent(code)}`}>{t('trackLink')}</Link>
          </p>
        ) : null}
      </RefusalSummary>
      <FormOrUnavailable criteria={criteria} answers={answers} onChange={setAnswers} onSubmit={(a) => void submit(a)} busy={busy} />
    </>
  );
};
