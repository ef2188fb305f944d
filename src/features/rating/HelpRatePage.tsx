import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { HELP_COMMENT_MAX, type HelpRating } from '../../api/assisted/schema.ts';
import { myConsentsQueryOptions, myHelpRatingsQueryOptions, residentAssistedKeys } from '../../api/assisted/resident.ts';
import { ratingCriteriaQueryOptions } from '../../api/ratings/queries.ts';
import { useSession } from '../../auth/session.ts';
import { ErrorPanel } from '../../components/errors/ErrorPanel.tsx';
import { usePageTitle } from '../../components/layout/use-document-title.ts';
import { Icon } from '../../components/ui/Icon.tsx';
import { formatDate, formatTime } from '../../lib/format.ts';
import { EMPTY_ANSWERS, type Answers } from './answers.ts';
import { GivenRating } from './GivenRating.tsx';
import { enqueuePost, subscribeOutbox } from '../../offline/outbox.ts';
import { listPosts, type OutboxPost } from '../../offline/personal-db.ts';
import { RatingForm } from './RatingForm.tsx';

type Outcome = { kind: 'sent' | 'already'; rating: HelpRating | undefined } | { kind: 'error'; key: 'not-found' | 'limited' | 'invalid' | 'other' | 'unsaved'; retryAt?: Date | undefined };

/**
 * This help's rating in the outbox: the one sent from this page (a sent post keeps no body), or
 * one still waiting from an earlier visit.
 */
const ratingPostOf = async (owner: string, consentId: string, sentHere: string | null): Promise<OutboxPost | null> =>
  (await listPosts([owner])).filter((p) => p.kind === 'help-rating' && (p.id === sentHere || p.body.consentId === consentId)).at(-1) ?? null;

/** What the outbox's answer means on this page. */
const outcomeOf = (post: OutboxPost | null): Outcome | null => {
  if (!post) return null;
  if (post.state === 'sent') return { kind: 'sent', rating: undefined };
  if (post.state !== 'failed') return null;
  const code = post.lastError?.code;
  const kind = post.lastError?.kind;
  if (code === 'already-rated') return { kind: 'already', rating: undefined };
  return { kind: 'error', key: kind === 'not-found' ? 'not-found' : kind === 'invalid-input' ? 'invalid' : 'other' };
};

/**
 * /me/help/:consentId/rate — the resident rates a volunteer's help itself (channel "assisted",
 * docs/domain/assisted.md), apart from any dossier it led to: the rating form of a dossier with
 * its own question and without the indicators of the office's handling. Once per help; without a
 * connection it waits in the outbox like a dossier's rating and is sent exactly once (its id is the
 * Idempotency-Key) when the signal returns.
 */
