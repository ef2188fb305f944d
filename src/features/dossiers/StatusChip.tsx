import { useTranslation } from 'react-i18next';
import type { DossierStatus } from '../../api/dossiers/schema.ts';

/** Status in words (the colour only repeats it), so it reads the same without colour. */
export const StatusChip = ({ status }: { status: DossierStatus }) => {
  const { t } = useTranslation('dossiers');
  return <span className={`status-chip status-chip--${status}`}>{t(`status.${status}`)}</span>;
};

export const OverdueChip = () => {
  const { t } = useTranslation('dossiers');
  return <span className="status-chip status-chip--overdue">{t('overdue')}</span>;
};

/** On a dossier whose fee is still to pay: the office waits for it. */
export const FeeDueChip = () => {
  const { t } = useTranslation('dossiers');
  return <span className="status-chip status-chip--fee-due">{t('feeDue')}</span>;
};
