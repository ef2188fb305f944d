import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { correctionsQueryOptions, dataStoreQueryOptions } from '../../api/me/queries.ts';
import { getDocumentFile } from '../../api/me/requests.ts';
import type { Address, Correction, DataStoreView, Source, StoredDocument } from '../../api/me/schema.ts';
import { signOut } from '../../auth/actions.ts';
import { useSession } from '../../auth/session.ts';
import { isVolunteer } from '../../api/assisted/role.ts';
import { deleteDraft, listDrafts, listOutbox, type Draft } from '../../offline/personal-db.ts';
import { trackObjectUrl } from '../../auth/wipe.ts';
import { formatDate, formatTime } from '../../lib/format.ts';
import { sendConsentEndsBeforeSignOut, type WaitingConsentEnd } from '../../offline/consent-end.ts';
import { usePageTitle } from '../../components/layout/use-document-title.ts';
import { ErrorPanel } from '../../components/errors/ErrorPanel.tsx';
import { ProcedureName } from '../../components/procedure/ProcedureName.tsx';

const address = (a: Address) => [a.line, a.communeName, a.provinceName].join(', ');

const SourceLine = ({ source }: { source: Source }) => {
  const { t, i18n } = useTranslation('me');
  return <p className="provenance__text">{t('source', { source: t(`sources.${source.id}`), date: formatDate(source.retrievedAt, i18n.language) })}</p>;
};

export const DataStorePage = () => {
  const { t } = useTranslation('me');
  usePageTitle(t('title'));
  const session = useSession();
  const sub = session?.sub ?? '';
  const store = useQuery(dataStoreQueryOptions(sub));
  const corrections = useQuery(correctionsQueryOptions(sub));
  const pending = corrections.data?.filter((c) => c.status === 'received') ?? [];
  return (
    <div className="me">
      <h1>{t('title')}</h1>
      <p className="lead">{t('greeting', { name: session?.name ?? '' })}</p>
      <ul className="me-links">
        <li>
          <Link to="/me/questions">{t('myQuestions')}</Link>
        </li>
        <li>
          <Link to="/me/help">{t('helpLink')}</Link>
        </li>
        {isVolunteer(session) ? (
          <li>
            <Link to="/volunteer">{t('volunteerLink')}</Link>
          </li>
        ) : null}
      </ul>
      {/* A community digital-technology volunteer (docs/domain/assisted.md), signed in as themself. */}
      {isVolunteer(session) ? (
        <p>
          <Link to="/assist" className="button button--secondary">
            {t('helpResident')}
          </Link>
        </p>
      ) : null}
      <Drafts owner={sub} />
      {store.isPending ? <p className="loading">{t('loading')}</p> : null}
      {store.isError ? <ErrorPanel error={store.error} onRetry={() => void store.refetch()} headingLevel="h2" /> : null}
      {pending.length > 0 ? <Corrections pending={pending} /> : null}
      {store.data ? <StoreSections store={store.data} pending={pending} /> : null}
      <SignOut owner={sub} />
    </div>
  );
};

/** A data-store path as the citizen reads it: "citizen.fullName" → "Full name". */
const fieldName = (path: string, t: (key: 'fields.fullName') => string): string => {
  const key = /^citizen\.(\w+)$/.exec(path)?.[1] ?? /^contact\.(\w+)$/.exec(path)?.[1];
  const name = key ? t(`fields.${key}` as 'fields.fullName') : '';
  return name && name !== `fields.${key}` ? name : path;
};

