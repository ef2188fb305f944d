import { useId, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DossierList, type Dossier } from '../../api/dossiers/schema.ts';
import { dossierListQueryOptions } from '../../api/dossiers/queries.ts';
import { isApiError } from '../../api/errors.ts';
import { useSession } from '../../auth/session.ts';
import { usePageTitle } from '../../components/layout/use-document-title.ts';
import { ErrorPanel } from '../../components/errors/ErrorPanel.tsx';
import { formatDate, formatMoney } from '../../lib/format.ts';
import { useOnline } from '../../lib/use-online.ts';
import { filterDossiers } from './search.ts';
import { FeeDueChip, OverdueChip, StatusChip } from './StatusChip.tsx';
import { AssistedMark } from './AssistedMark.tsx';
import { feeDue, isOpenStatus } from './payable.ts';
import { StaleNotice } from './StaleNotice.tsx';
import { OutboxSection } from './OutboxSection.tsx';
import { NotificationsSection } from './NotificationsSection.tsx';
import { fallsBack, useSnapshot } from '../../offline/use-snapshot.ts';
import { ProcedureName } from '../../components/procedure/ProcedureName.tsx';

/** "Hồ sơ của tôi": what is waiting on the device, what changed, and every dossier filed. */
export const DossiersPage = () => {
  const { t } = useTranslation('dossiers');
  usePageTitle(t('list.title'));
  const session = useSession();
  const owner = session?.sub ?? '';
  const online = useOnline();
  const list = useQuery(dossierListQueryOptions(owner));
  const snapshot = useSnapshot(owner, 'dossiers', DossierList, list);
  const data = list.data ?? snapshot?.data;
  // Shown from memory or from the device while the network cannot confirm it.
  const staleAt = list.data ? (!online || list.isError ? list.dataUpdatedAt : null) : snapshot ? snapshot.fetchedAt : null;
  const unauthorized = list.isError && isApiError(list.error) && list.error.kind === 'unauthorized';
  // No saved copy to fall back on, or an error a saved copy does not answer (signed out).
  const showError = list.isError && (unauthorized || (!data && (!fallsBack(list.error) || snapshot === null)));

  return (
    <div className="dossiers">
      <h1>{t('list.title')}</h1>
      <p className="lead">{t('list.lead')}</p>
      <NotificationsSection owner={owner} />
      <OutboxSection owner={owner} />
      <section aria-labelledby="dossiers-list" className="dossiers__list">
        <h2 id="dossiers-list">{t('list.heading')}</h2>
        {staleAt !== null ? <StaleNotice at={staleAt} online={online} onRetry={() => void list.refetch()} /> : null}
        {showError ? <ErrorPanel error={list.error} onRetry={() => void list.refetch()} headingLevel="h2" /> : null}
        {!data && !showError && snapshot === null ? <p className="no-results">{t('list.noSnapshot')}</p> : null}
        {!data && !showError && snapshot === undefined ? <p className="loading">{t('list.loading')}</p> : null}
        {data ? <DossierListView dossiers={data.dossiers} /> : null}
      </section>
      <section className="notice" aria-labelledby="dossiers-track">
        <h2 id="dossiers-track">{t('list.trackTitle')}</h2>
        <p>{t('list.trackBody')}</p>
        <Link to="/track">{t('list.trackLink')}</Link>
      </section>
    </div>
  );
};

const DossierListView = ({ dossiers }: { dossiers: readonly Dossier[] }) => {
  const { t } = useTranslation('dossiers');
  const [query, setQuery] = useState('');
  const id = useId();
  const matches = filterDossiers(dossiers, query);
  if (dossiers.length === 0) {
    return (
      <div className="no-results">
        <p>{t('list.empty')}</p>
        <Link to="/services" className="button">
          {t('list.findService')}
        </Link>
      </div>
    );
  }
  return (
    <>
      <form className="search-form" role="search" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor={`${id}-q`}>{t('list.searchLabel')}</label>
        <p className="hint" id={`${id}-hint`}>
          {t('list.searchHint')}
        </p>
        <input id={`${id}-q`} type="search" value={query} onChange={(e) => setQuery(e.target.value)} aria-describedby={`${id}-hint`} autoComplete="off" spellCheck={false} />
      </form>
      <p className="result-count" role="status">
        {query.trim() ? t('list.matches', { count: matches.length }) : t('list.count', { count: dossiers.length })}
      </p>
      {matches.length === 0 ? (
        <p className="no-results">{t('list.noMatch', { query: query.trim() })}</p>
      ) : (
        <ul className="dossier-list">
          {matches.map((d) => (
            <DossierCard key={d.code} dossier={d} />
          ))}
        </ul>
      )}
    </>
  );
};

const DossierCard = ({ dossier: d }: { dossier: Dossier }) => {
  const { t, i18n } = useTranslation('dossiers');
  const lng = i18n.language;
  return (
    <li className={d.overdue ? 'dossier-card dossier-card--overdue' : 'dossier-card'}>
      <h3 className="dossier-card__title">
        <Link to={`/dossiers/${encodeURIComponent(d.code)}`}>
          <ProcedureName procedure={{ name: d.procedureName }} />
        </Link>
      </h3>
      <p className="dossier-card__code">
        <span className="visually-hidden">{t('fields.code')}: </span>
        <span className="code">{d.code}</span>
      </p>
      <p className="dossier-card__status">
        <span className="visually-hidden">{t('fields.status')}: </span>
        <StatusChip status={d.status} />
        {d.overdue ? <OverdueChip /> : null}
        {feeDue(d) ? <FeeDueChip /> : null}
      </p>
      <AssistedMark assistedBy={d.assistedBy} />
      <p className="dossier-card__meta">
        {t('submittedOn', { date: formatDate(d.submittedAt, lng) })}
        {d.dueOn && isOpenStatus(d.status) ? ` · ${t('dueOn', { date: formatDate(d.dueOn, lng) })}` : ''}
      </p>
      {feeDue(d) ? (
        <p className="dossier-card__action">
          <Link to={`/dossiers/${encodeURIComponent(d.code)}/pay`}>{t('detail.payment.pay', { amount: formatMoney(d.payment.amount, lng) })}</Link>
        </p>
      ) : null}
    </li>
  );
};
