import { useTranslation } from 'react-i18next';
import type { RateDossier, RatingCriteria, StoredRating } from '../../api/ratings/schema.ts';
import { formatDate, formatTime } from '../../lib/format.ts';

const local = (text: { vi: string; en: string }, lng: string) => (lng === 'en' ? text.en : text.vi);

/**
 * What was given (stored by the backend, or kept on the phone): every answer in words, the
 * comment as plain text (never markup). Indicators are named from the criteria when loaded.
 */
export const GivenRating = ({ rating, criteria }: { rating: Partial<RateDossier> & Partial<Pick<StoredRating, 'createdAt'>>; criteria: RatingCriteria | undefined }) => {
  const { t, i18n } = useTranslation('rating');
  const lng = i18n.language;
  const level = (value: string) => t(`levels.${value as 'satisfied'}`);
  const indicators = Object.entries(rating.indicators ?? {});
  return (
    <>
    <dl className="rating-given">
      {rating.overall ? (
        <div>
          <dt>{t('given.overall')}</dt>
          <dd>{level(rating.overall)}</dd>
        </div>
      ) : null}
      {rating.convenience ? (
        <div>
          <dt>{t('given.convenience')}</dt>
          <dd>{level(rating.convenience)}</dd>
        </div>
      ) : null}
      {criteria
        ? indicators.map(([id, score]) => {
            const indicator = criteria.indicators.find((i) => i.id === id);
            const meaning = indicator?.scores.find((s) => s.score === score);
            return indicator ? (
              <div key={id}>
                <dt>{local(indicator.label, lng)}</dt>
                <dd>{meaning ? local(meaning.label, lng) : score}</dd>
              </div>
            ) : null;
          })
        : null}
      {rating.comment ? (
        <div>
          <dt>{t('given.comment')}</dt>
          <dd>{rating.comment}</dd>
        </div>
      ) : null}
    </dl>
    {rating.createdAt ? <p className="hint">{t('given.at', { time: `${formatTime(new Date(rating.createdAt), lng)} ${formatDate(rating.createdAt, lng)}` })}</p> : null}
    </>
  );
};
