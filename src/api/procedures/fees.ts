import type { Channel, Fee, Procedure } from './schema.ts';

/** What one rate adds to the bill: its base amount and the copies beyond those it covers. */
export interface FeeLine {
  kind: Fee['kind'];
  description: string;
  base: number;
  extraCopies: number;
  perCopy: number;
  amount: number;
}

export interface FeeQuote {
  /** Đồng, what is charged; 0 when nothing is due through this channel. */
  total: number;
  lines: FeeLine[];
}

export interface FeeRequest {
  channel: Channel;
  /** Copies asked for (the e-form's `procedure.copiesField`); 1 when the form does not ask. */
  copies?: number | undefined;
}

/** The copies the citizen asked for, from the e-form answers; 1 when the form does not ask. */
export const copiesAskedFor = (procedure: Pick<Procedure, 'copiesField'>, values: Readonly<Record<string, unknown>>): number => {
  if (!procedure.copiesField) return 1;
  const raw = values[procedure.copiesField];
  const copies = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+$/.test(raw.trim()) ? Number(raw) : NaN;
  return Number.isInteger(copies) && copies >= 1 ? copies : 1;
};

/**
 * THE fee: what the app shows and the backend charges, from the procedure's rules
 * (docs/domain/fees.md). The catalogue lists ALTERNATIVE rates, so per kind (lệ phí, phí) one
 * rate is chosen: the one for this channel, else the one for any channel; reduced rates for a
 * group are never chosen by themselves. Only full-process ("toàn trình") services take
 * payment online; rates set by the province (null) cannot be charged here.
 */
export const feeFor = (procedure: Pick<Procedure, 'level' | 'fees'>, request: FeeRequest): FeeQuote => {
  if (request.channel === 'online' && procedure.level !== 'full') return { total: 0, lines: [] };
  const copies = Math.max(1, Math.floor(request.copies ?? 1));
  const lines: FeeLine[] = [];
  for (const kind of ['fee', 'charge'] as const) {
    const standard = procedure.fees.filter((f) => f.kind === kind && f.onlyFor === undefined && f.amount !== null);
    const chosen = standard.find((f) => f.channel === request.channel) ?? standard.find((f) => f.channel === undefined);
    if (!chosen || chosen.amount === null) continue;
    const extraCopies = chosen.perCopy ? Math.max(0, copies - chosen.perCopy.included) : 0;
    const perCopy = chosen.perCopy?.amount ?? 0;
    const amount = chosen.amount + extraCopies * perCopy;
    if (amount > 0) lines.push({ kind, description: chosen.description, base: chosen.amount, extraCopies, perCopy, amount });
  }
  return { total: lines.reduce((sum, l) => sum + l.amount, 0), lines };
};
