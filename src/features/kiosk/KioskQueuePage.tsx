import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { readEnrolment, takeTicket } from '../../api/kiosk/requests.ts';
import type { Ticket } from '../../api/kiosk/schema.ts';
import { isApiError } from '../../api/errors.ts';
import { usePageTitle } from '../../components/layout/use-document-title.ts';
import { formatDate, formatTime } from '../../lib/format.ts';

/** Take a number: choose a field, get a ticket for the counters that receive it, print it. */
export const KioskQueuePage = () => {
  const { t, i18n } = useTranslation('kiosk');
  usePageTitle(t('queue.title'));
  const enrolment = readEnrolment();
  const take = useMutation({ mutationFn: takeTicket, networkMode: 'always' });
  const en = i18n.resolvedLanguage === 'en';

  if (take.data) return <TicketView ticket={take.data} onAnother={() => take.reset()} />;
  return (
    <div className="kiosk-queue">
      <h1>{t('queue.title')}</h1>
      <p className="lead">{t('queue.lead')}</p>
      {take.isError ? (
        <p className="error-summary kiosk-error" role="alert">
          {isApiError(take.error) && (take.error.kind === 'offline' || take.error.kind === 'network') ? t('queue.offline') : t('queue.failed')}
        </p>
      ) : null}
      <ul className="kiosk-choices">
        {(enrolment?.fields ?? []).map((field) => (
          <li key={field.id}>
            <button type="button" className="button button--secondary" disabled={take.isPending} onClick={() => take.mutate(field.id)}>
              {en ? field.nameEn : field.name}
            </button>
          </li>
        ))}
      </ul>
      <p role="status" className="visually-hidden">
        {take.isPending ? t('queue.taking') : ''}
      </p>
    </div>
  );
};

/** The ticket on screen and, with the print style of kiosk.css, on the 80 mm thermal printer. */
const TicketView = ({ ticket, onAnother }: { ticket: Ticket; onAnother: () => void }) => {
  const { t, i18n } = useTranslation('kiosk');
  const enrolment = readEnrolment();
  const lng = i18n.resolvedLanguage ?? 'vi';
  const group = enrolment?.counterGroups.find((g) => g.id === ticket.counterGroupId);
  const issued = new Date(ticket.issuedAt);
  return (
    <div className="kiosk-queue">
      <h1 className="kiosk-print-hide">{t('queue.title')}</h1>
      <section className="ticket" aria-labelledby="ticket-number-label">
        <p>{enrolment ? (lng === 'en' ? enrolment.centre.nameEn : enrolment.centre.name) : null}</p>
        <p id="ticket-number-label">{t('queue.yourNumber')}</p>
        <p className="ticket__number" data-testid="ticket-number">
          {ticket.number}
        </p>
        {group ? <p>{lng === 'en' ? group.nameEn : group.name}</p> : null}
        <p>
          <strong>{t('queue.atCounters', { counters: ticket.counters.join(', ') })}</strong>
        </p>
        <p>{t('queue.ahead', { count: ticket.ahead })}</p>
        <p>{t('queue.wait', { minutes: ticket.estimatedWaitMinutes })}</p>
        <p>{t('queue.issuedAt', { time: formatTime(issued, lng), date: formatDate(ticket.issuedAt, lng) })}</p>
      </section>
      <div className="kiosk-choices kiosk-print-hide">
        <button type="button" className="button button--primary" onClick={() => window.print()}>
          {t('queue.print')}
        </button>
        <Link className="button button--secondary" to="/kiosk" replace>
          {t('queue.done')}
        </Link>
        <button type="button" className="button button--secondary" onClick={onAnother}>
          {t('queue.another')}
        </button>
      </div>
    </div>
  );
};
