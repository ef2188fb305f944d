/**
 * A tiny runner for named checks (the conformance suite's): each check runs in order, a thrown
 * error fails it with its message, and the last line printed is `N passed, N failed`.
 */
/** What a backend answered, as every check reads it. */
export interface Answer {
  method: string;
  path: string;
  status: number;
  headers: Headers;
  text: string;
}

/** How a check calls the backend (the suite's `call`). */
export interface CallOptions {
  token?: string | undefined;
  /** A value sent as JSON (Content-Type: application/json unless `headers` says otherwise). */
  json?: unknown;
  /** Raw bytes or text, sent as they are (bytes over 512 KB with Expect: 100-continue). */
  body?: Uint8Array<ArrayBuffer> | string;
  headers?: Record<string, string>;
}

export interface Check<C> {
  name: string;
  run: (context: C) => Promise<void> | void;
}

export interface Report {
  passed: number;
  failed: number;
  failures: { name: string; reason: string }[];
}

/** A failed expectation: the message is the whole story, no stack needed. */
export class CheckFailed extends Error {
  override readonly name = 'CheckFailed';
}

export function expect(condition: unknown, message: string): asserts condition {
  if (!condition) throw new CheckFailed(message);
}

const reasonOf = (error: unknown): string => {
  if (error instanceof CheckFailed) return error.message;
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
    return `${error.name}: ${error.message}${cause}`;
  }
  return String(error);
};

export const runChecks = async <C>(checks: readonly Check<C>[], context: C, print: (line: string) => void = (line) => console.log(line)): Promise<Report> => {
  const report: Report = { passed: 0, failed: 0, failures: [] };
  for (const check of checks) {
    try {
      await check.run(context);
      report.passed++;
      print(`  ok    ${check.name}`);
    } catch (error) {
      report.failed++;
      const reason = reasonOf(error);
      report.failures.push({ name: check.name, reason });
      print(`  FAIL  ${check.name}`);
      for (const line of reason.split('\n')) print(`        ${line}`);
    }
  }
  print(`${report.passed} passed, ${report.failed} failed`);
  return report;
};

/** The process exit code for a report: non-zero when any check failed (or none ran). */
export const exitCodeOf = (report: Report): number => (report.failed > 0 || report.passed === 0 ? 1 : 0);

/**
 * A step several checks need (signing in, the submitted dossier): run once, its result or its
 * failure shared, so a check that depends on a failed step fails saying which.
 */
export const once = <T>(name: string, step: () => Promise<T>): (() => Promise<T>) => {
  let result: Promise<T> | undefined;
  return () =>
    (result ??= step().catch((error: unknown) => {
      throw new CheckFailed(`needs "${name}", which failed: ${reasonOf(error)}`);
    }));
};
