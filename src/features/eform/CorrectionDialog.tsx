import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { requestCorrection } from '../../api/me/requests.ts';
import type { CorrectionReceipt } from '../../api/me/schema.ts';
import { isApiError } from '../../api/errors.ts';

export interface CorrectionTarget {
  path: string;
  label: string;
  value: string;
}

/**
 * "This is wrong": the citizen cannot overwrite an authoritative value, but can ask the agency
 * that holds it to correct it. The form keeps the official value meanwhile.
 */
export const CorrectionDialog = ({ target, onFiled, onClose }: { target: CorrectionTarget; onFiled?: ((receipt: CorrectionReceipt) => void) | undefined; onClose: () => void }) => {
  const { t } = useTranslation(['eform', 'common']);
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [proposed, setProposed] = useState('');
  const [note, setNote] = useState('');
  const [state, setState] = useState<{ status: 'idle' | 'sending' } | { status: 'done'; receipt: CorrectionReceipt } | { status: 'error'; key: string }>({
    status: 'idle',
  });
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  const send = async () => {
    if (!proposed.trim()) {
      setState({ status: 'error', key: 'eform:correction.proposedRequired' });
      return;
    }
    setState({ status: 'sending' });
    try {
      const receipt = await requestCorrection({ path: target.path, currentValue: target.value, proposedValue: proposed.trim(), note: note.trim() || undefined });
      setState({ status: 'done', receipt });
      onFiled?.(receipt);
    } catch (error) {
      setState({ status: 'error', key: isApiError(error) ? `common:errors.${error.kind}.body` : 'common:errors.unknown.body' });
    }
  };
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <h2 id={`${id}-title`}>{t('eform:correction.title', { label: target.label })}</h2>
      {state.status === 'done' ? (
        <div role="status">
          <p>{t('eform:correction.sent', { id: state.receipt.id })}</p>
          <button type="button" className="button" onClick={() => ref.current?.close()}>
            {t('eform:correction.close')}
          </button>
        </div>
      ) : (
        <form
          method="dialog"
          onSubmit={(e) => {
            e.preventDefault();
            void send();
          }}
        >
          <p>{t('eform:correction.explain', { value: target.value })}</p>
          <label htmlFor={`${id}-proposed`}>{t('eform:correction.proposed')}</label>
          <input id={`${id}-proposed`} type="text" value={proposed} onChange={(e) => setProposed(e.target.value)} />
          <label htmlFor={`${id}-note`}>{t('eform:correction.note')}</label>
          <textarea id={`${id}-note`} rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
          {state.status === 'error' ? (
            <p className="field-error" role="alert">
              {t(state.key as 'eform:correction.proposedRequired')}
            </p>
          ) : null}
          <div className="actions">
            <button type="submit" className="button" disabled={state.status === 'sending'}>
              {t('eform:correction.send')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => ref.current?.close()}>
              {t('eform:correction.cancel')}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
};