/** Requests to correct a value the state holds, until the agency answers: what, and when. */
const Corrections = ({ pending }: { pending: Correction[] }) => {
  const { t, i18n } = useTranslation('me');
  return (
    <section className="card" aria-labelledby="me-corrections">
      <h2 id="me-corrections">{t('corrections.title')}</h2>
      <ul className="corrections">
        {pending.map((c) => (
          <li key={c.id}>
            <p>
              <strong>{fieldName(c.path, t)}</strong>: {t('corrections.asked', { current: c.currentValue, proposed: c.proposedValue })}
            </p>
            <p className="hint">
              {t('corrections.when', { date: formatDate(c.createdAt, i18n.language), id: c.id })} <span className="status-chip">{t('corrections.pending')}</span>
            </p>
            {c.note ? <p className="hint">{t('corrections.note', { note: c.note })}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
};

/** A part the reader may not see (a volunteer helping, outside the consent): said, not shown empty. */
const Withheld = () => {
  const { t } = useTranslation('me');
  return <p className="hint">{t('withheld')}</p>;
};

const StoreSections = ({ store, pending }: { store: DataStoreView; pending: Correction[] }) => {
  const { t, i18n } = useTranslation('me');
  const lng = i18n.language;
  const c = store.citizen;
  const rows: [string, string, string | undefined][] = [
    ['fullName', t('fields.fullName'), c.fullName],
    ['dateOfBirth', t('fields.dateOfBirth'), c.dateOfBirth && formatDate(c.dateOfBirth, lng)],
    ['sex', t('fields.sex'), c.sex && t(`sex.${c.sex}`)],
    ['idNumber', t('fields.idNumber'), c.idNumber],
    ['ethnicity', t('fields.ethnicity'), c.ethnicity],
    ['nationality', t('fields.nationality'), c.nationality],
    ['placeOfOrigin', t('fields.placeOfOrigin'), c.placeOfOrigin],
    ['permanentAddress', t('fields.permanentAddress'), c.permanentAddress && address(c.permanentAddress)],
    ['currentAddress', t('fields.currentAddress'), c.currentAddress && address(c.currentAddress)],
    ['maritalStatus', t('fields.maritalStatus'), c.maritalStatus && t(`marital.${c.maritalStatus}`)],
  ];
  const shown = rows.filter((row): row is [string, string, string] => row[2] !== undefined);
  const asked = new Set(pending.map((p) => p.path));
  return (
    <>
      <section className="card" aria-labelledby="me-profile">
        <h2 id="me-profile">{t('profile')}</h2>
        {store.sources.citizen ? <SourceLine source={store.sources.citizen} /> : null}
        {shown.length < rows.length ? <Withheld /> : null}
        <dl className="summary-list">
          {shown.map(([key, k, v]) => (
            <div key={key} className="summary-list__row">
              <dt>{k}</dt>
              <dd>
                {v}
                {asked.has(`citizen.${key}`) ? (
                  <>
                    {' '}
                    <span className="status-chip">{t('corrections.pending')}</span>
                  </>
                ) : null}
              </dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="card" aria-labelledby="me-contact">
        <h2 id="me-contact">{t('contact')}</h2>
        {store.sources.contact ? <SourceLine source={store.sources.contact} /> : null}
        {store.contact ? (
          <dl className="summary-list">
            <div className="summary-list__row">
              <dt>{t('fields.phone')}</dt>
              <dd>{store.contact.phone ?? t('none')}</dd>
            </div>
            <div className="summary-list__row">
              <dt>{t('fields.email')}</dt>
              <dd>{store.contact.email ?? t('none')}</dd>
            </div>
          </dl>
        ) : (
          <Withheld />
        )}
      </section>
      <section className="card" aria-labelledby="me-household">
        <h2 id="me-household">{store.household ? t('household', { code: store.household.code }) : t('householdTitle')}</h2>
        {store.sources.household ? <SourceLine source={store.sources.household} /> : null}
        {store.household ? (
          <ul className="people">
            {store.household.members.map((m, i) => (
              <li key={`${m.fullName}-${i}`}>
                <strong>{m.fullName}</strong> — {t(`relationship.${m.relationship}`)}, {formatDate(m.dateOfBirth, lng)}, {m.nationality}
              </li>
            ))}
          </ul>
        ) : (
          <Withheld />
        )}
      </section>
      <section className="card" aria-labelledby="me-documents">
        <h2 id="me-documents">{t('documents')}</h2>
        {store.sources.documents ? <SourceLine source={store.sources.documents} /> : null}
        {store.documents === undefined ? <Withheld /> : store.documents.length === 0 ? <p>{t('noDocuments')}</p> : null}
        <ul className="documents">
          {(store.documents ?? []).map((d) => (
            <DocumentItem key={d.id} document={d} />
          ))}
        </ul>
      </section>
    </>
  );
};

const DocumentItem = ({ document: d }: { document: StoredDocument }) => {
  const { t, i18n } = useTranslation('me');
  const [state, setState] = useState<'idle' | 'loading' | 'error'>('idle');
  const open = async () => {
    setState('loading');
    // Opened before the download so a pop-up blocker does not eat it; filled in when ready.
    const tab = window.open('', '_blank');
    try {
      const url = trackObjectUrl(URL.createObjectURL(await getDocumentFile(d.id)));
      if (tab) tab.location.href = url;
      else window.location.assign(url);
      setState('idle');
    } catch {
      tab?.close();
      setState('error');
    }
  };
  return (
    <li className="document">
      <p className="document__name">{d.title}</p>
      <p className="document__count">
        {t('document.meta', { number: d.number, issuer: d.issuer, date: formatDate(d.issuedOn, i18n.language) })}
        {d.validUntil ? ` · ${t('document.validUntil', { date: formatDate(d.validUntil, i18n.language) })}` : ''}
      </p>
      {d.subjectName ? <p className="document__note">{t('document.about', { name: d.subjectName })}</p> : null}
      <button type="button" className="button button--secondary" onClick={() => void open()} disabled={state === 'loading'}>
        {t('document.view')}
        <span className="visually-hidden"> {d.subjectName ? `${d.title} — ${t('document.about', { name: d.subjectName })}` : d.title}</span>
      </button>
      {state === 'error' ? (
        <p className="field-error" role="alert">
          {t('document.failed')}
        </p>
      ) : null}
    </li>
  );
};

const useDrafts = (owner: string) => {
  const [drafts, setDrafts] = useState<Draft[] | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    if (owner) void listDrafts(owner).then((d) => live && setDrafts(d));
    return () => {
      live = false;
    };
  }, [owner, version]);
  return { drafts, reload: () => setVersion((v) => v + 1) };
};

const Drafts = ({ owner }: { owner: string }) => {
  const { t, i18n } = useTranslation('me');
  const { drafts, reload } = useDrafts(owner);
  if (!drafts || drafts.length === 0) return null;
  return (
    <section className="card" aria-labelledby="me-drafts">
      <h2 id="me-drafts">{t('drafts.title')}</h2>
      <ul className="drafts">
        {drafts.map((d) => (
          <li key={d.procedureId}>
            <Link to={`/services/${d.procedureId}/apply`}>
              <ProcedureName procedure={{ name: d.procedureName }} />
            </Link>
            <span className="hint"> {t('drafts.saved', { date: formatDate(d.updatedAt, i18n.language) })}</span>
            <button
              type="button"
              className="button button--link"
              onClick={() => {
                if (window.confirm(t('drafts.confirmDelete', { name: d.procedureName }))) void deleteDraft(owner, d.procedureId).then(reload);
              }}
            >
              {t('drafts.delete')}
              <span className="visually-hidden"> {d.procedureName}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
};

/** Dossiers submitted on this device that the office does not have yet. */
const useUnsent = (owner: string) => {
  const [unsent, setUnsent] = useState(0);
  useEffect(() => {
    let live = true;
    if (owner) void listOutbox(owner).then((items) => live && setUnsent(items.filter((i) => i.state !== 'sent').length));
    return () => {
      live = false;
    };
  }, [owner]);
  return unsent;
};

/**
 * Ends of residents' consents that could not reach the backend before the sign-out (assisted
 * mode, docs/domain/assisted.md): signing out now drops them and the consents run until they run
 * out. The volunteer chooses: stay signed in (the outbox sends them when the signal returns), or
 * sign out anyway.
 */
const UnsentConsentEnds = ({ waiting, onStay, onSignOut }: { waiting: WaitingConsentEnd[]; onStay: () => void; onSignOut: () => void }) => {
  const { t, i18n } = useTranslation('me');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const ends = waiting.map((w) => w.expiresAt).filter((at): at is number => at !== undefined);
  // The latest of them: until then, at least one consent still runs.
  const until = ends.length === waiting.length && ends.length > 0 ? formatTime(new Date(Math.max(...ends) * 1000), i18n.language) : undefined;
  return (
    <div className="warning" role="alert" aria-labelledby="me-signout-consents">
      <h3 id="me-signout-consents" tabIndex={-1} ref={heading}>
        {t('signOut.consentEnds.title')}
      </h3>
      <p>{until ? t('signOut.consentEnds.body', { count: waiting.length, time: until }) : t('signOut.consentEnds.bodyUntilEnd', { count: waiting.length })}</p>
      <p>{t('signOut.consentEnds.advice')}</p>
      <div className="actions">
        <button type="button" className="button" onClick={onStay}>
          {t('signOut.consentEnds.stay')}
        </button>
        <button type="button" className="button button--secondary" onClick={onSignOut}>
          {t('signOut.consentEnds.signOutAnyway')}
        </button>
      </div>
    </div>
  );
};

const SignOut = ({ owner }: { owner: string }) => {
  const { t } = useTranslation('me');
  const { drafts } = useDrafts(owner);
  const unsent = useUnsent(owner);
  const [busy, setBusy] = useState(false);
  const [unsentEnds, setUnsentEnds] = useState<WaitingConsentEnd[]>();
  const [stayed, setStayed] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const leave = () => {
    setBusy(true);
    void signOut();
  };
  return (
    <section className="card" aria-labelledby="me-signout">
      <h2 id="me-signout">{t('signOut.title')}</h2>
      <p>{drafts && drafts.length > 0 ? t('signOut.withDrafts', { count: drafts.length }) : t('signOut.body')}</p>
      {unsent > 0 ? (
        <p className="field-error">
          {t('signOut.unsent', { count: unsent })} <Link to="/dossiers">{t('signOut.unsentLink')}</Link>
        </p>
      ) : null}
      {unsentEnds ? (
        <UnsentConsentEnds
          waiting={unsentEnds}
          onStay={() => {
            setUnsentEnds(undefined);
            setStayed(true);
            // The outbox tries again now (and whenever the signal returns).
            window.dispatchEvent(new Event('mcs:drain-outbox'));
            button.current?.focus();
          }}
          onSignOut={leave}
        />
      ) : null}
      {stayed ? (
        <p role="status" className="hint">
          {t('signOut.consentEnds.stayed')}
        </p>
      ) : null}
      <button
        ref={button}
        type="button"
        className="button"
        disabled={busy}
        onClick={() => {
          // Sign-out deletes them with everything else: never without asking.
          if (unsent > 0 && !window.confirm(t('signOut.confirmUnsent', { count: unsent }))) return;
          setBusy(true);
          setStayed(false);
          // A resident's consent whose end still waits on the phone: sent first, or the volunteer decides.
          void sendConsentEndsBeforeSignOut(owner).then((left) => {
            if (left.length === 0) {
              void signOut();
              return;
            }
            setUnsentEnds(left);
            setBusy(false);
          });
        }}
      >
        {t('signOut.button')}
      </button>
    </section>
  );
};
