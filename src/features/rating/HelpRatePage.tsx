import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { safeParse } from 'zod/mini';
import { HELP_COMMENT_MAX, HelpRating } from '../../api/assisted/schema.ts';
import { myConsentsQueryOptions, myHelpRatingsQueryOptions, rateHelp, residentAssistedKeys } from '../../api/assisted/resident.ts';
import { isApiError } from '../../api/errors.ts';
import { ratingCriteriaQueryOptions } from '../../api/ratings/queries.ts';
import { useSession } from '../../auth/session.ts';
import { ErrorPanel } from '../../components/errors/ErrorPanel.tsx';
import { usePageTitle } from '../../components/layout/use-document-title.ts';
import { Icon } from '../../components/ui/Icon.tsx';
import { formatDate, formatTime } from '../../lib/format.ts';
import { EMPTY_ANSWERS, type Answers } from './answers.ts';
import { GivenRating } from './GivenRating.tsx';
import { RatingForm } from './RatingForm.tsx';

type Outcome = { kind: 'sent' | 'already'; rating: HelpRating | undefined } | { kind: 'error'; key: 'offline' | 'not-found' | 'limited' | 'invalid' | 'other'; retryAt?: Date | undefined };

/**
 * /me/help/:consentId/rate — the resident rates a volunteer's help itself (channel "assisted",
 * docs/domain/assisted.md), apart from any dossier it led to: the rating form of a dossier with
 * its own question and without the indicators of the office's handling. Once per help; needs the
 * network (what was chosen stays on the page when a send fails).
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
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (outcome) headingRef.current?.focus();
  }, [outcome]);

  const consent = consents.data?.consents.find((c) => c.id === consentId);
  const given = ratings.data?.ratings.find((r) => r.consentId === consentId);
  const lng = i18n.language;

  const submit = async (valid: Answers & { overall: NonNullable<Answers['overall']> }) => {
    setBusy(true);
    const comment = valid.comment.trim();
    try {
      const rating = await rateHelp(consentId, { overall: valid.overall, ...(comment ? { comment } : {}) });
      setOutcome({ kind: 'sent', rating });
    } catch (error) {
      if (isApiError(error) && error.code === 'already-rated') {
        const parsed = safeParse(HelpRating, error.details?.rating);
        setOutcome({ kind: 'already', rating: parsed.success ? parsed.data : undefined });
      } else {
        const kind = isApiError(error) ? error.kind : 'network';
        const key = kind === 'offline' || kind === 'network' || kind === 'timeout' ? 'offline' : kind === 'not-found' ? 'not-found' : kind === 'rate-limited' ? 'limited' : kind === 'invalid-input' ? 'invalid' : 'other';
        setOutcome({ kind: 'error', key, retryAt: isApiError(error) ? error.retryAt : undefined });
      }
    } finally {
      setBusy(false);
      void queryClient.invalidateQueries({ queryKey: residentAssistedKeys.ratings(sub) });
    }
  };

  const shown = outcome?.kind === 'sent' || outcome?.kind === 'already' ? outcome : given ? ({ kind: 'already', rating: given } as const) : null;
  const errorText =
    outcome?.kind === 'error'
      ? outcome.key === 'offline'
        ? t('help.offline')
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
