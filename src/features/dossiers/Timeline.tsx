import { useTranslation } from 'react-i18next';
import type { DossierEvent } from '../../api/dossiers/schema.ts';
import { formatDateTime } from './format.ts';

/** What happened to the dossier, oldest first, each step in the citizen's language. */
export const Timeline = ({ events, headingId }: { events: readonly DossierEvent[]; headingId: string }) => {
  const { t, i18n } = useTranslation('dossiers');
  const lng = i18n.language === 'en' ? 'en' : 'vi';
  const ordered = [...events].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <ol className="timeline" aria-labelledby={headingId}>
      {ordered.map((event, index) => {
        // A step that leaves the status as it was (the fee paid, papers added) is titled by what
        // happened, so the status does not read as if it came twice.
        const sameStatus = index > 0 && ordered[index - 1]?.status === event.status && event.note;
        return (
          <li key={`${event.at}-${index}`} className={index === ordered.length - 1 ? 'timeline__item timeline__item--current' : 'timeline__item'}>
            <p className="timeline__status">
              {sameStatus && event.note ? event.note[lng] : t(`status.${event.status}`)}
              {index === ordered.length - 1 ? <span className="visually-hidden"> ({t('timeline.current')})</span> : null}
            </p>
            <p className="timeline__time">
              <time dateTime={event.at}>{formatDateTime(event.at, i18n.language)}</time>
            </p>
            {event.note && !sameStatus ? <p className="timeline__note">{event.note[lng]}</p> : null}
          </li>
        );
      })}
    </ol>
  );
};
