import { useEffect } from 'react';
import { Link } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Dossier } from '../../api/dossiers/schema.ts';
import { dossierRatingQueryOptions, ratingCriteriaQueryOptions } from '../../api/ratings/queries.ts';
import { isRatable } from '../../api/ratings/schema.ts';
import { useOutbox } from '../../offline/use-outbox.ts';

/**
 * On a finished dossier (result ready or handed over, refused, withdrawn): how did it go? Offers
 * the rating, or says it is waiting on the phone, was refused, or what was given. The criteria
 * are fetched now, so rating works when the signal drops next.
 */
export const RatingOffer = ({ dossier: d, owner }: { dossier: Dossier; owner: string }) => {
  const { t } = useTranslation('dossiers');
  const queryClient = useQueryClient();
  const ratable = isRatable(d.status);
  const given = useQuery({ ...dossierRatingQueryOptions(owner, d.code), enabled: ratable });
  const { items } = useOutbox(owner);
  const pending = items.find((i) => i.type === 'rating' && i.dossierCode === d.code);
  useEffect(() => {
    if (ratable) void queryClient.prefetchQuery(ratingCriteriaQueryOptions());
  }, [ratable, queryClient]);
  if (!ratable) return null;
  const rateHref = `/dossiers/${encodeURIComponent(d.code)}/rate`;
  const stored = given.data?.rating;
  return (
    <section className="card rating-offer" aria-labelledby="dossier-rating">
      <h2 id="dossier-rating">{t('rating.title')}</h2>
      {pending ? (
        <p className={pending.state === 'failed' ? 'field-error' : undefined}>
          {pending.state === 'failed' ? t('rating.failed') : t('rating.waiting')} <Link to={rateHref}>{t('rating.see')}</Link>
        </p>
      ) : stored ? (
        <p>
          {t('rating.given', { level: t(`rating.levels.${stored.overall}`) })} <Link to={rateHref}>{t('rating.see')}</Link>
        </p>
      ) : (
        <>
          <p>{t('rating.lead')}</p>
          <Link to={rateHref} className="button button--primary">
            {t('rating.action')}
          </Link>
        </>
      )}
    </section>
  );
};