export const HelpRatePage = () => {
  const { consentId = '' } = useParams();
  const { t, i18n } = useTranslation('rating');
  usePageTitle(t('help.title'));
  const session = useSession();
  const sub = session?.sub ?? '';
  const queryClient = useQueryClient();
  const consents = useQuery(myConsentsQueryOptions(sub));
  const ratings = useQuery(myHelpRatingsQueryOptions(sub));
  const criteria = useQuery(ratingCriteriaQueryOptions());
  const [answers, setAnswers] = useState<Answers>(EMPTY_ANSWERS);
  const [busy, setBusy] = useState(false);
  const [unsaved, setUnsaved] = useState(false);
  const [sentHere, setSentHere] = useState<string | null>(null);
  const post = useQuery({ queryKey: ['help-rating-post', sub, consentId, sentHere], queryFn: () => ratingPostOf(sub, consentId, sentHere), networkMode: 'always', gcTime: 0, enabled: sub !== '' });
  useEffect(() => subscribeOutbox(() => void queryClient.invalidateQueries({ queryKey: ['help-rating-post', sub, consentId] })), [queryClient, sub, consentId]);
  const waiting = post.data && (post.data.state === 'queued' || post.data.state === 'sending') ? post.data : null;
  const outcome: Outcome | null = unsaved ? { kind: 'error', key: 'unsaved' } : outcomeOf(post.data ?? null);
  // Each new state of the send (waiting, sent, refused) is announced by moving focus to its heading.
  const focusKey = waiting ? `waiting-${waiting.state}` : outcome ? `${outcome.kind}-${outcome.kind === 'error' ? outcome.key : ''}` : null;
  useEffect(() => {
    if (focusKey) headingRef.current?.focus();
  }, [focusKey]);
  // Sent or refused as already rated: what was given comes from the backend.
  useEffect(() => {
    if (outcome?.kind === 'sent' || outcome?.kind === 'already') void queryClient.invalidateQueries({ queryKey: residentAssistedKeys.ratings(sub) });
  }, [outcome?.kind]); // eslint-disable-line react-hooks/exhaustive-deps
  const headingRef = useRef<HTMLHeadingElement>(null);

  const consent = consents.data?.consents.find((c) => c.id === consentId);
  const given = ratings.data?.ratings.find((r) => r.consentId === consentId);
  const lng = i18n.language;

  const submit = async (valid: Answers & { overall: NonNullable<Answers['overall']> }) => {
    setBusy(true);
    setUnsaved(false);
    const comment = valid.comment.trim();
    try {
      const id = crypto.randomUUID();
      await enqueuePost({ id, owner: sub, kind: 'help-rating', body: { consentId, overall: valid.overall, ...(comment ? { comment } : {}) } });
      setSentHere(id);
      window.dispatchEvent(new Event('mcs:drain-outbox'));
    } catch {
      // Not written on the phone (storage full or broken): nothing claims it waits; answers stay.
      setUnsaved(true);
    } finally {
      setBusy(false);
    }
  };

  const shown = outcome?.kind === 'sent' || outcome?.kind === 'already' ? { ...outcome, rating: given } : given ? ({ kind: 'already', rating: given } as const) : null;
  const errorText =
    outcome?.kind === 'error'
      ? outcome.key === 'unsaved'
        ? t('refused.other')
        : outcome.key === 'not-found'
          ? t('help.notFound')
          : outcome.key === 'limited'
            ? t('anonymous.limited', { time: outcome.retryAt ? formatTime(outcome.retryAt, lng) : '—' })
            : t(`refused.${outcome.key}`)
      : null;

  const body = () => {
    if (consents.isError && !consent) return <ErrorPanel error={consents.error} onRetry={() => void consents.refetch()} headingLevel="h2" />;
    if (consents.isPending || ratings.isPending) return <p className="loading">{t('loading')}</p>;
    if (!consent) return <p className="no-results">{t('help.notFound')}</p>;
    const lead = (
      <p className="lead">
        {t('help.lead', { name: consent.volunteer.name, team: consent.volunteer.team, date: formatDate(consent.validUntil ?? consent.createdAt, lng) })}
      </p>
    );
    if (waiting) {
      return (
        <>
          {lead}
          <section className="notice" aria-labelledby="help-rate-waiting">
            <h2 id="help-rate-waiting" ref={headingRef} tabIndex={-1}>
              {waiting.state === 'sending' ? t('waiting.sending') : t('waiting.title')}
            </h2>
            <p>{t('waiting.body')}</p>
          </section>
        </>
      );
    }
    if (shown) {
      return (
        <>
          {lead}
          <section className={shown.kind === 'sent' ? 'notice' : 'card'} aria-labelledby="help-rate-given">
            <h2 id="help-rate-given" ref={headingRef} tabIndex={-1}>
              {shown.kind === 'sent' ? t('sent.title') : t('already.title')}
            </h2>
            <p>{shown.kind === 'sent' ? t('help.sent') : t('help.already')}</p>
            {shown.rating ? <GivenRating rating={shown.rating} criteria={undefined} /> : null}
          </section>
        </>
      );
    }
    if (!criteria.data) return criteria.isError ? <p className="notice">{t('criteriaUnavailable')}</p> : <p className="loading">{t('loading')}</p>;
    return (
      <>
        {lead}
        {errorText ? (
          <div className="error-summary" role="alert">
            <h2 ref={headingRef} tabIndex={-1}>
              {t('refused.title')}
            </h2>
            <p>{errorText}</p>
          </div>
        ) : null}
        <RatingForm
          criteria={criteria.data}
          answers={answers}
          onChange={setAnswers}
          onSubmit={(a) => void submit(a)}
          busy={busy}
          help={{ question: t('help.question', { name: consent.volunteer.name }), commentMax: HELP_COMMENT_MAX }}
        />
      </>
    );
  };

  return (
    <div className="rate">
      <Link to="/me/help" className="back-link">
        <Icon name="back" size={20} />
        {t('help.back')}
      </Link>
      <h1>{t('help.title')}</h1>
      {body()}
    </div>
  );
};
