/**
 * What validating the answers costs the backend per submission (`npm run bench:validate`): the
 * longest e-form (the 60-field synthetic one, mocks/synthetic-form.ts), every field answered,
 * through the very function the simulated backend's `POST /dossiers` and `POST /forms/:id/check`
 * call (mocks/handlers/forms.ts: the schema compiled from the definition, plus the commune
 * look-up). Answers that hold, and answers with a refusal in every field (the longest path: each
 * issue collected and named). Budget: p95 ≤ 5 ms of CPU time per submission (see `time`); compiling the schema, done once
 * per definition and process, is reported beside it.
 */
import { performance } from 'node:perf_hooks';
import { check, enforce } from './lib/stats.ts';

process.env.MOCK_FORMS = 'synthetic';
const { SYNTHETIC_FORM_ID, SYNTHETIC_FORM_FIELDS, syntheticFormDefinition } = await import('../mocks/synthetic-form.ts');
const { refusedValues } = await import('../mocks/handlers/forms.ts');
const { validAnswers } = await import('../mocks/answers.ts');
const { compileFormSchema } = await import('../src/api/forms/validator.ts');

const BUDGET_MS = 5;
const WARM_UP = 20;
const SAMPLES = 300;
const BATCH = 10;
const CITIZEN = 'vneid-046095001234';

const valid = validAnswers(SYNTHETIC_FORM_ID, CITIZEN, {}, { every: true });
const answered = Object.keys(valid).length;
// Wrong in every field: what a hostile client sends.
const wrong = Object.fromEntries(Object.keys(valid).map((id) => [id, typeof valid[id] === 'string' ? 42 : 'x'])) as Record<string, unknown>;
wrong.unknownField = true;

/**
 * Each sample is one batch of BATCH submissions, per submission: the CPU time this process spent
 * (what validating costs the server) and the wall time. On a shared machine a call of a tenth of
 * a millisecond is sometimes preempted for tens of ms, which the wall time shows and the CPU
 * time does not; on a server with a core to spare the two are the same. The budget holds the CPU
 * time; the wall time is reported beside it.
 */
const time = (values: Record<string, unknown>, expectRefused: boolean): { cpu: number[]; wall: number[] } => {
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let i = 0; i < WARM_UP + SAMPLES; i++) {
    const startCpu = process.cpuUsage();
    const start = performance.now();
    for (let j = 0; j < BATCH; j++) {
      const errors = refusedValues(SYNTHETIC_FORM_ID, values);
      if ((errors.length > 0) !== expectRefused) throw new Error(`the ${expectRefused ? 'wrong' : 'valid'} answers were ${expectRefused ? 'accepted' : `refused: ${JSON.stringify(errors.slice(0, 3))}`}`);
    }
    const used = process.cpuUsage(startCpu);
    if (i >= WARM_UP) {
      wall.push((performance.now() - start) / BATCH);
      cpu.push((used.user + used.system) / 1000 / BATCH);
    }
  }
  return { cpu, wall };
};

const compileStart = performance.now();
compileFormSchema(syntheticFormDefinition);
const compileMs = performance.now() - compileStart;

const errorsNamed = refusedValues(SYNTHETIC_FORM_ID, wrong).length;
console.log(`${SYNTHETIC_FORM_FIELDS}-field form, ${answered} answers; the wrong answers are refused with ${errorsNamed} field errors. Compiling the schema (once per definition): ${compileMs.toFixed(1)} ms.`);
const holding = time(valid, false);
const refusing = time(wrong, true);
for (const [name, samples] of [['answers that hold', holding.wall], ['answers wrong in every field', refusing.wall]] as const) {
  console.log(`wall time, ${check({ name, samples, stat: 'p95', limit: Infinity }).line.replace(/ \(budget.*$/, '')} (reported, not budgeted)`);
}
enforce(
  [
    { name: 'CPU time validating answers that hold', samples: holding.cpu, stat: 'p95', limit: BUDGET_MS, minSamples: SAMPLES },
    { name: 'CPU time validating answers wrong in every field', samples: refusing.cpu, stat: 'p95', limit: BUDGET_MS, minSamples: SAMPLES },
  ],
  [answered < SYNTHETIC_FORM_FIELDS && `only ${answered} of ${SYNTHETIC_FORM_FIELDS} fields were answered`, errorsNamed < SYNTHETIC_FORM_FIELDS && `the wrong answers named only ${errorsNamed} fields`],
);
