import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { HELP_COMMENT_MAX, type HelpRating } from '../../api/assisted/schema.ts';
import { residentAssistedKeys } from '../../api/assisted/resident.ts';
import { ratingCriteriaQueryOptions } from '../../api/ratings/queries.ts';
import { useMyHelp } from '../../components/assisted/use-my-help.ts';
import { ErrorPanel } from '../../components/errors/ErrorPanel.tsx';
import { usePageTitle } from '../../components/layout/use-document-title.ts';
import { BackLink } from '../../components/layout/BackLink.tsx';
import { formatDate } from '../../lib/format.ts';
import { EMPTY_ANSWERS, type Answers } from './answers.ts';
import { GivenPanel, RefusalSummary, useRefusalText } from './Outcome.tsx';
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
  const refusalText = useRefusalText();
  usePageTitle(t('help.title'));
  const { sub, consents, ratings } = useMyHelp();
  const queryClient = useQueryClient();
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
    outcome?.kind !== 'error' ? null : outcome.key === 'unsaved' ? t('refused.other') : outcome.key === 'not-found' ? t('help.notFound') : refusalText(outcome.key, outcome.retryAt);

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
          <GivenPanel id="help-rate-given" sent={shown.kind === 'sent'} alreadyClass="card" body={shown.kind === 'sent' ? t('help.sent') : t('help.already')} rating={shown.rating} criteria={undefined} headingRef={headingRef} />
        </>
      );
    }
    if (!criteria.data) return criteria.isError ? <p className="notice">{t('criteriaUnavailable')}</p> : <p className="loading">{t('loading')}</p>;
    return (
      <>
        {lead}
        <RefusalSummary text={errorText} headingRef={headingRef} />
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
      <BackLink to="/me/help">{t('help.back')}</BackLink>
      <h1>{t('help.title')}</h1>
      {body()}
    </div>
  );
};
