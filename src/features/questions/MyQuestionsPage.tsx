import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { myQuestionsQueryOptions } from '../../api/questions/queries.ts';
import type { MyQuestion } from '../../api/questions/schema.ts';
import { useSession } from '../../auth/session.ts';
import { ErrorPanel } from '../../components/errors/ErrorPanel.tsx';
import { usePageTitle } from '../../components/layout/use-document-title.ts';
import { formatDate } from '../../lib/format.ts';
import { viLang } from '../../components/procedure/use-localized-procedure.ts';
import { Embed } from '../../components/procedure/Embed.tsx';

/** "Câu hỏi của tôi": the questions the citizen asked, waiting or answered. */
export const MyQuestionsPage = () => {
  const { t } = useTranslation('questions');
  usePageTitle(t('mine.title'));
  const session = useSession();
  const questions = useQuery(myQuestionsQueryOptions(session?.sub ?? ''));
  return (
    <div className="my-questions">
      <h1>{t('mine.title')}</h1>
      <p className="lead">{t('mine.lead')}</p>
      {questions.isPending ? <p className="loading">{t('mine.loading')}</p> : null}
      {questions.isError ? <ErrorPanel error={questions.error} onRetry={() => void questions.refetch()} headingLevel="h2" /> : null}
      {questions.data?.questions.length === 0 ? (
        <div className="no-results">
          <p>{t('mine.empty')}</p>
          <Link to="/services" className="button">
            {t('mine.findService')}
          </Link>
        </div>
      ) : null}
      {questions.data && questions.data.questions.length > 0 ? (
        <ul className="qa-list">
          {questions.data.questions.map((q) => (
            <QuestionItem key={q.id} question={q} />
          ))}
        </ul>
      ) : null}
    </div>
  );
};

const QuestionItem = ({ question: q }: { question: MyQuestion }) => {
  const { t, i18n } = useTranslation('questions');
  const lng = i18n.language;
  return (
    <li id={q.id} className="card">
      {/* The procedure's official name and the office's, as the backend keeps them: Vietnamese. */}
      <h2 className="qa-question" lang={viLang(i18n.resolvedLanguage)}>
        {q.procedureName}
      </h2>
      <p>
        <span className={`status-chip status-chip--${q.status === 'answered' ? 'result-ready' : 'received'}`}>{t(`mine.status.${q.status}`)}</span>{' '}
        <span className="hint">{t('mine.askedOn', { date: formatDate(q.askedAt, lng) })}</span>
      </p>
      <p className="qa-question">{q.question}</p>
      {q.answer ? (
        <>
          <h3>
            <Embed sentence={(agency) => t('mine.answer', { agency, date: formatDate(q.answer!.answeredAt, lng) })} value={q.answer.answeredBy} lang={viLang(i18n.resolvedLanguage)} />
          </h3>
          <p className="qa-answer">{q.answer.text}</p>
        </>
      ) : null}
      <p>
        <Link to={`/services/${encodeURIComponent(q.procedureId)}#questions`}>{t('mine.procedure')}</Link>
      </p>
    </li>
  );
};
