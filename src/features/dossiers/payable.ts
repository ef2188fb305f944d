import type { Dossier, DossierStatus } from '../../api/dossiers/schema.ts';

/** Statuses in which the office is still working on the dossier (a due date still means something). */
export const isOpenStatus = (status: DossierStatus): boolean => status === 'received' || status === 'in-progress' || status === 'supplement-requested';

/**
 * A fee the citizen can and should still pay: not paid yet (or the last try failed or expired),
 * and the dossier neither withdrawn nor refused. The dossier page, the receipt and the list all
 * ask this one question.
 */
export const feeDue = (d: Pick<Dossier, 'payment' | 'status'>): boolean =>
  (d.payment.status === 'pending' || d.payment.status === 'failed' || d.payment.status === 'expired') &&
  d.payment.amount > 0 &&
  d.status !== 'withdrawn' &&
  d.status !== 'rejected';
