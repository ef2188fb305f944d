import { useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { dossierQueryOptions } from '../../api/dossiers/queries.ts';
import { dataStoreQueryOptions } from '../../api/me/queries.ts';
import { isExpired, useSession } from '../../auth/session.ts';
import { usePageTitle } from '../../components/layout/use-document-title.ts';
import { ErrorPanel } from '../../components/errors/ErrorPanel.tsx';
import { Icon } from '../../components/ui/Icon.tsx';
import { DocumentPicker } from '../../components/documents/DocumentPicker.tsx';
import { combinePhotos } from '../../components/documents/attachments.ts';
import type { Attachment } from '../../offline/personal-db.ts';
import { enqueue } from '../../offline/outbox.ts';
import { useOnline } from '../../lib/use-online.ts';
import { ProcedureName } from '../../components/procedure/ProcedureName.tsx';

/** Answering a request for more documents: the papers go to the same dossier, through the outbox. */
export const SupplementPage = () => {
  const { code = '' } = useParams();
  const { t, i18n } = useTranslation('documents');
  const lng = i18n.language === 'en' ? 'en' : 'vi';
  const navigate = useNavigate();
  const session = useSession();
  const owner = session?.sub ?? '';
  const online = useOnline();
  const live = Boolean(session && !isExpired(session));
  usePageTitle(t('supplement.title'));
  const dossier = useQuery(dossierQueryOptions(owner, code));
  const dataStore = useQuery({ ...dataStoreQueryOptions(owner), enabled: live && online });
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [missing, setMissing] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [failed, setFailed] = useState(false);
  const [processing, setProcessing] = useState(false);
  const key = useRef(crypto.randomUUID());

  if (dossier.isPending) return <p className="loading">{t('loading')}</p>;
  if (dossier.isError) return <ErrorPanel error={dossier.error} onRetry={() => void dossier.refetch()} />;
  const data = dossier.data;

  const submit = async () => {
    if (attachments.length === 0) {
      setMissing(true);
      return;
    }
    setSubmitting(true);
    setFailed(false);
    try {
      await enqueue({
        id: key.current,
        owner,
        type: 'supplement',
        dossierCode: data.code,
        procedureId: data.procedureId,
        procedureName: data.procedureName,
        values: {},
        attachments: await combinePhotos(attachments.map((a) => ({ ...a, requirement: a.requirement ?? 'supplement' }))).then((all) =>
          all.map((a) => ({ ...a, requirement: null })),
        ),
      });
    } catch {
      // Nothing is lost: the picked papers are still on this page.
      setFailed(true);
      setSubmitting(false);
      return;
    }
    window.dispatchEvent(new Event('mcs:drain-outbox'));
    void navigate(`/outbox/${key.current}`, { replace: true });
  };

  return (
    <div className="apply">
      <Link to={`/dossiers/${encodeURIComponent(data.code)}`} className="back-link">
        <Icon name="back" size={20} />
        {t('supplement.back')}
      </Link>
      <h1>{t('supplement.title')}</h1>
      <p className="apply__procedure">
        <ProcedureName procedure={{ name: data.procedureName }} /> · <span className="dossier-code">{data.code}</span>
      </p>
      {data.supplement ? (
        <div className="notice">
          <p>{data.supplement.message[lng]}</p>
          <ul>
            {data.supplement.items.map((item) => (
              <li key={item.vi}>{item[lng]}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="notice" role="status">
          {t('supplement.none')}
        </p>
      )}
      {data.supplement ? (
        <>
          <DocumentPicker
            requirement={null}
            title={t('supplement.documents')}
            optional={false}
            attachments={attachments}
            allAttachments={attachments}
            storedDocuments={dataStore.data?.documents}
            onChange={(change) => {
              setAttachments(change);
              setMissing(false);
            }}
            onBusyChange={setProcessing}
            beforeCamera={() => undefined}
            error={missing ? t('required') : undefined}
          />
          {missing ? (
            <p className="field-error" role="alert">
              {t('missingTitle', { count: 1 })}
            </p>
          ) : null}
          {failed ? (
            <p className="field-error" role="alert">
              {t('queueFailed')}
            </p>
          ) : null}
          {processing ? <p className="hint">{t('waitForFiles')}</p> : null}
          <button type="button" className="button button--primary button--block" disabled={submitting || processing} onClick={() => void submit()}>
            {submitting ? t('submitting') : t('supplement.send')}
          </button>
        </>
      ) : null}
    </div>
  );
};
