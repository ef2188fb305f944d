import { useId, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/errors.ts';
import { askQuestion } from '../../../api/questions/requests.ts';
import { procedureQuestionsQueryOptions, questionKeys } from '../../../api/questions/queries.ts';
import { TEXT_LIMITS, type PublicQuestion } from '../../../api/questions/schema.ts';
import { useSession } from '../../../auth/session.ts';
import { CountedTextArea } from '../../../components/forms/CountedTextArea.tsx';
import { useLimitedText, useTextMessages } from '../../../components/feedback/text-errors.ts';
import { formatDate } from '../../../lib/format.ts';
import { useOnline } from '../../../lib/use-online.ts';
import { viLang } from '../../../components/procedure/use-localized-procedure.ts';
import { Embed } from '../../../components/procedure/Embed.tsx';
import { filterQuestions } from './search.ts';

/** "Hỏi đáp" on a procedure's page: the answered questions, searchable, and asking one. */
export const QuestionsSection = ({ procedureId }: { procedureId: string }) => {
  const { t } = useTranslation('questions');
  const questions = useQuery(procedureQuestionsQueryOptions(procedureId));
  const online = useOnline();
  return (
    <section aria-labelledby="questions" className="questions">
      <h2 id="questions">{t('section.title')}</h2>
      <p>{t('section.lead')}</p>
      {questions.data ? (
        <QuestionList questions={questions.data.questions} />
      ) : questions.isError ? (
        <p className="notice">
          {!online || (isApiError(questions.error) && questions.error.kind === 'offline') ? t('section.offline') : t('section.error')}{' '}
          <button type="button" className="button button--link" onClick={() => void questions.refetch()}>
            {t('section.retry')}
          </button>
        </p>
      ) : (
        <p className="loading">{t('section.loading')}</p>
      )}
      <AskQuestion procedureId={procedureId} />
    </section>
  );
};

const QuestionList = ({ questions }: { questions: readonly PublicQuestion[] }) => {
  const { t, i18n } = useTranslation('questions');
  const [query, setQuery] = useState('');
  const id = useId();
  if (questions.length === 0) return <p className="no-results">{t('section.empty')}</p>;
  const matches = filterQuestions(questions, query);
  const lng = i18n.resolvedLanguage ?? 'vi';
  const english = lng === 'en';
  return (
    <>
      <form className="search-form" role="search" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor={`${id}-q`}>{t('section.searchLabel')}</label>
        <p className="hint" id={`${id}-hint`}>
          {t('section.searchHint')}
        </p>
        <input id={`${id}-q`} type="search" value={query} onChange={(e) => setQuery(e.target.value)} aria-describedby={`${id}-hint`} autoComplete="off" spellCheck={false} />
      </form>
      <p className="result-count" role="status">
        {query.trim() ? t('section.matches', { count: matches.length }) : t('section.count', { count: questions.length })}
      </p>
      {matches.length === 0 ? (
        <p className="no-results">{t('section.noMatch', { query: query.trim() })}</p>
      ) : (
        <ul className="qa-list">
          {matches.map((q) => {
            // The office's English where it gave one; otherwise the words as asked, marked with their language.
            const shown = english && q.en ? { ...q.en, lang: 'en' } : { question: q.question, answer: q.answer, lang: q.lang };
            // Marked only where it differs from the page's; the line under it is the page's own.
            const lang = shown.lang === lng ? undefined : shown.lang;
            return (
              <li key={q.id} id={`q-${q.id}`}>
                <h3 className="qa-question" lang={lang}>
                  {shown.question}
                </h3>
                <p className="qa-answer" lang={lang}>
                  {shown.answer}
                </p>
                <p className="hint">
                  {/* The office's name, as it writes it: Vietnamese. */}
                  <Embed sentence={(agency) => t('section.answeredBy', { agency, date: formatDate(q.answeredAt, i18n.language) })} value={q.answeredBy} lang={viLang(lng)} />
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
};

type AskStatus = { kind: 'idle' } | { kind: 'sending' } | { kind: 'sent' } | { kind: 'offline' } | { kind: 'refused'; message: string } | { kind: 'signed-out' };

const AskQuestion = ({ procedureId }: { procedureId: string }) => {
  const { t, i18n } = useTranslation('questions');
  const session = useSession();
  const queryClient = useQueryClient();
  const { rateLimited } = useTextMessages();
  const id = useId();
  const field = useLimitedText(TEXT_LIMITS.question);
  const { text } = field;
  const [status, setStatus] = useState<AskStatus>({ kind: 'idle' });
  // One key per question typed: a retry after a dropped connection never asks it twice.
  const key = useRef<{ text: string; key: string } | null>(null);
  const returnTo = `/signin?returnTo=${encodeURIComponent(`/services/${procedureId}#ask`)}`;

  if (!session) {
    return (
      <div className="ask" id="ask">
        <h3>{t('ask.title')}</h3>
        <p>{t('ask.lead')}</p>
        <Link to={returnTo} className="button button--secondary">
          {t('ask.signIn')}
        </Link>
      </div>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!field.check()) return;
    if (navigator.onLine === false) {
      setStatus({ kind: 'offline' });
      return;
    }
    if (key.current?.text !== text) key.current = { text, key: crypto.randomUUID() };
    setStatus({ kind: 'sending' });
    try {
      await askQuestion(procedureId, { text, lang: i18n.resolvedLanguage === 'en' ? 'en' : 'vi' }, key.current.key);
      key.current = null;
      field.clear();
      setStatus({ kind: 'sent' });
      void queryClient.invalidateQueries({ queryKey: questionKeys.all });
    } catch (error) {
      if (field.refused(error)) {
        setStatus({ kind: 'idle' });
        return;
      }
      if (isApiError(error) && (error.kind === 'offline' || error.kind === 'network')) setStatus({ kind: 'offline' });
      else if (isApiError(error) && error.kind === 'unauthorized') setStatus({ kind: 'signed-out' });
      else setStatus({ kind: 'refused', message: rateLimited(error) ?? t('text.failed') });
    }
  };

  return (
    <div className="ask" id="ask">
      <h3>{t('ask.title')}</h3>
      <p>{t('ask.lead')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <CountedTextArea id={`${id}-text`} label={t('ask.label')} hint={t('ask.hint')} {...field.box} />
        <div role="status" className={status.kind === 'sent' ? 'success' : status.kind === 'idle' || status.kind === 'sending' ? 'visually-hidden' : 'field-error'}>
          {status.kind === 'sent' ? (
            <p>
              {t('ask.sent')} <Link to="/me/questions">{t('ask.mine')}</Link>
            </p>
          ) : status.kind === 'offline' ? (
            <p>{t('ask.offline')}</p>
          ) : status.kind === 'refused' ? (
            <p>{status.message}</p>
          ) : status.kind === 'signed-out' ? (
            <p>
              <Link to={returnTo}>{t('ask.signIn')}</Link>
            </p>
          ) : null}
        </div>
        <button type="submit" className="button" disabled={status.kind === 'sending'}>
          {status.kind === 'sending' ? t('ask.sending') : t('ask.send')}
        </button>
      </form>
      <p>
        <Link to="/me/questions" className="button button--secondary">
          {t('ask.mine')}
        </Link>
      </p>
    </div>
  );
};

export default QuestionsSection;
