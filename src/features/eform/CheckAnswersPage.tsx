import { useEffect, useRef, useState } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { dataStoreQueryOptions } from '../../api/me/queries.ts';
import { useTranslation } from 'react-i18next';
import { officesQueryOptions, procedureQueryOptions } from '../../api/procedures/queries.ts';
import { copiesAskedFor, feeFor } from '../../api/procedures/fees.ts';
import { formDefinitionQueryOptions } from '../../api/forms/queries.ts';
import { checkForm, type FormCheckResult } from '../../api/forms/requests.ts';
import { formNotices } from '../../api/forms/notices.ts';
import { isApiError } from '../../api/errors.ts';
import { useActingSession, useSession } from '../../auth/session.ts';
import { NOT_ON_BEHALF_MESSAGE } from '../../api/procedures/on-behalf.ts';
import { loadDraft, saveDraft, type Draft } from '../../offline/personal-db.ts';
import { refusedFields } from '../../offline/outbox.ts';
import type { FieldError } from '../../api/problem/schema.ts';
import { usePageTitle } from '../../components/layout/use-document-title.ts';
import { ErrorPanel } from '../../components/errors/ErrorPanel.tsx';
import { Icon } from '../../components/ui/Icon.tsx';
import { formatDate, formatMoney } from '../../lib/format.ts';
import { isGroup, localText, visibleSections, type Values } from './definition.ts';
import { displayValue, type AnswerLabels } from './fields/Field.tsx';
import { inputId } from './fields/input-id.ts';
import { provincesOf } from './fields/OfficeField.tsx';
import { validateValues } from './validation.ts';
import { toSubmission } from './submission.ts';
import { ProcedureName } from '../../components/procedure/ProcedureName.tsx';

type Check = { status: 'idle' | 'checking' } | { status: 'ok'; result: FormCheckResult } | { status: 'error'; error: unknown };

