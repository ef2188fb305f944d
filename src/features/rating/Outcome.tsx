import type { ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { RatingCriteria } from '../../api/ratings/schema.ts';
import { formatTime } from '../../lib/format.ts';
import { GivenRating } from './GivenRating.tsx';

/** A reason the backend (or the phone) gave for not taking a rating, as `refused.*` names it. */
type RefusedKey = 'not-finished' | 'criteria-changed' | 'not-found' | 'invalid' | 'other';

/**
 * The words for a refused send that a rating page does not word itself: too many sends (with the
 * time to try again, when the backend said it) or one of the `refused.*` reasons.
 */
export const useRefusalText = () => {
  const { t, i18n } = useTranslation('rating');
  return (key: RefusedKey | 'limited', retryAt: Date | undefined) =>
    key === 'limited' ? t('anonymous.limited', { time: retryAt ? formatTime(retryAt, i18n.language) : '—' }) : t(`refused.${key}`);
};

/**
 * A refused send above the form that still holds the answers: announced (role alert) and its
 * heading takes the focus through `headingRef`; `children` add a way out (e.g. look the dossier up again).
 */
export const RefusalSummary = ({ text, headingRef, children }: { text: string | null; headingRef: Ref<HTMLHeadingElement>; children?: ReactNode }) => {
  const { t } = useTranslation('rating');
  if (!text) return null;
  return (
    <div className="error-summary" role="alert">
      <h2 ref={headingRef} tabIndex={-1}>
        {t('refused.title')}
      </h2>
      <p>{text}</p>
      {children}
    </div>
  );
};

/**
 * The rating that was given, in place of the form: just sent here, or given before (then in
 * `alreadyClass`, a card or an error summary after a refused send); its heading takes the focus.
 * `body` says it in other words than a dossier's rating (the help's).
 */
export const GivenPanel = ({
  id,
  sent,
  alreadyClass,
  body,
  rating,
  criteria,
  headingRef,
}: {
  id: string;
  sent: boolean;
  alreadyClass: 'card' | 'error-summary';
  body?: string | undefined;
  rating: Parameters<typeof GivenRating>[0]['rating'] | undefined;
  criteria: RatingCriteria | undefined;
  headingRef: Ref<HTMLHeadingElement>;
}) => {
  const { t } = useTranslation('rating');
  return (
    <section className={sent ? 'notice' : alreadyClass} aria-labelledby={id}>
      <h2 id={id} ref={headingRef} tabIndex={-1}>
        {sent ? t('sent.title') : t('already.title')}
      </h2>
      <p>{body ?? (sent ? t('sent.body') : t('already.body'))}</p>
      {rating ? <GivenRating rating={rating} criteria={criteria} /> : null}
    </section>
  );
};
