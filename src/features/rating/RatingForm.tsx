import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMENT_MAX, type IndicatorScore, type RatingCriteria, type RatingLevel } from '../../api/ratings/schema.ts';
import { ErrorSummary } from '../../components/forms/ErrorSummary.tsx';
import { CountedTextArea } from '../../components/forms/CountedTextArea.tsx';
import { answerErrors, type AnswerError, type Answers } from './answers.ts';

const local = (text: { vi: string; en: string }, lng: string) => (lng === 'en' ? text.en : text.vi);

/**
 * The rating form. First the overall question alone, with big answers; the convenience
 * question and the nine indicators folded under "Tell us more"; then an optional comment with
 * a plain warning against personal data and whether anyone replies. Nothing chosen or typed is
 * lost when a send fails: the answers live with the page that owns them.
 */
export const RatingForm = ({
  criteria,
  answers,
  onChange,
  onSubmit,
  busy,
  help,
}: {
  criteria: RatingCriteria;
  answers: Answers;
  onChange: (next: Answers) => void;
  onSubmit: (answers: Answers & { overall: RatingLevel }) => void;
  busy: boolean;
  /**
   * Rating a volunteer's help (channel "assisted", docs/domain/assisted.md) rather than a dossier:
   * its own question, no indicators of the dossier's handling, the help rating's comment limit.
   */
  help?: { question: string; commentMax: number };
}) => {
  const { t, i18n } = useTranslation('rating');
  const lng = i18n.language;
  const id = useId();
  const [errors, setErrors] = useState<AnswerError[]>([]);
  const summaryRef = useRef<HTMLDivElement>(null);
  const overallId = `${id}-overall`;
  const commentId = `${id}-comment`;
  const commentMax = help?.commentMax ?? COMMENT_MAX;
  const errorText = (e: AnswerError) => (e.field === 'overall' ? t('overallRequired') : t(`comment.${e.key}`, { max: commentMax, count: e.count }));
  const errorOf = (field: AnswerError['field']) => errors.find((e) => e.field === field);
  const set = (patch: Partial<Answers>) => {
    const next = { ...answers, ...patch };
    onChange(next);
    // A fixed answer drops its message at once; others stay until the next send.
    if (errors.length > 0) setErrors(answerErrors(next, commentMax).filter((e) => errors.some((old) => old.field === e.field)));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = answerErrors(answers, commentMax);
    setErrors(found);
    if (found.length > 0 || !answers.overall) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    onSubmit({ ...answers, overall: answers.overall });
  };

  const overallError = errorOf('overall');
  const commentError = errorOf('comment');
  const levelLabel = (level: RatingLevel) => {
    const fromCriteria = criteria.levels.find((l) => l.level === level);
    return fromCriteria ? local(fromCriteria.label, lng) : t(`levels.${level}`);
  };

  return (
    <form noValidate onSubmit={submit} className="rating-form">
      {errors.length > 0 ? (
        <ErrorSummary ref={summaryRef} title={t('errorTitle')} items={errors.map((e) => ({ key: e.field, target: e.field === 'overall' ? `${overallId}-0` : commentId, text: errorText(e) }))} />
      ) : null}
      <fieldset className={`rating-question${overallError ? ' field--error' : ''}`} aria-describedby={`${overallId}-hint${overallError ? ` ${overallId}-error` : ''}`}>
        <legend>{help ? help.question : local(criteria.overall.label, lng)}</legend>
        <p className="hint" id={`${overallId}-hint`}>
          {t('overallHint')}
        </p>
        {overallError ? (
          <p className="field-error" id={`${overallId}-error`}>
            {errorText(overallError)}
          </p>
        ) : null}
        <div className="rating-levels">
          {criteria.levels.map((l, i) => (
            <label key={l.level} className="rating-level">
              <input id={`${overallId}-${i}`} type="radio" name={`${id}-overall`} value={l.level} checked={answers.overall === l.level} onChange={() => set({ overall: l.level })} />
              <span>{levelLabel(l.level)}</span>
            </label>
          ))}
        </div>
      </fieldset>

      {help ? null : (
        <details className="rating-more card">
          <summary>{t('more.summary')}</summary>
          <p className="hint">{t('more.lead')}</p>
          <fieldset className="rating-indicator">
            <legend>{local(criteria.convenience.label, lng)}</legend>
            <div className="choices">
              {criteria.levels.map((l) => (
                <label key={l.level} className="choice">
                  <input type="radio" name={`${id}-convenience`} checked={answers.convenience === l.level} onChange={() => set({ convenience: l.level })} />
                  <span>{levelLabel(l.level)}</span>
                </label>
              ))}
              <label className="choice">
                <input type="radio" name={`${id}-convenience`} checked={answers.convenience === null} onChange={() => set({ convenience: null })} />
                <span>{t('more.skip')}</span>
              </label>
            </div>
          </fieldset>
          {criteria.indicators.map((indicator) => {
            const name = `${id}-${indicator.id}`;
            const chosen = answers.indicators[indicator.id];
            const choose = (score: IndicatorScore | undefined) => {
              const { [indicator.id]: _dropped, ...rest } = answers.indicators;
              set({ indicators: score === undefined ? rest : { ...rest, [indicator.id]: score } });
            };
            return (
              <fieldset key={indicator.id} className="rating-indicator">
                <legend>{local(indicator.label, lng)}</legend>
                <div className="choices">
                  {indicator.scores.map((s) => (
                    <label key={s.score} className="choice">
                      <input type="radio" name={name} checked={chosen === s.score} onChange={() => choose(s.score)} />
                      <span>{local(s.label, lng)}</span>
                    </label>
                  ))}
                  <label className="choice">
                    <input type="radio" name={name} checked={chosen === undefined} onChange={() => choose(undefined)} />
                    <span>{t('more.skip')}</span>
                  </label>
                </div>
              </fieldset>
            );
          })}
        </details>
      )}

      <CountedTextArea
        id={commentId}
        className="rating-comment"
        label={t('comment.label')}
        hint={
          <>
            <strong>{t('comment.warning')}</strong> {criteria.replies && !help ? t('comment.replies') : t('comment.noReply')}
          </>
        }
        error={commentError ? errorText(commentError) : undefined}
        value={answers.comment}
        onChange={(comment) => set({ comment })}
        max={commentMax}
      />
      <button type="submit" className="button button--primary button--block" disabled={busy}>
        {busy ? t('sending') : t('submit')}
      </button>
    </form>
  );
};
