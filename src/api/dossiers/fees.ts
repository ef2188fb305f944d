import type { Procedure } from '../procedures/schema.ts';

/**
 * What an online applicant pays, in đồng; 0 when nothing is due online. Only full-process
 * ("toàn trình") services take payment online. The catalogue lists ALTERNATIVE rates (paper vs
 * online filing, standard vs reduced), so summing them would overcharge: per kind (lệ phí,
 * phí) we take the online rate when one is listed, otherwise the first (standard) rate; rates
 * set by the province (null) cannot be charged here.
 */
export const feeDue = (procedure: Procedure): number => {
  if (procedure.level !== 'full') return 0;
  let total = 0;
  for (const kind of ['fee', 'charge'] as const) {
    const priced = procedure.fees.filter((f) => f.kind === kind && f.amount !== null && f.amount > 0);
    const chosen = priced.find((f) => /trực tuyến/i.test(f.description.normalize('NFC'))) ?? priced[0];
    total += chosen?.amount ?? 0;
  }
  return total;
};
