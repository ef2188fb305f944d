import { useTranslation } from 'react-i18next';

/** Copies the dossier code (for a message, a call to the office); the page announces the outcome. */
export const CopyCode = ({ code, onCopied }: { code: string; onCopied: (ok: boolean) => void }) => {
  const { t } = useTranslation('dossiers');
  const copy = async () => {
    try {
      if (!navigator.clipboard) throw new Error('No clipboard');
      await navigator.clipboard.writeText(code);
      onCopied(true);
    } catch {
      onCopied(false);
    }
  };
  return (
    <button type="button" className="button button--secondary button--small" onClick={() => void copy()}>
      {t('detail.copy')}
      <span className="visually-hidden">{` ${code}`}</span>
    </button>
  );
};
