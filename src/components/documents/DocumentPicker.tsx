import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredDocument } from '../../api/me/schema.ts';
import type { Attachment } from '../../offline/personal-db.ts';
import { trackObjectUrl } from '../../auth/wipe.ts';
import { formatBytes } from '../../lib/format.ts';
import { attachedBytes, photosFitOnePdf, prepareFile, type FileAttachment, type PickError } from './attachments.ts';

interface Props {
  /** Requirement index in the procedure's documents list (null: extra papers). */
  requirement: string | null;
  title: string;
  note?: string | undefined;
  /** The language of `title` and `note` when it is not the page's (the official Vietnamese on an English page). */
  lang?: string | undefined;
  optional: boolean;
  attachments: Attachment[];
  /** All attachments of the dossier, for the per-dossier size limit. */
  allAttachments: Attachment[];
  storedDocuments: StoredDocument[] | undefined;
  /**
   * This requirement's attachments change. An updater, not a value: a photo can take seconds to
   * compress, and what else was attached or removed meanwhile must not be undone.
   */
  onChange: (update: (current: Attachment[]) => Attachment[]) => void;
  /** True while files are being checked and compressed (the dossier cannot be sent meanwhile). */
  onBusyChange?: (busy: boolean) => void;
  /** Called before the camera opens: Android may kill the tab while it is open. */
  beforeCamera: () => Promise<void> | void;
  error?: string | undefined;
}

const Preview = ({ attachment }: { attachment: FileAttachment }) => {
  const url = useMemo(
    () => (attachment.mime === 'application/pdf' ? null : trackObjectUrl(URL.createObjectURL(new Blob([attachment.data], { type: attachment.mime })))),
    [attachment],
  );
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  return url ? <img className="attachment__thumb" src={url} alt="" width={56} height={56} /> : <span className="attachment__thumb attachment__thumb--pdf" aria-hidden="true">PDF</span>;
};

/** One required paper: reuse one from the data store, upload a file, or photograph it. */
export const DocumentPicker = ({ requirement, title, note, lang, optional, attachments, allAttachments, storedDocuments, onChange, onBusyChange, beforeCamera, error }: Props) => {
  const { t, i18n } = useTranslation('documents');
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<{ name: string; error: PickError }[]>([]);
  const [added, setAdded] = useState<string[]>([]);
  const stored = attachments.find((a) => a.kind === 'data-store');
  const files = attachments.filter((a): a is FileAttachment => a.kind === 'file');
  // A result that arrives after the citizen left the page belongs to nothing any more.
  const mounted = useRef(true);
  useEffect(() => {
    // Set on every mount: StrictMode (and React's Activity) unmount and mount again.
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const addFiles = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    setBusy(true);
    onBusyChange?.(true);
    setProblems([]);
    setAdded([]);
    const ready: FileAttachment[] = [];
    const failed: { name: string; error: PickError }[] = [];
    let bytes = attachedBytes(allAttachments);
    try {
      for (const file of Array.from(list)) {
        try {
          const result = await prepareFile(file, requirement, bytes);
          const photos = [...files, ...ready].filter((a) => a.mime === 'image/jpeg').map((a) => a.size);
          if (result.ok && result.attachment.mime === 'image/jpeg' && requirement !== null && !photosFitOnePdf([...photos, result.attachment.size]))
            failed.push({ name: result.attachment.name, error: 'too-many-pages' });
          else if (result.ok) {
            ready.push(result.attachment);
            bytes += result.attachment.size;
          } else failed.push({ name: result.name, error: result.error });
        } catch {
          // The file went away or cannot be read (a cloud file offline, changed since it was picked).
          failed.push({ name: file.name || 'tep', error: 'unreadable' });
        }
      }
    } finally {
      onBusyChange?.(false);
      if (mounted.current) {
        setBusy(false);
        setProblems(failed);
        setAdded(ready.map((a) => a.name));
        // Files replace a paper chosen from the data store; other files stay.
        if (ready.length > 0) onChange((current) => [...current.filter((a) => a.kind === 'file'), ...ready]);
      }
    }
  };

  const pickStored = (documentId: string) => {
    const doc = storedDocuments?.find((d) => d.id === documentId);
    onChange((current) => (doc ? [{ kind: 'data-store', requirement, documentId: doc.id, title: doc.title }] : current.filter((a) => a.kind === 'file')));
  };

  return (
    <section className="picker" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="picker__title">
        <span lang={lang}>{title}</span> {optional ? <span className="hint">{t('optional')}</span> : null}
      </h2>
      {note ? (
        <p className="hint" lang={lang}>
          {note}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}

      {storedDocuments && storedDocuments.length > 0 ? (
        <div className="field">
          <label htmlFor={`${id}-stored`} className="field__label">
            {t('fromStore')}
          </label>
          <select id={`${id}-stored`} aria-describedby={error ? `${id}-error` : undefined} value={stored?.kind === 'data-store' ? stored.documentId : ''} onChange={(e) => pickStored(e.target.value)}>
            <option value="">{t('fromStoreNone')}</option>
            {storedDocuments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.subjectName ? `${d.title} (${d.subjectName})` : d.title} — {d.number}
              </option>
            ))}
          </select>
        </div>
      ) : storedDocuments === undefined ? (
        <p className="hint">{t('storeOffline')}</p>
      ) : null}

      {stored ? null : (
        <>
          <div className="picker__actions">
            <label className="button button--secondary picker__file">
              {t('photograph')}
              <input
                type="file"
                aria-describedby={error ? `${id}-error` : undefined}
                accept="image/*"
                capture="environment"
                className="visually-hidden"
                disabled={busy}
                onClick={() => void beforeCamera()}
                onChange={(e) => {
                  void addFiles(e.target.files);
                  e.target.value = '';
                }}
              />
            </label>
            <label className="button button--secondary picker__file">
              {t('upload')}
              <input
                type="file"
                aria-describedby={error ? `${id}-error` : undefined}
                accept="application/pdf,image/jpeg,image/png,image/heic,image/heif,.pdf,.jpg,.jpeg,.png,.heic,.heif"
                multiple
                className="visually-hidden"
                disabled={busy}
                onChange={(e) => {
                  void addFiles(e.target.files);
                  e.target.value = '';
                }}
              />
            </label>
          </div>
          <div role="status" aria-live="polite">
            {busy ? <p className="loading">{t('processing')}</p> : added.length > 0 ? <p className="visually-hidden">{t('attached', { names: added.join(', ') })}</p> : null}
          </div>
          {problems.length > 0 ? (
            <ul className="picker__problems" role="alert">
              {problems.map((p, i) => (
                <li key={`${i}-${p.name}`} className="field-error">
                  {t(`errors.${p.error}`, { name: p.name })}
                </li>
              ))}
            </ul>
          ) : null}
          {files.length > 0 ? (
            <ul className="attachments">
              {files.map((f, i) => (
                <li key={f.key} className="attachment">
                  <Preview attachment={f} />
                  <span className="attachment__name">
                    {f.mime === 'image/jpeg' && files.length > 1 ? t('page', { n: i + 1 }) : f.name}
                    <span className="hint"> · {formatBytes(f.size, i18n.language)}</span>
                  </span>
                  <button type="button" className="button button--ghost" onClick={() => onChange((current) => current.filter((a) => a.kind !== 'file' || a.key !== f.key))}>
                    {t('remove')}
                    <span className="visually-hidden"> {f.name}</span>
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          {files.filter((f) => f.mime === 'image/jpeg').length > 1 ? <p className="hint">{t('photosBecomePdf')}</p> : null}
        </>
      )}
    </section>
  );
};
