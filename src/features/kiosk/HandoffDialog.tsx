import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getHandoffStatus } from '../../api/kiosk/requests.ts';
import { sealHandoff } from '../../api/kiosk/handoff-seal.ts';
import { HANDOFF, type HandoffContent, type HandoffSlot } from '../../api/kiosk/schema.ts';
import { loadDraft } from '../../offline/personal-db.ts';
import { QrCode } from '../../components/ui/QrCode.tsx';

/** How often the kiosk asks whether the phone has taken the work over. */
const STATUS_POLL_MS = 3000;
/** The form saves what was typed within this long (EForm's debounce) once asked to. */
const FLUSH_WAIT_MS = 500;

export interface ReservedSlot {
  slot: HandoffSlot;
  /** The backend's clock minus the kiosk's, when the slot was reserved. */
  offsetMs: number;
}

type Shown = { state: 'preparing' } | { state: 'none' | 'too-long' | 'failed' } | { state: 'shown'; url: string; until: number } | { state: 'taken' };

/**
 * "Continue on your own phone" (docs/domain/kiosks.md, "Hand-off"): the draft of the form on
 * screen, sealed with the slot reserved at sign-in, in a QR code valid 5 minutes. Works with the
 * network down (the slot and its key are already here); when the phone takes it over the kiosk
 * says so and ends the visit, and "I've scanned it" ends it at once.
 */
export const HandoffDialog = ({ reserved, owner, procedureId, step, onClose, onFinish }: { reserved: ReservedSlot | null; owner: string; procedureId: string; step: HandoffContent['step']; onClose: () => void; onFinish: () => void }) => {
  const { t } = useTranslation('kiosk');
  const dialog = useRef<HTMLDialogElement>(null);
  const [shown, setShown] = useState<Shown>({ state: 'preparing' });
  const [attempt, setAttempt] = useState(0);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    dialog.current?.showModal?.();
  }, []);

  // Seal the draft as it is now (the form is asked to save what was just typed first).
  useEffect(() => {
    let stopped = false;
    const prepare = async () => {
      if (!reserved) return setShown({ state: 'failed' });
      window.dispatchEvent(new Event('mcs:flush-draft'));
      await new Promise((resolve) => setTimeout(resolve, FLUSH_WAIT_MS));
      const draft = await loadDraft(owner, procedureId);
      if (!draft) return setShown({ state: 'none' });
      const issuedAt = Date.now() + reserved.offsetMs;
      const content: HandoffContent = {
        procedureId: draft.procedureId,
        procedureName: draft.procedureName,
        definitionVersion: draft.definitionVersion,
        step,
        values: draft.values,
        provenance: draft.provenance,
        prefilledCount: draft.prefilledCount,
        // Papers from the data store travel by reference; files picked here stay (and are wiped).
        ...(draft.attachments ? { attachments: draft.attachments.filter((a) => a.kind === 'data-store') } : {}),
        issuedAt: new Date(issuedAt).toISOString(),
      };
      const payload = await sealHandoff(content, reserved.slot);
      if (stopped) return;
      if (payload.length > HANDOFF.maxPayloadChars) return setShown({ state: 'too-long' });
      setShown({ state: 'shown', url: `${window.location.origin}/handoff#${reserved.slot.id}.${payload}`, until: Date.now() + HANDOFF.validSeconds * 1000 });
    };
    prepare().catch(() => {
      if (!stopped) setShown({ state: 'failed' });
    });
    return () => {
      stopped = true;
    };
  }, [reserved, owner, procedureId, step, attempt]);

  // The countdown, and whether the phone has taken it (best effort: the network may be down).
  const visible = shown.state === 'shown';
  useEffect(() => {
    if (!visible || !reserved) return;
    const tick = setInterval(() => setNow(Date.now()), 1000);
    const controller = new AbortController();
    const poll = setInterval(() => {
      getHandoffStatus(reserved.slot.id, controller.signal)
        .then((status) => {
          if (!status.redeemed) return;
          setShown({ state: 'taken' });
          onFinish();
        })
        .catch(() => undefined);
    }, STATUS_POLL_MS);
    return () => {
      clearInterval(tick);
      clearInterval(poll);
      controller.abort();
    };
  }, [visible, reserved, onFinish]);

  const left = shown.state === 'shown' ? Math.max(0, Math.ceil((shown.until - now) / 1000)) : 0;
  const expired = shown.state === 'shown' && left === 0;
  return (
    <dialog ref={dialog} className="dialog kiosk-handoff" aria-labelledby="kiosk-handoff-title" onCancel={onClose}>
      <h2 id="kiosk-handoff-title">{t('handoff.title')}</h2>
      {shown.state === 'preparing' ? <p role="status">{t('handoff.preparing')}</p> : null}
      {shown.state === 'none' || shown.state === 'too-long' || shown.state === 'failed' ? (
        <p className="error-summary kiosk-error" role="alert">
          {t(`handoff.${shown.state}`)}
        </p>
      ) : null}
      {shown.state === 'taken' ? (
        <p className="success" role="status">
          {t('handoff.taken')}
        </p>
      ) : null}
      {shown.state === 'shown' && !expired ? (
        <div className="kiosk-handoff__body">
          <QrCode value={shown.url} label={t('handoff.qr')} size={480} />
          <div>
            <ol>
              <li>{t('handoff.step1')}</li>
              <li>{t('handoff.step2')}</li>
              <li>{t('handoff.step3')}</li>
            </ol>
            <p className="kiosk-handoff__left" aria-live="polite" aria-atomic="true">
              {t('handoff.left', { time: `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}` })}
            </p>
            <p className="hint">{t('handoff.once')}</p>
          </div>
        </div>
      ) : null}
      {expired ? (
        <p className="error-summary kiosk-error" role="alert">
          {t('handoff.expired')}
        </p>
      ) : null}
      <div className="kiosk-idle__actions">
        {expired ? (
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              setShown({ state: 'preparing' });
              setAttempt((n) => n + 1);
            }}
          >
            {t('handoff.again')}
          </button>
        ) : null}
        {shown.state === 'shown' && !expired ? (
          <button type="button" className="button button--primary" onClick={onFinish}>
            {t('handoff.scanned')}
          </button>
        ) : null}
        <button type="button" className="button button--secondary" onClick={onClose} disabled={shown.state === 'taken'}>
          {t('handoff.back')}
        </button>
      </div>
    </dialog>
  );
};