/** Check your answers: everything on one page, each with a way back to change it. */
export const CheckAnswersPage = () => {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('eform');
  const lng = i18n.language;
  const session = useSession();
  const acting = useActingSession();
  const { data: procedure } = useSuspenseQuery(procedureQueryOptions(id));
  const { data: definition } = useSuspenseQuery(formDefinitionQueryOptions(id));
  const [draft, setDraft] = useState<Draft | null | undefined>(undefined);
  const [check, setCheck] = useState<Check>({ status: 'idle' });
  // Papers chosen from the data store are read back by their names (cached since the form).
  const store = useQuery({ ...dataStoreQueryOptions(session?.sub ?? ''), enabled: Boolean(session) });
  // The chosen office by its name (the list the form showed, cached).
  const provinces = provincesOf(store.data);
  const offices = useQuery({ ...officesQueryOptions(id, provinces), enabled: provinces.length > 0 });
  const labels: AnswerLabels = {
    noAnswer: t('noAnswer'),
    yes: t('answer.yes'),
    no: t('answer.no'),
    storedDocument: t('answer.storedDocument'),
    documentTitle: (docId) => store.data?.documents?.find((d) => d.id === docId)?.title,
    officeName: (officeId) => offices.data?.offices.find((o) => o.id === officeId)?.name,
  };
  const headingRef = useRef<HTMLHeadingElement>(null);
  usePageTitle(t('check.title'));

  useEffect(() => {
    let live = true;
    void loadDraft(session?.sub ?? '', id).then((d) => live && setDraft(d ?? null));
    return () => {
      live = false;
    };
  }, [session?.sub, id]);
  useEffect(() => {
    if (draft) headingRef.current?.focus();
  }, [draft]);

  if (draft === undefined) return <p className="loading">{t('preparing')}</p>;
  if (draft === null) return <Navigate to={`/services/${id}/apply`} replace />;

  const values = draft.values;
  // Filing for someone else (docs/domain/assisted.md): what only the person may ask for does not hold either.
  const notOnBehalf = acting && acting.sub === session?.sub ? procedure.notOnBehalf : undefined;
  const errors = validateValues(definition, values, notOnBehalf);
  // What the backend refused on the last check: shown beside each answer, and in the form.
  const refused: FieldError[] = draft.serverErrors ?? [];
  const refusedAt = (path: string) =>
    refused.find((e) => e.path === path || e.path.startsWith(`${path}.`))?.code ?? (errors[path] === NOT_ON_BEHALF_MESSAGE ? NOT_ON_BEHALF_MESSAGE : undefined);
  // The same fee the office will charge: from the procedure's rule and the copies asked for.
  const submission = toSubmission(definition, values);
  const fee = feeFor(procedure, { channel: 'online', copies: copiesAskedFor(procedure, submission) });
  // What holds but is flagged (a late registration), by the function the backend runs too.
  const notices = formNotices(definition, submission);
  const noticeAt = (path: string) => {
    const notice = notices.find((n) => n.path === path || n.path.startsWith(`${path}.`));
    return notice ? (
      <span className="field-info">
        <strong>{t('notices.lateTitle')}</strong> {t('notices.late', { days: notice.days, limit: notice.limitDays })}
      </span>
    ) : null;
  };
  const changeLink = (path: string) => `/services/${id}/apply#${inputId(path)}`;
  const labelOf = (path: string) => {
    const [head = '', index, sub] = path.split('.');
    const field = definition.sections.flatMap((sec) => sec.fields).find((f) => f.id === head);
    if (!field) return head;
    const inner = sub && isGroup(field) ? field.fields.find((f) => f.id === sub) : undefined;
    return inner ? `${localText(inner.label, lng)} (${Number(index) + 1})` : localText(field.label, lng);
  };
  const rejected = check.status === 'error' && isApiError(check.error) && check.error.code === 'locked-value-changed';
  // Offline, checking cannot happen; nothing else is wrong, and the form is kept as it is.
  const noConnection = check.status === 'error' && isApiError(check.error) && (check.error.kind === 'offline' || check.error.kind === 'network');

  const keepServerErrors = async (fields: FieldError[] | undefined) => {
    const { serverErrors: _previous, ...rest } = draft;
    const next: Draft = fields ? { ...rest, serverErrors: fields } : rest;
    setDraft(next);
    await saveDraft(next).catch(() => undefined);
  };

  const runCheck = async () => {
    setCheck({ status: 'checking' });
    try {
      const result = await checkForm(id, toSubmission(definition, values));
      if (draft.serverErrors) await keepServerErrors(undefined);
      setCheck({ status: 'ok', result });
    } catch (error) {
      const fields = isApiError(error) ? refusedFields(error) : undefined;
      if (fields) {
        // Kept with the draft, so the form shows each one beside its field (and after a reload).
        await keepServerErrors(fields);
        setCheck({ status: 'idle' });
        requestAnimationFrame(() => document.getElementById('check-refused')?.focus());
      } else setCheck({ status: 'error', error });
    }
  };

  return (
    <div className="check">
      <Link to={`/services/${id}/apply`} className="back-link">
        <Icon name="back" size={20} />
        {t('check.back')}
      </Link>
      <h1 ref={headingRef} tabIndex={-1}>
        {t('check.title')}
      </h1>
      <p className="apply__procedure">
        <ProcedureName procedure={procedure} />
      </p>
      {Object.keys(errors).length > 0 ? (
        <div className="error-summary" role="alert">
          <h2>{t('check.incomplete')}</h2>
          <Link to={`/services/${id}/apply`} className="button">
            {t('check.fix')}
          </Link>
        </div>
      ) : null}
      {refused.length > 0 ? (
        <div className="error-summary" role="alert" tabIndex={-1} id="check-refused" aria-labelledby="check-refused-title">
          <h2 id="check-refused-title">{t('check.invalidTitle')}</h2>
          <p>{t('check.invalidBody')}</p>
          <ul>
            {refused.map((e) => (
              <li key={e.path}>
                <Link to={changeLink(e.path)}>
                  {labelOf(e.path)}: {t(e.code as 'validation.required')}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {visibleSections(definition, values).map((section) => (
        <section key={section.id} aria-labelledby={`c-${section.id}`} className="answers">
          <h2 id={`c-${section.id}`}>{localText(section.title, lng)}</h2>
          <dl className="summary-list">
            {section.fields.map((field) =>
              isGroup(field) ? (
                ((values[field.id] as Values[] | undefined) ?? []).map((item, index) => (
                  <div key={`${field.id}-${index}`} className="summary-list__row">
                    <dt>
                      {localText(field.itemLabel, lng)} {index + 1}
                    </dt>
                    <dd>
                      {field.fields
                        .map((sub) => `${localText(sub.label, lng)}: ${displayValue(sub, item[sub.id], lng, labels)}`)
                        .join(' · ')}
                      {refusedAt(`${field.id}.${index}`) ? <span className="field-error">{t(refusedAt(`${field.id}.${index}`) as 'validation.required')}</span> : null}
                      {noticeAt(`${field.id}.${index}`)}
                    </dd>
                    <dd className="summary-list__action">
                      <Link to={changeLink(`${field.id}.${index}.${field.fields[0]?.id ?? ''}`)}>
                        {t('check.change')}
                        <span className="visually-hidden"> {localText(field.itemLabel, lng)}</span>
                      </Link>
                    </dd>
                  </div>
                ))
              ) : (
                <div key={field.id} className="summary-list__row">
                  <dt>{localText(field.label, lng)}</dt>
                  <dd>
                    {displayValue(field, values[field.id], lng, labels)}
                    {draft.provenance[field.id]?.locked ? <span className="tag">{t('check.fromRecords')}</span> : null}
                    {refusedAt(field.id) ? <span className="field-error">{t(refusedAt(field.id) as 'validation.required')}</span> : null}
                    {noticeAt(field.id)}
                  </dd>
                  <dd className="summary-list__action">
                    {draft.provenance[field.id]?.locked ? null : (
                      <Link to={changeLink(field.id)}>
                        {t('check.change')}
                        <span className="visually-hidden"> {localText(field.label, lng)}</span>
                      </Link>
                    )}
                  </dd>
                </div>
              ),
            )}
          </dl>
        </section>
      ))}
      {fee.total > 0 ? (
        <section className="answers" aria-labelledby="c-fee">
          <h2 id="c-fee">{t('check.feeTitle')}</h2>
          <dl className="summary-list">
            {fee.lines.map((line) => (
              <div key={line.kind} className="summary-list__row">
                <dt>{t(line.kind === 'fee' ? 'check.feeKind.fee' : 'check.feeKind.charge')}</dt>
                <dd>
                  {formatMoney(line.amount, lng)}
                  {line.extraCopies > 0 ? (
                    <span className="hint">
                      {' '}
                      {t('check.feeCopies', { base: formatMoney(line.base, lng), count: line.extraCopies, each: formatMoney(line.perCopy, lng) })}
                    </span>
                  ) : null}
                </dd>
              </div>
            ))}
            <div className="summary-list__row">
              <dt>{t('check.feeTotal')}</dt>
              <dd>
                <strong>{formatMoney(fee.total, lng)}</strong>
              </dd>
            </div>
          </dl>
        </section>
      ) : null}
      <section className="apply-card" aria-labelledby="verify-title">
        <h2 id="verify-title">{t('check.verifyTitle')}</h2>
        <p>{t('check.verifyBody')}</p>
        <div role="status">
          {check.status === 'ok' ? <p className="success">{t('check.verified', { date: formatDate(check.result.checkedAt, lng) })}</p> : null}
        </div>
        {rejected ? (
          <div className="error-summary" role="alert">
            <h3>{t('check.lockedChanged')}</h3>
            <p>{t('check.lockedChangedBody')}</p>
          </div>
        ) : noConnection ? (
          <p className="notice" role="alert">
            {t('check.needsConnection')}
          </p>
        ) : check.status === 'error' ? (
          <ErrorPanel error={check.error} onRetry={() => void runCheck()} headingLevel="h2" />
        ) : null}
        <button
          type="button"
          className="button button--primary button--block"
          disabled={check.status === 'checking' || Object.keys(errors).length > 0}
          onClick={() => void runCheck()}
        >
          {check.status === 'checking' ? t('check.checking') : t('check.verify')}
        </button>
        {Object.keys(errors).length === 0 && refused.length === 0 ? (
          <Link to={`/services/${id}/apply/documents`} className="button button--block">
            {t('check.next')}
          </Link>
        ) : null}
      </section>
    </div>
  );
};
