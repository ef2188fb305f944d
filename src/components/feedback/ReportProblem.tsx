import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors.ts';
import { reportProblem } from '../../api/questions/requests.ts';
import { TEXT_LIMITS } from '../../api/questions/schema.ts';
import { enqueuePost, readPost, subscribeOutbox } from '../../offline/outbox.ts';
import { CountedTextArea } from '../forms/CountedTextArea.tsx';
import { useLimitedText, useTextMessages } from './text-errors.ts';

type Status =
  | { kind: 'idle' }
  | { kind: 'sending' }
  | { kind: 'sent' }
  | { kind: 'waiting'; id: string }
  | { kind: 'sent-later' }
  | { kind: 'refused'; message: string };

/** Worth keeping for later: the request never got an answer. */
const unsent = (error: unknown) => !isApiError(error) || error.kind === 'offline' || error.kind === 'network' || error.kind === 'timeout' || error.kind === 'server';

const offline = () => typeof navigator !== 'undefined' && navigator.onLine === false;

/**
 * "Report a problem with this page": anonymous (no sign-in, never the citizen's token), no
 * reply, no personal data. Sent at once when online; otherwise queued in the outbox under the
 * same Idempotency-Key and sent exactly once when the connection returns ("waiting to send"
 * until then). Loaded only when opened.
 */
export const ReportProblem = ({ path, onClose }: { path: string; onClose: () => void }) => {
  const { t } = useTranslation('questions');
  const { rateLimited } = useTextMessages();
  const id = useId();
  const field = useLimitedText(TEXT_LIMITS.report);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const { inputRef } = field;

  useEffect(() => inputRef.current?.focus(), [inputRef]);

  // A queued report: say so until the outbox has sent it.
  const waitingId = status.kind === 'waiting' ? status.id : undefined;
  useEffect(() => {
    if (!waitingId) return undefined;
    const check = () =>
      void readPost(waitingId)
        .then((post) => {
          if (post?.state === 'sent') setStatus({ kind: 'sent-later' });
        })
        .catch(() => undefined);
    check();
    return subscribeOutbox(check);
  }, [waitingId]);

  const keep = async (key: string, body: { path: string; text: string }) => {
    try {
      await enqueuePost({ id: key, owner: '', kind: 'problem-report', body });
      field.clear();
      setStatus({ kind: 'waiting', id: key });
      window.dispatchEvent(new Event('mcs:drain-outbox'));
    } catch {
      setStatus({ kind: 'refused', message: t('report.notKept') });
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!field.check()) return;
    const key = crypto.randomUUID();
    const body = { path, text: field.text };
    if (offline()) return keep(key, body);
    setStatus({ kind: 'sending' });
    try {
      await reportProblem(body, key);
      field.clear();
      setStatus({ kind: 'sent' });
    } catch (error) {
      if (unsent(error)) return keep(key, body);
      if (field.refused(error)) {
        setStatus({ kind: 'idle' });
        return;
      }
      setStatus({ kind: 'refused', message: rateLimited(error) ?? t('text.failed') });
    }
  };

  const message =
    status.kind === 'sent' ? t('report.sent') : status.kind === 'sent-later' ? t('report.sentLater') : status.kind === 'waiting' ? t('report.waiting') : status.kind === 'refused' ? status.message : '';
  return (
    <section className="report-problem card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('report.title')}</h2>
      <p>{t('report.noReply')}</p>
      <p>
        <strong>{t('report.noPersonal')}</strong>
      </p>
      <p className="hint">{t('report.page', { path })}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <CountedTextArea id={`${id}-text`} label={t('report.label')} hint={t('report.hint')} {...field.box} />
        <p role="status" className={status.kind === 'refused' ? 'field-error' : status.kind === 'waiting' ? 'notice' : status.kind === 'idle' || status.kind === 'sending' ? 'visually-hidden' : 'success'}>
          {message}
        </p>
        <div className="report-problem__actions">
          <button type="submit" className="button" disabled={status.kind === 'sending'}>
            {status.kind === 'sending' ? t('report.sending') : t('report.send')}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('report.close')}
          </button>
        </div>
      </form>
    </section>
  );
};

export default ReportProblem;
