/**
 * Switchable misbehaviour of the simulated backend, so tests can ask for latency and failures.
 * Unit tests call these functions directly; e2e tests and people trying `npm start` use
 * `POST /api/__mock/faults` (see handlers/control.ts).
 */
export interface FaultRule {
  /** Substring of the request path, e.g. "/api/catalogue". */
  path: string;
  /** HTTP status to answer with, or "network" to drop the connection. */
  status: number | 'network';
  /** How many matching requests fail before the rule expires; omit for all of them. */
  times?: number;
}

export interface Faults {
  /** Added to every response, in milliseconds. */
  latencyMs: number;
  rules: FaultRule[];
}

const initial = (): Faults => ({
  latencyMs: Number(process.env.MOCK_LATENCY_MS ?? 0) || 0,
  rules: [],
});

let faults: Faults = initial();

export const getFaults = (): Faults => faults;

export const setFaults = (next: Partial<Faults>): Faults => {
  faults = { ...faults, ...next };
  return faults;
};

export const resetFaults = (): void => {
  faults = initial();
};

/** The rule that applies to this path, if any; consumes one of its `times`. */
export const takeFault = (pathname: string): FaultRule | undefined => {
  const rule = faults.rules.find((r) => pathname.includes(r.path));
  if (!rule) return undefined;
  if (rule.times !== undefined) {
    rule.times -= 1;
    if (rule.times <= 0) faults.rules = faults.rules.filter((r) => r !== rule);
  }
  return rule;
};
