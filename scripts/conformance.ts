/**
 * Conformance: drives a backend over HTTP through the whole contract (src/api/<resource>/schema.ts, the
 * OpenAPI document at /api/openapi.json) — the happy path and every refusal — and parses every
 * answer with the app's own zod schemas, so a response that drifts from the contract fails.
 *
 *   npm run conformance -- --base-url https://dichvucong.example.gov.vn/api
 *
 * Signing in: with CONFORMANCE_TOKEN (a citizen's bearer token) and CONFORMANCE_OTHER_TOKEN
 * (another citizen's, for "not your data"), or --token/--other-token; without them the suite
 * signs in at the simulated VNeID (--idp, default <origin of the base URL>/idp) as two demo
 * citizens. The citizen behind the first token needs a phone number in their data store
 * (tracking asks for its last 4 digits).
 *
 * Prints one line per check and `N passed, N failed` last; exits non-zero when any check fails.
 * docs/how-to/run-conformance.md says how to read and extend it.
 */
import { randomUUID } from 'node:crypto';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { parseArgs } from 'node:util';
import { signInAtSimulatedIdp as signInAtIdp } from './lib/simulated-idp.ts';
import { crc32 } from 'node:zlib';
import { array, prettifyError, safeParse, type core } from 'zod/mini';
import { Commune, Province } from '../src/api/admin-units/schema.ts';
import { Dossier, DossierList, NotificationList, Payment, TRACK_CLIENT_LIMIT, TRACK_CODE_LOCK, TrackResult, Upload, UPLOAD_LIMITS, type SubmitDossier } from '../src/api/dossiers/schema.ts';
import { FormCheckResult, FormDefinition, prefillValue, type FormNotice } from '../src/api/forms/schema.ts';
import { isEmpty, matches, visibleSections } from '../src/api/forms/conditions.ts';
import { Correction, CorrectionReceipt, DataStore, DataStoreView } from '../src/api/me/schema.ts';
import { InvalidValuesProblem, Problem, type FieldError } from '../src/api/problem/schema.ts';
import { Catalogue, OfficeList, Procedure, ProcedureTranslation, type Office } from '../src/api/procedures/schema.ts';
import { COMMENT_MAX, DossierRating, RATING_POST_LIMIT, RatingCriteria, StoredRating, type RateDossier } from '../src/api/ratings/schema.ts';
import { AgencyStats, ProvinceStats, type Figures } from '../src/api/stats/schema.ts';
import { copiesAskedFor, feeFor } from '../src/api/procedures/fees.ts';
import { PapersRefused } from '../src/api/procedures/papers.ts';
import { MAX_IMAGE_PIXELS } from '../src/lib/files/inspect.ts';
import { todayInVietnam } from '../src/lib/vn/dates.ts';
import { CheckFailed, exitCodeOf, expect, once, runChecks, type Answer, type CallOptions, type Check } from './lib/conformance-runner.ts';
import { questionChecks } from './lib/conformance-questions.ts';
import { kioskChecks, kioskEnrolmentLimitCheck, type KioskTools } from './lib/conformance-kiosk.ts';
import { handoffChecks, receiptChecks, receiptFloodCheck, type ReceiptTools } from './lib/conformance-receipts.ts';
import { assistedChecks } from './lib/conformance-assisted.ts';

// ---------------------------------------------------------------------------------------------
// Talking to the backend
// ---------------------------------------------------------------------------------------------

const LARGE = 512 * 1024;

const describe = (a: Answer) => `${a.method} ${a.path} answered ${a.status}`;

/** What stack traces and file paths look like in Node, Java, Python, Go, PHP, .NET and Ruby. */
const INTERNALS = /\bat [\w$.<>]+ \(|\bat .+:\d+:\d+|\.(?:ts|tsx|js|mjs|cjs|java|kt|py|rb|php|go|cs):\d+|node_modules|Traceback \(most recent|Exception in thread|\/(?:home|usr|var|srv|opt|app|work|tmp)\/|[A-Z]:\\\\/;

export class Backend {
  /** Every answer, for the checks that hold across all of them (nosniff, problem+json). */
  readonly answers: Answer[] = [];
  readonly baseUrl: string;
  constructor(baseUrl: string) {
    this.baseUrl = baseUrl;
  }

  async call(method: string, path: string, options: CallOptions = {}): Promise<Answer> {
    const headers: Record<string, string> = { Accept: 'application/json', ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}) };
    let body: BodyInit | undefined;
    if (options.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.body !== undefined) body = options.body;
    Object.assign(headers, options.headers);
    if (body !== undefined && typeof body !== 'string' && (body as Uint8Array).length > LARGE) {
      try {
        const large = await sendLarge(`${this.baseUrl}${path}`, method, headers, body as Uint8Array);
        return this.record({ method, path, ...large });
      } catch (error) {
        throw new CheckFailed(`${method} ${path}: no answer (${error instanceof Error ? error.message : String(error)})`);
      }
    }
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, { method, headers, body: body ?? null, redirect: 'manual', signal: AbortSignal.timeout(30_000) });
    } catch (error) {
      throw new CheckFailed(`${method} ${path}: no answer (${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)})`);
    }
    return this.record({ method, path, status: response.status, headers: response.headers, text: await response.text() });
  }

  private record(answer: Answer): Answer {
    this.answers.push(answer);
    return answer;
  }
}

const headersOf = (incoming: IncomingHttpHeaders): Headers => {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, v);
  }
  return headers;
};

/**
 * A large body sent as a client that expects to be refused should: `Expect: 100-continue`, the
 * body only once the server says go on (or after a second of silence), and no more of it once an
 * answer has come. A server that refuses by Content-Length and closes the connection is then
 * heard, not met with a broken pipe.
 */
const sendLarge = (url: string, method: string, headers: Record<string, string>, body: Uint8Array) =>
  new Promise<{ status: number; headers: Headers; text: string }>((resolve, reject) => {
    const target = new URL(url);
    let answered = false;
    const request = (target.protocol === 'https:' ? httpsRequest : httpRequest)(
      target,
      { method, headers: { ...headers, 'Content-Length': String(body.length), Expect: '100-continue' }, timeout: 30_000 },
      (response) => {
        answered = true;
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: headersOf(response.headers), text: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    request.on('error', (error) => {
      if (!answered) reject(error);
    });
    request.on('timeout', () => request.destroy(new Error('timed out')));
    let offset = 0;
    let started = false;
    const write = () => {
      if (started) return;
      started = true;
      const next = () => {
        while (!answered && offset < body.length) {
          const chunk = body.subarray(offset, offset + 64 * 1024);
          offset += chunk.length;
          if (!request.write(chunk)) return void request.once('drain', next);
        }
        request.end();
      };
      next();
    };
    request.on('continue', write);
    request.flushHeaders();
    setTimeout(() => {
      if (!answered) write();
    }, 1000).unref();
  });

const expectStatus = (answer: Answer, expected: number | readonly number[]) => {
  const allowed = typeof expected === 'number' ? [expected] : expected;
  expect(allowed.includes(answer.status), `${describe(answer)}, expected ${allowed.join(' or ')}: ${answer.text.slice(0, 300)}`);
};

const jsonOf = (answer: Answer): unknown => {
  try {
    return JSON.parse(answer.text) as unknown;
  } catch {
    throw new CheckFailed(`${describe(answer)} with a body that is not JSON: ${answer.text.slice(0, 200)}`);
  }
};

/** The body parsed with the contract's schema: drift fails the check, naming what drifted. */
const parsed = <T>(schema: core.$ZodType<T>, answer: Answer, expected: number | readonly number[] = 200): T => {
  expectStatus(answer, expected);
  const type = answer.headers.get('Content-Type') ?? '';
  expect(/^application\/json\b/i.test(type), `${describe(answer)} with Content-Type "${type}", expected application/json`);
  const result = safeParse(schema, jsonOf(answer));
  if (!result.success) throw new CheckFailed(`${describe(answer)} with a body that drifts from the contract:\n${prettifyError(result.error)}`);
  return result.data;
};

/** A refusal as the contract says: problem+json, type/title/status/code, nothing internal. */
const problemIn = (answer: Answer): string | undefined => {
  const type = answer.headers.get('Content-Type') ?? '';
  if (!/^application\/problem\+json\b/i.test(type)) return `Content-Type "${type}", expected application/problem+json`;
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    return 'a body that is not JSON';
  }
  const result = safeParse(Problem, body);
  if (!result.success) return `a problem that drifts from the contract:\n${prettifyError(result.error)}`;
  if (result.data.status !== answer.status) return `a problem whose status ${result.data.status} is not the HTTP status`;
  if (INTERNALS.test(answer.text)) return `a body that shows the server's insides (a stack trace or a file path): ${answer.text.slice(0, 300)}`;
  return undefined;
};

const refused = (answer: Answer, expected: number | readonly number[]) => {
  expectStatus(answer, expected);
  const wrong = problemIn(answer);
  if (wrong) throw new CheckFailed(`${describe(answer)} with ${wrong}`);
  return JSON.parse(answer.text) as Problem;
};

/** A 422 `invalid-values` (InvalidValuesProblem) whose errors include each of `expected` (path and code). */
const invalidValues = (answer: Answer, ...expected: FieldError[]) => {
  refused(answer, 422);
  const result = safeParse(InvalidValuesProblem, JSON.parse(answer.text));
  if (!result.success) throw new CheckFailed(`${describe(answer)} with a problem that is not invalid-values with field errors:\n${prettifyError(result.error)}`);
  for (const e of expected) {
    expect(
      result.data.errors.some((found) => found.path === e.path && found.code === e.code),
      `${describe(answer)} without the field error ${e.path}: ${e.code} (it named ${result.data.errors.map((f) => `${f.path}: ${f.code}`).join(', ')})`,
    );
  }
  return result.data.errors;
};

// ---------------------------------------------------------------------------------------------
// Signing in at the simulated VNeID (OIDC authorization code + PKCE), as the app does
// ---------------------------------------------------------------------------------------------

/** A citizen's token from the simulated VNeID; for a real backend the tokens are given instead. */
const signInAtSimulatedIdp = (idp: string, citizen: string): Promise<string> =>
  signInAtIdp(idp, citizen).catch((error: unknown) => {
    throw new CheckFailed(`${error instanceof Error ? error.message : String(error)}; for a real backend set CONFORMANCE_TOKEN and CONFORMANCE_OTHER_TOKEN`);
  });

// ---------------------------------------------------------------------------------------------
// Test data
// ---------------------------------------------------------------------------------------------

/**
 * The smallest well-formed PDF: one empty page, a correct cross-reference table. `size` pads it
 * with a comment to exactly that many bytes (still well-formed), for the size limits.
 */
export const tinyPdf = (size = 0): Uint8Array<ArrayBuffer> => {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>'];
  let text = '%PDF-1.4\n';
  if (size > 0) {
    const rest = size - tinyPdf().length - 2; // '%' and '\n' around the padding
    expect(rest >= 0, `a PDF of ${size} bytes is too small to hold a page`);
    text += `%${' '.repeat(rest)}\n`;
  }
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(text.length);
    text += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = text.length;
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  text += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(text);
};

/** A web page posing as a PDF: the magic bytes, then a script. No cross-reference table, no page. */
const FAKE_PDF = new TextEncoder().encode('%PDF-<html><script>fetch("/api/me").then((r) => r.text()).then(alert)</script></html>\n');

/**
 * A PNG whose header claims `width` × `height` pixels: signature, an IHDR chunk (8-bit RGB) with
 * a correct CRC, an empty IDAT and IEND. A decompression bomb's header without the bomb: a backend
 * must refuse it by what the header claims (docs/domain/uploads.md), never by decoding it.
 */
export const pngClaiming = (width: number, height: number): Uint8Array<ArrayBuffer> => {
  const chunk = (type: string, data: Uint8Array) => {
    const out = new Uint8Array(12 + data.length);
    const view = new DataView(out.buffer);
    view.setUint32(0, data.length);
    out.set(new TextEncoder().encode(type), 4);
    out.set(data, 8);
    view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
    return out;
  };
  const ihdr = new Uint8Array(13);
  new DataView(ihdr.buffer).setUint32(0, width);
  new DataView(ihdr.buffer).setUint32(4, height);
  ihdr.set([8, 2, 0, 0, 0], 8); // bit depth 8, RGB, deflate, no filter, no interlace
  const emptyDeflate = Uint8Array.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
  const parts = [Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', emptyDeflate), chunk('IEND', new Uint8Array(0))];
  const png = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    png.set(part, at);
    at += part.length;
  }
  return png;
};

/** `Retry-After` as RFC 9110 allows it: delay-seconds (a positive integer here) or an HTTP date in the future. */
const retryAfterOf = (answer: Answer): string | undefined => {
  const value = answer.headers.get('Retry-After')?.trim();
  if (!value) return 'no Retry-After';
  if (/^\d+$/.test(value)) return Number(value) > 0 ? undefined : `Retry-After ${value}`;
  const at = Date.parse(value);
  return Number.isNaN(at) ? `a Retry-After that is neither seconds nor a date: "${value}"` : undefined;
};

/** Seconds a `Retry-After` asks to wait (a date counted from now). */
const retryAfterSeconds = (answer: Answer): number => {
  const value = answer.headers.get('Retry-After')?.trim() ?? '';
  return /^\d+$/.test(value) ? Number(value) : Math.round((Date.parse(value) - Date.now()) / 1000);
};

/** Figures from fewer than `min` ratings are withheld (null), never published. */
const expectWithheld = (who: string, figures: Figures, min: number) => {
  const { ratings } = figures;
  if (ratings.count < min) {
    expect(ratings.satisfiedShare === null && ratings.levels === null, `${who}: ${ratings.count} ratings, yet the shares are published`);
    expect(figures.index.satisfaction === null, `${who}: ${ratings.count} ratings, yet a satisfaction score is published`);
  }
  for (const indicator of ratings.indicators) {
    if (indicator.answers < min) expect(indicator.average === null, `${who}: indicator ${indicator.id} from ${indicator.answers} answers is published`);
  }
};

const tooMany = (answer: Answer) => {
  const problem = refused(answer, 429);
  const wrong = retryAfterOf(answer);
  if (wrong) throw new CheckFailed(`${describe(answer)} with ${wrong}`);
  return problem;
};

/** A Windows executable (MZ header) wearing a .pdf name. */
const EXE = Uint8Array.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff, 0x00, 0x00]);

/**
 * The happy path applies for a marital status certificate (1.004873, no fee): the answers the
 * data store fills in (as the app prefills them), plus these.
 */
export const SUBMISSION = {
  procedureId: '1.004873',
  answers: {
    purpose: 'loan',
    copyCount: 1,
    declarationAgreed: true,
  } as Record<string, unknown>,
};

/**
 * The fee check applies for a criminal-record certificate (3.000333) with 3 copies: its rule
 * charges copies beyond the ones included. These answers complete the prefilled ones.
 */
export const FEE_SUBMISSION = {
  procedureId: '3.000333',
  copies: 3,
  answers: {
    certificateType: 'type1',
    purpose: 'employment',
    deliveryMethod: 'electronic',
    declarationAgreed: true,
  } as Record<string, unknown>,
};

/**
 * A late registration (docs/domain/civil-status.md): a birth registration (1.001193) whose date
 * with `lateAfterDays` (the child's date of birth) lies past it. Accepted and flagged, never
 * refused. These answers complete the prefilled ones; the paper is the citizen's stored one.
 */
export const LATE_SUBMISSION = {
  procedureId: '1.001193',
  answers: { childFullName: 'Nguyễn Minh Thư', childBirthFacility: 'Bệnh viện Trung ương Huế', otherParentUnknown: true } as Record<string, unknown>,
};

/** A procedure with a paper nothing online provides (the birth notice of 1.001193): sent without it. */
export const MISSING_PAPER_PROCEDURE = '1.004222';

/** The office for where the citizen lives: the one serving their commune, else their province. */
export const officeFor = (offices: readonly Office[], store: DataStore): Office | undefined => {
  const address = store.citizen.currentAddress;
  return (
    offices.find((o) => o.communeCodes?.includes(address.communeCode)) ??
    offices.find((o) => o.provinceCode === address.provinceCode && o.communeCodes === undefined) ??
    (offices.length === 1 ? offices[0] : undefined)
  );
};

/** The amount (EMVCo tag 54) a VietQR payload asks for, walking its tag-length-value fields. */
export const qrAmount = (payload: string): number | undefined => {
  for (let i = 0; i + 4 <= payload.length; ) {
    const tag = payload.slice(i, i + 2);
    const length = Number(payload.slice(i + 2, i + 4));
    if (!Number.isInteger(length)) return undefined;
    if (tag === '54') return Number(payload.slice(i + 4, i + 4 + length));
    i += 4 + length;
  }
  return undefined;
};

/** Every locked or editable value the form prefills from the data store, as the app sends it. */
export const prefilledAnswers = (form: FormDefinition, store: DataStore): Record<string, unknown> => {
  const values: Record<string, unknown> = {};
  for (const field of form.sections.flatMap((s) => s.fields)) {
    if (field.type === 'group' || field.type === 'document' || !field.prefill) continue;
    const value = prefillValue(store, field.prefill);
    if (value === undefined) continue;
    const part = (key: string) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined);
    // An address as the app sends it: the five members of the data store's address, nothing else.
    values[field.id] =
      field.type === 'address'
        ? { provinceCode: part('provinceCode'), provinceName: part('provinceName'), communeCode: part('communeCode'), communeName: part('communeName'), line: part('line') }
        : value;
  }
  return values;
};

/**
 * A valid answer to every required field shown that is still empty (the first option, a ticked
 * box, the citizen's current address, the smallest number), and nothing in a field not shown:
 * answers a form can take, whatever it asks, so that a check can be about something else.
 */
export const completeAnswers = (form: FormDefinition, store: DataStore, values: Record<string, unknown>): Record<string, unknown> => {
  const out = { ...values };
  for (let pass = 0; pass < 3; pass++) {
    for (const section of visibleSections(form, out)) {
      for (const field of section.fields) {
        if (field.type === 'group' || !field.required || !isEmpty(out[field.id])) continue;
        const a = store.citizen.currentAddress;
        if (field.type === 'select' || field.type === 'radio') out[field.id] = field.options[0]?.value;
        else if (field.type === 'checkbox') out[field.id] = true;
        else if (field.type === 'number') out[field.id] = field.min ?? 1;
        else if (field.type === 'address') out[field.id] = { provinceCode: a.provinceCode, provinceName: a.provinceName, communeCode: a.communeCode, communeName: a.communeName, line: a.line };
      }
    }
  }
  const shown = new Set(visibleSections(form, out).flatMap((section) => section.fields.map((f) => f.id)));
  for (const field of form.sections.flatMap((section) => section.fields)) if (!shown.has(field.id) || !matches(field.visibleWhen, out)) delete out[field.id];
  return out;
};

/**
 * Answers that must be refused, each a change to the valid answers of SUBMISSION's form
 * (1.004873) and the field error it must bring: a phone that is a number, an option the field
 * does not offer, a field the form does not have, a field the citizen was not shown (the future
 * spouse's name asked only when the certificate is for a marriage), and a date in the future.
 */
const VALUE_PROBES = (valid: Record<string, unknown>): [string, Record<string, unknown>, FieldError][] => [
  ['phone: 42', { ...valid, phone: 42 }, { path: 'phone', code: 'validation.phone.format' }],
  ['an option the field does not offer', { ...valid, purpose: 'no-such-purpose' }, { path: 'purpose', code: 'validation.option' }],
  ['a field the form does not have', { ...valid, isAdmin: true }, { path: 'isAdmin', code: 'validation.unknownField' }],
  ['a field the citizen was not shown', { ...valid, intendedPartnerName: 'Nguyễn Văn Khác' }, { path: 'intendedPartnerName', code: 'validation.hidden' }],
  [
    'a period that ends before it starts',
    { ...valid, pastPeriod: true, pastResidence: 'Phường Phú Hội, thành phố Huế', pastFrom: '2015-01-01', pastTo: '2010-01-01' },
    { path: 'pastTo', code: 'validation.date.beforeOther' },
  ],
  ['a date in the future', { ...valid, pastPeriod: true, pastResidence: 'Phường Phú Hội, thành phố Huế', pastFrom: '2999-01-01', pastTo: '2999-02-01' }, { path: 'pastFrom', code: 'validation.date.future' }],
];

// ---------------------------------------------------------------------------------------------
// The checks
// ---------------------------------------------------------------------------------------------

export interface Context {
  api: Backend;
  /** A citizen's bearer token, and another citizen's. */
  token: () => Promise<string>;
  otherToken: () => Promise<string>;
  /** The identity provider's base URL (the device flow of hall kiosks). */
  idp: string;
  /** A volunteer's bearer token (assisted mode). */
  volunteerToken: () => Promise<string>;
}

interface State {
  store: () => Promise<DataStore>;
  /** The office that serves the citizen's address, from the procedure's offices. */
  office: (procedureId: string) => Promise<Office>;
  form: () => Promise<FormDefinition>;
  values: () => Promise<Record<string, unknown>>;
  upload: () => Promise<{ upload: Upload; key: string }>;
  submitted: () => Promise<{ dossier: Dossier; key: string; body: SubmitDossier }>;
  /** The happy path's dossier once withdrawn (by the withdrawal check): finished, so ratable. */
  withdrawn: () => Promise<{ dossier: Dossier }>;
  /** A second dossier, still received (the rating checks withdraw it). */
  second: () => Promise<Dossier>;
  criteria: () => Promise<RatingCriteria>;
  /** A valid rating against the backend's criteria. */
  rating: () => Promise<RateDossier>;
}

const json = (value: unknown) => ({ json: value });
/** A code of the right shape that no office issues (agency H99, a day that does not exist). */
const UNKNOWN_CODE = '000.00.99.H99-991231-0001';
const keyed = (key: string = randomUUID()) => ({ 'Idempotency-Key': key });
const path = (template: string, ...parts: string[]) => parts.reduce((p, part) => p.replace(/\{\w+\}/, encodeURIComponent(part)), template);

/** The checks, in order. Each is a name and a function that throws (via `expect`) to fail. */
const kioskTools: KioskTools<Context, Answer> = {
  call: (ctx, method, p, options) => ctx.api.call(method, p, options),
  idp: (ctx) => ctx.idp,
  parsed,
  refused,
  tooMany,
  retryAfterSeconds,
};

const receiptTools = (s: (ctx: Context) => State): ReceiptTools<Context, Answer> => ({
  call: (ctx, method, p, options) => ctx.api.call(method, p, options),
  token: (ctx) => ctx.token(),
  otherToken: (ctx) => ctx.otherToken(),
  // Its own dossier: the happy path's is withdrawn and rated by other checks.
  dossier: (ctx) => s(ctx).second(),
  parsed,
  refused,
  tooMany,
  retryAfterSeconds,
});

export const conformanceChecks = (): Check<Context>[] => {
  let state: State | undefined;
  const s = (ctx: Context): State =>
    (state ??= {
      store: once('the signed-in citizen’s data store parses', async () => parsed(DataStore, await ctx.api.call('GET', '/me', { token: await ctx.token() }))),
      form: once('the e-form parses', async () => parsed(FormDefinition, await ctx.api.call('GET', path('/forms/{id}', SUBMISSION.procedureId)))),
      values: once('the answers', async () => ({
        ...prefilledAnswers(await state!.form(), await state!.store()),
        ...SUBMISSION.answers,
        receivingAgency: (await state!.office(SUBMISSION.procedureId)).id,
      })),
      office: async (procedureId: string) => {
        const store = await state!.store();
        const answer = await ctx.api.call('GET', `${path('/procedures/{id}/offices', procedureId)}?province=${store.citizen.currentAddress.provinceCode}`);
        const office = officeFor(parsed(OfficeList, answer).offices, store);
        expect(office, `GET /procedures/${procedureId}/offices lists no office for the citizen’s commune ${store.citizen.currentAddress.communeCode}`);
        return office as Office;
      },
      upload: once('a small PDF is uploaded', async () => {
        const key = randomUUID();
        const pdf = tinyPdf();
        const answer = await ctx.api.call('POST', '/uploads', { token: await ctx.token(), body: pdf, headers: { 'Content-Type': 'application/pdf', 'X-File-Name': encodeURIComponent('Tờ khai.pdf'), ...keyed(key) } });
        const upload = parsed(Upload, answer, 201);
        expect(upload.mime === 'application/pdf', `the upload says mime ${upload.mime}, expected application/pdf`);
        expect(upload.size === pdf.length, `the upload says size ${upload.size}, expected ${pdf.length}`);
        return { upload, key };
      }),
      submitted: once('the dossier is submitted', async () => {
        const { upload } = await state!.upload();
        const body: SubmitDossier = { procedureId: SUBMISSION.procedureId, values: await state!.values(), documents: [{ requirement: null, source: 'upload', ref: upload.id }] };
        const key = randomUUID();
        const dossier = parsed(Dossier, await ctx.api.call('POST', '/dossiers', { token: await ctx.token(), ...json(body), headers: keyed(key) }), 201);
        return { dossier, key, body };
      }),
      withdrawn: once('the dossier is withdrawn', async () => {
        const { dossier } = await state!.submitted();
        const answer = await ctx.api.call('GET', path('/dossiers/{code}', dossier.code), { token: await ctx.token() });
        const now = parsed(Dossier, answer);
        if (now.status !== 'withdrawn') parsed(Dossier, await ctx.api.call('POST', path('/dossiers/{code}/withdraw', dossier.code), { token: await ctx.token() }));
        return { dossier: now };
      }),
      second: once('a second dossier is submitted', async () => {
        const body: SubmitDossier = { procedureId: SUBMISSION.procedureId, values: await state!.values(), documents: [{ requirement: null, source: 'upload', ref: (await state!.upload()).upload.id }] };
        return parsed(Dossier, await ctx.api.call('POST', '/dossiers', { token: await ctx.token(), ...json(body), headers: keyed() }), 201);
      }),
      criteria: once('the rating criteria parse', async () => parsed(RatingCriteria, await ctx.api.call('GET', '/ratings/criteria'))),
      rating: once('a rating', async () => {
        const criteria = await state!.criteria();
        const first = criteria.indicators[0];
        return { channel: 'online', criteriaVersion: criteria.version, overall: 'satisfied', convenience: 'very-satisfied', ...(first ? { indicators: { [first.id]: 2 } } : {}) };
      }),
    });

  const anonymousRefused = (method: 'GET' | 'POST', p: string): Check<Context> => ({
    name: `${method} ${p} without a token is refused (401 problem+json)`,
    run: async (ctx) => {
      refused(await ctx.api.call(method, p, method === 'POST' ? { ...json({}), headers: keyed() } : {}), 401);
      refused(await ctx.api.call(method, p, { token: 'not-a-token', ...(method === 'POST' ? { ...json({}), headers: keyed() } : {}) }), 401);
    },
  });

  return [
    // ---- Public data ---------------------------------------------------------------------------
    {
      name: 'GET /catalogue parses, and lists the procedure the happy path applies for',
      run: async (ctx) => {
        const catalogue = parsed(Catalogue, await ctx.api.call('GET', '/catalogue'));
        expect(catalogue.procedures.length > 0, 'the catalogue is empty');
        expect(catalogue.procedures.some((p) => p.id === SUBMISSION.procedureId), `the catalogue has no procedure ${SUBMISSION.procedureId}`);
      },
    },
    {
      name: 'GET /procedures/{id} parses for every procedure of the catalogue',
      run: async (ctx) => {
        const catalogue = parsed(Catalogue, await ctx.api.call('GET', '/catalogue'));
        for (const summary of catalogue.procedures) {
          const procedure = parsed(Procedure, await ctx.api.call('GET', path('/procedures/{id}', summary.id)));
          expect(procedure.id === summary.id, `GET /procedures/${summary.id} answered procedure ${procedure.id}`);
        }
      },
    },
    {
      name: 'GET /procedures/{id}/translations/en parses where the backend has English (Content-Language: en), and is 404 problem+json where it has none',
      run: async (ctx) => {
        // English is optional: a backend with none answers 404 for every procedure, and passes.
        const catalogue = parsed(Catalogue, await ctx.api.call('GET', '/catalogue'));
        for (const summary of catalogue.procedures) {
          const answer = await ctx.api.call('GET', path('/procedures/{id}/translations/{lang}', summary.id, 'en'));
          if (answer.status === 404) {
            refused(answer, 404);
            continue;
          }
          const translation = parsed(ProcedureTranslation, answer);
          expect(translation.procedureId === summary.id && translation.lang === 'en', `GET /procedures/${summary.id}/translations/en answered ${translation.lang} of ${translation.procedureId}`);
          const language = answer.headers.get('Content-Language') ?? '';
          expect(language === 'en', `GET /procedures/${summary.id}/translations/en with Content-Language "${language}", expected en`);
        }
        refused(await ctx.api.call('GET', '/procedures/0.000000/translations/en'), 404);
      },
    },
    // ---- Public statistics ---------------------------------------------------------------------
    {
      name: 'GET /stats parses: the current year, the province is the sum of its agencies, nothing from too few ratings',
      run: async (ctx) => {
        const stats = parsed(ProvinceStats, await ctx.api.call('GET', '/stats'));
        expect(stats.period.kind === 'year', `without a period the answer is for ${stats.period.key}, expected a year`);
        expect(stats.agencies.length > 0, 'no agency in the statistics');
        const sum = (pick: (f: Figures) => number) => stats.agencies.reduce((n, a) => n + pick(a.figures), 0);
        expect(sum((f) => f.ratings.count) === stats.province.ratings.count, 'the agencies’ ratings do not add up to the province’s');
        expect(sum((f) => f.dossiers.received) === stats.province.dossiers.received, 'the agencies’ received dossiers do not add up to the province’s');
        for (const { agency, figures } of [...stats.agencies, { agency: { id: 'province' }, figures: stats.province }]) expectWithheld(agency.id, figures, stats.minRatings);
      },
    },
    {
      name: 'GET /stats?period= answers a month, a quarter and a year as asked',
      run: async (ctx) => {
        const { available } = parsed(ProvinceStats, await ctx.api.call('GET', '/stats'));
        const month = available.to;
        const quarter = `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5)) / 3)}`;
        for (const key of [month, quarter, month.slice(0, 4)]) {
          const stats = parsed(ProvinceStats, await ctx.api.call('GET', `/stats?period=${key}`));
          expect(stats.period.key === key, `GET /stats?period=${key} answered for ${stats.period.key}`);
        }
      },
    },
    {
      name: 'GET /stats with a period that is not one is 400 problem+json',
      run: async (ctx) => {
        for (const bad of ['2026-13', '2026-Q5', 'abc', '', '2026-11-01']) refused(await ctx.api.call('GET', `/stats?period=${encodeURIComponent(bad)}`), 400);
      },
    },
    {
      name: 'GET /stats/agencies/{id} parses, agrees with GET /stats, and has a monthly trend of at most 12 months',
      run: async (ctx) => {
        const all = parsed(ProvinceStats, await ctx.api.call('GET', '/stats'));
        const first = all.agencies[0];
        expect(first !== undefined, 'no agency to ask about');
        const one = parsed(AgencyStats, await ctx.api.call('GET', path('/stats/agencies/{id}', first!.agency.id) + `?period=${all.period.key}`));
        expect(one.agency.id === first!.agency.id, `asked for ${first!.agency.id}, answered ${one.agency.id}`);
        expect(JSON.stringify(one.figures) === JSON.stringify(first!.figures), 'the agency’s figures differ from its row in GET /stats');
        expect(one.trend.length > 0 && one.trend.length <= 12, `a trend of ${one.trend.length} months`);
        const months = one.trend.map((t) => t.month);
        expect(months.every((m, i) => i === 0 || (months[i - 1] as string) < m), 'the trend is not oldest first');
        for (const t of one.trend) expectWithheld(`${one.agency.id} ${t.month}`, t.figures, one.minRatings);
      },
    },
    {
      name: 'GET /stats/agencies/{id} of an unknown agency is 404, with a bad period 400 (problem+json)',
      run: async (ctx) => {
        refused(await ctx.api.call('GET', '/stats/agencies/no-such-agency'), 404);
        const all = parsed(ProvinceStats, await ctx.api.call('GET', '/stats'));
        refused(await ctx.api.call('GET', `${path('/stats/agencies/{id}', all.agencies[0]?.agency.id ?? 'x')}?period=2026-14`), 400);
      },
    },
    {
      name: 'GET /procedures/{id} of an unknown procedure is 404 problem+json',
      run: async (ctx) => void refused(await ctx.api.call('GET', '/procedures/0.000000'), 404),
    },
    {
      name: 'GET /forms/{procedureId} parses',
      run: async (ctx) => {
        const form = await s(ctx).form();
        expect(form.procedureId === SUBMISSION.procedureId, `the form is for ${form.procedureId}`);
      },
    },
    {
      name: 'GET /forms/{procedureId} of an unknown procedure is 404 problem+json',
      run: async (ctx) => void refused(await ctx.api.call('GET', '/forms/0.000000'), 404),
    },
    {
      name: 'GET /admin-units/provinces and one province’s communes parse',
      run: async (ctx) => {
        const provinces = parsed(array(Province), await ctx.api.call('GET', '/admin-units/provinces'));
        expect(provinces.length > 0, 'no provinces');
        const code = provinces[0]!.code;
        const communes = parsed(array(Commune), await ctx.api.call('GET', path('/admin-units/provinces/{code}/communes', code)));
        expect(communes.length > 0, `no communes in province ${code}`);
        expect(communes.every((c) => c.provinceCode === code), `a commune of province ${code} names another province`);
      },
    },
    {
      name: 'GET /admin-units/provinces/{code}/communes of an unknown province is 404 problem+json',
      run: async (ctx) => void refused(await ctx.api.call('GET', '/admin-units/provinces/99/communes'), 404),
    },

    // ---- Signed in, and not -------------------------------------------------------------------
    anonymousRefused('GET', '/me'),
    anonymousRefused('GET', '/dossiers'),
    anonymousRefused('POST', '/dossiers'),
    anonymousRefused('POST', '/uploads'),
    anonymousRefused('GET', '/notifications'),
    anonymousRefused('GET', '/me/corrections'),
    {
      name: 'POST /me/corrections files a request that GET /me/corrections lists back, with what was asked and when',
      run: async (ctx) => {
        const token = await ctx.token();
        const store = await s(ctx).store();
        const proposed = `${store.citizen.fullName} ${randomUUID().slice(0, 8)}`;
        const body = { path: 'citizen.fullName', currentValue: store.citizen.fullName, proposedValue: proposed };
        const receipt = parsed(CorrectionReceipt, await ctx.api.call('POST', '/me/corrections', { token, ...json(body) }), 201);
        const listed = parsed(array(Correction), await ctx.api.call('GET', '/me/corrections', { token })).find((c) => c.id === receipt.id);
        expect(listed !== undefined, `request ${receipt.id} is not listed`);
        expect(listed?.proposedValue === proposed && listed.path === body.path && listed.createdAt === receipt.createdAt, `request ${receipt.id} is listed, but not as filed`);
      },
    },
    anonymousRefused('GET', path('/dossiers/{code}/rating', UNKNOWN_CODE)),
    anonymousRefused('POST', path('/dossiers/{code}/rating', UNKNOWN_CODE)),
    {
      name: 'GET /me parses for the signed-in citizen, with a phone number (for tracking)',
      run: async (ctx) => {
        const store = await s(ctx).store();
        expect(store.contact.phone, 'the citizen behind the token has no phone in their data store: tracking needs one');
      },
    },
    {
      name: 'GET /notifications parses',
      run: async (ctx) => void parsed(NotificationList, await ctx.api.call('GET', '/notifications', { token: await ctx.token() })),
    },

    // ---- The happy path ------------------------------------------------------------------------
    {
      name: 'POST /forms/{procedureId}/check accepts the prefilled answers',
      run: async (ctx) => {
        const answer = await ctx.api.call('POST', path('/forms/{id}/check', SUBMISSION.procedureId), { token: await ctx.token(), ...json({ values: await s(ctx).values() }) });
        parsed(FormCheckResult, answer);
      },
    },
    {
      name: 'POST /forms/{procedureId}/check refuses an altered locked value (422 problem+json)',
      run: async (ctx) => {
        const form = await s(ctx).form();
        const locked = form.sections.flatMap((x) => x.fields).find((f) => f.type === 'text' && f.prefill?.lock === 'locked');
        expect(locked, `the form of ${SUBMISSION.procedureId} has no locked text field to alter`);
        const values = { ...(await s(ctx).values()), [locked.id]: 'Người Khác Hẳn' };
        refused(await ctx.api.call('POST', path('/forms/{id}/check', SUBMISSION.procedureId), { token: await ctx.token(), ...json({ values }) }), 422);
      },
    },
    {
      name: 'POST /forms/{procedureId}/check refuses answers that do not hold, naming each field (422 invalid-values)',
      run: async (ctx) => {
        const check = async (values: unknown) => ctx.api.call('POST', path('/forms/{id}/check', SUBMISSION.procedureId), { token: await ctx.token(), ...json({ values }) });
        const valid = await s(ctx).values();
        // No answers at all: every required field is named, the phone among them.
        const none = invalidValues(await check({}), { path: 'phone', code: 'validation.required' });
        expect(none.length >= 5, `{} was refused naming only ${none.length} field(s)`);
        for (const [probe, values, error] of VALUE_PROBES(valid)) {
          const answer = await check(values);
          if (answer.status !== 422) throw new CheckFailed(`${probe}: ${describe(answer)}, expected 422 invalid-values`);
          invalidValues(answer, error);
        }
      },
    },
    {
      name: 'POST /dossiers refuses answers that do not hold, naming each field (422 invalid-values), and numbers nothing',
      run: async (ctx) => {
        const token = await ctx.token();
        const before = parsed(DossierList, await ctx.api.call('GET', '/dossiers', { token })).dossiers.length;
        const submit = async (values: Record<string, unknown>) =>
          ctx.api.call('POST', '/dossiers', { token, ...json({ procedureId: SUBMISSION.procedureId, values, documents: [] } satisfies SubmitDossier), headers: keyed() });
        invalidValues(await submit({}), { path: 'phone', code: 'validation.required' });
        for (const [probe, values, error] of VALUE_PROBES(await s(ctx).values())) {
          const answer = await submit(values);
          if (answer.status !== 422) throw new CheckFailed(`${probe}: ${describe(answer)}, expected 422 invalid-values`);
          invalidValues(answer, error);
        }
        const after = parsed(DossierList, await ctx.api.call('GET', '/dossiers', { token })).dossiers.length;
        expect(after === before, `refused submissions made ${after - before} dossier(s)`);
      },
    },
    {
      name: 'POST /uploads stores a small PDF (201 Upload)',
      run: async (ctx) => void (await s(ctx).upload()),
    },
    {
      name: 'POST /uploads with the same Idempotency-Key and bytes answers the same upload (200), never a second one',
      run: async (ctx) => {
        const { upload, key } = await s(ctx).upload();
        const again = parsed(Upload, await ctx.api.call('POST', '/uploads', { token: await ctx.token(), body: tinyPdf(), headers: { 'Content-Type': 'application/pdf', ...keyed(key) } }), 200);
        expect(again.id === upload.id, `the replay made upload ${again.id}, the first was ${upload.id}`);
      },
    },
    {
      name: 'GET /uploads/{id}/file gives the bytes back to the citizen who uploaded them',
      run: async (ctx) => {
        const { upload } = await s(ctx).upload();
        const answer = await ctx.api.call('GET', path('/uploads/{id}/file', upload.id), { token: await ctx.token() });
        expectStatus(answer, 200);
        expect(answer.text.startsWith('%PDF-'), 'the file that came back is not the PDF that went up');
      },
    },
    {
      name: `POST /dossiers submits a dossier for ${SUBMISSION.procedureId} (201 Dossier, received, with the upload)`,
      run: async (ctx) => {
        const { dossier } = await s(ctx).submitted();
        const { upload } = await s(ctx).upload();
        expect(dossier.procedureId === SUBMISSION.procedureId, `the dossier is for ${dossier.procedureId}`);
        expect(dossier.status === 'received', `the new dossier is ${dossier.status}, expected received`);
        expect(dossier.documents.some((d) => d.source === 'upload' && d.ref === upload.id), 'the dossier does not list the uploaded file');
      },
    },
    {
      name: 'POST /dossiers with the same Idempotency-Key answers the same dossier (200): exactly once',
      run: async (ctx) => {
        const { dossier, key, body } = await s(ctx).submitted();
        const token = await ctx.token();
        const again = parsed(Dossier, await ctx.api.call('POST', '/dossiers', { token, ...json(body), headers: keyed(key) }), 200);
        expect(again.code === dossier.code, `the replay made dossier ${again.code}, the first was ${dossier.code}`);
        const list = parsed(DossierList, await ctx.api.call('GET', '/dossiers', { token }));
        const held = list.dossiers.filter((d) => d.code === dossier.code).length;
        expect(held === 1, `the citizen's list holds dossier ${dossier.code} ${held} times`);
      },
    },
    {
      name: 'POST /dossiers with a used Idempotency-Key and another body is refused (422 problem+json)',
      run: async (ctx) => {
        const { key, body } = await s(ctx).submitted();
        refused(await ctx.api.call('POST', '/dossiers', { token: await ctx.token(), ...json({ ...body, documents: [] }), headers: keyed(key) }), 422);
      },
    },
    {
      name: 'GET /dossiers lists it and GET /dossiers/{code} gives it',
      run: async (ctx) => {
        const { dossier } = await s(ctx).submitted();
        const token = await ctx.token();
        const list = parsed(DossierList, await ctx.api.call('GET', '/dossiers', { token }));
        expect(list.dossiers.some((d) => d.code === dossier.code), `GET /dossiers does not list ${dossier.code}`);
        const one = parsed(Dossier, await ctx.api.call('GET', path('/dossiers/{code}', dossier.code), { token }));
        expect(one.code === dossier.code, `GET /dossiers/${dossier.code} answered ${one.code}`);
      },
    },
    {
      name: 'GET /track finds it by code and the phone’s last 4 digits, without a token',
      run: async (ctx) => {
        const { dossier } = await s(ctx).submitted();
        const phone = (await s(ctx).store()).contact.phone ?? '';
        const found = parsed(TrackResult, await ctx.api.call('GET', `/track?${new URLSearchParams({ code: dossier.code, phone: phone.slice(-4) }).toString()}`));
        expect(found.code === dossier.code, `tracking ${dossier.code} answered ${found.code}`);
        expect(found.status === dossier.status, `tracking says ${found.status}, the dossier says ${dossier.status}`);
      },
    },
    {
      name: 'GET /track with the wrong digits is 404 problem+json, and a code that is not one is 400',
      run: async (ctx) => {
        const { dossier } = await s(ctx).submitted();
        const phone = (await s(ctx).store()).contact.phone ?? '0000';
        const wrong = String((Number(phone.slice(-4)) + 1) % 10000).padStart(4, '0');
        refused(await ctx.api.call('GET', `/track?${new URLSearchParams({ code: dossier.code, phone: wrong }).toString()}`), 404);
        refused(await ctx.api.call('GET', `/track?${new URLSearchParams({ code: 'not-a-code', phone: '1234' }).toString()}`), 400);
      },
    },

    // ---- Someone else's data ------------------------------------------------------------------
    {
      name: "Another citizen cannot read the dossier (403/404 problem+json) nor sees it listed",
      run: async (ctx) => {
        const { dossier } = await s(ctx).submitted();
        const other = await ctx.otherToken();
        refused(await ctx.api.call('GET', path('/dossiers/{code}', dossier.code), { token: other }), [403, 404]);
        const list = parsed(DossierList, await ctx.api.call('GET', '/dossiers', { token: other }));
        expect(!list.dossiers.some((d) => d.code === dossier.code), `another citizen's GET /dossiers lists ${dossier.code}`);
      },
    },
    {
      name: "Another citizen can neither download the upload nor attach it to a dossier of theirs",
      run: async (ctx) => {
        const { upload } = await s(ctx).upload();
        const other = await ctx.otherToken();
        refused(await ctx.api.call('GET', path('/uploads/{id}/file', upload.id), { token: other }), [403, 404]);
        // Their own valid answers, so that only the paper can be what is refused.
        const theirs = parsed(DataStore, await ctx.api.call('GET', '/me', { token: other }));
        const offices = parsed(OfficeList, await ctx.api.call('GET', `${path('/procedures/{id}/offices', SUBMISSION.procedureId)}?province=${theirs.citizen.currentAddress.provinceCode}`)).offices;
        const values = { ...prefilledAnswers(await s(ctx).form(), theirs), ...SUBMISSION.answers, receivingAgency: officeFor(offices, theirs)?.id };
        const body: SubmitDossier = { procedureId: SUBMISSION.procedureId, values, documents: [{ requirement: null, source: 'upload', ref: upload.id }] };
        const problem = refused(await ctx.api.call('POST', '/dossiers', { token: other, ...json(body), headers: keyed() }), [403, 404, 422]);
        expect(problem.code !== 'invalid-values' && problem.code !== 'locked-value-changed', `refused for its answers (${problem.code}), not for the paper`);
      },
    },
    {
      name: "Another citizen cannot withdraw the dossier (403/404 problem+json)",
      run: async (ctx) => {
        const { dossier } = await s(ctx).submitted();
        refused(await ctx.api.call('POST', path('/dossiers/{code}/withdraw', dossier.code), { token: await ctx.otherToken() }), [403, 404]);
      },
    },

    {
      name: 'POST /dossiers/{code}/withdraw withdraws it, and the replay of its submission still answers the same dossier',
      run: async (ctx) => {
        const { dossier, key, body } = await s(ctx).submitted();
        const token = await ctx.token();
        const withdrawn = parsed(Dossier, await ctx.api.call('POST', path('/dossiers/{code}/withdraw', dossier.code), { token }));
        expect(withdrawn.status === 'withdrawn', `after withdrawing, the dossier is ${withdrawn.status}`);
        expect(!withdrawn.canWithdraw, 'a withdrawn dossier still says it can be withdrawn');
        const again = parsed(Dossier, await ctx.api.call('POST', '/dossiers', { token, ...json(body), headers: keyed(key) }), 200);
        expect(again.code === dossier.code && again.status === 'withdrawn', `the replay answered ${again.code} (${again.status})`);
        refused(await ctx.api.call('POST', path('/dossiers/{code}/withdraw', dossier.code), { token }), 409);
      },
    },

    // ---- Ratings (the happy path's dossier is withdrawn by now: finished, so it may be rated) ---
    {
      name: 'GET /ratings/criteria parses: a version, the three levels, every indicator scored 2 / 1 / 0',
      run: async (ctx) => {
        const criteria = await s(ctx).criteria();
        expect(criteria.levels.map((l) => l.level).sort().join() === 'dissatisfied,satisfied,very-satisfied', `levels ${criteria.levels.map((l) => l.level).join(', ')}`);
        for (const indicator of criteria.indicators) {
          const scores = indicator.scores.map((x) => x.score).sort().join();
          expect(scores === '0,1,2', `indicator ${indicator.id} is scored ${scores}, expected 2, 1 and 0`);
        }
      },
    },
    {
      name: 'POST /dossiers/{code}/rating of a dossier still in progress is refused (409/422 problem+json)',
      run: async (ctx) => {
        const token = await ctx.token();
        const { code } = await s(ctx).second();
        refused(await ctx.api.call('POST', path('/dossiers/{code}/rating', code), { token, ...json(await s(ctx).rating()), headers: keyed() }), [409, 422]);
      },
    },
    {
      name: "Another citizen can neither rate the finished dossier nor read its rating (403/404 problem+json)",
      run: async (ctx) => {
        const { dossier } = await s(ctx).withdrawn();
        const other = await ctx.otherToken();
        refused(await ctx.api.call('POST', path('/dossiers/{code}/rating', dossier.code), { token: other, ...json(await s(ctx).rating()), headers: keyed() }), [403, 404]);
        refused(await ctx.api.call('GET', path('/dossiers/{code}/rating', dossier.code), { token: other }), [403, 404]);
      },
    },
    {
      name: `POST /dossiers/{code}/rating refuses, with 422 problem+json, a comment of 5,000 characters (over ${COMMENT_MAX}) or only spaces, an unknown criteria version, an unknown indicator and a score of 3`,
      run: async (ctx) => {
        const token = await ctx.token();
        const { dossier } = await s(ctx).withdrawn();
        const good = await s(ctx).rating();
        const criteria = await s(ctx).criteria();
        const first = criteria.indicators[0]?.id ?? 'total-time';
        const bad: [string, unknown][] = [
          ['5,000 characters', { ...good, comment: 'a'.repeat(5000) }],
          ['only spaces', { ...good, comment: '   \n  ' }],
          ['an unknown criteria version', { ...good, criteriaVersion: `${criteria.version}-not-a-version` }],
          ['an unknown indicator', { ...good, indicators: { 'not-an-indicator': 2 } }],
          ['a score of 3', { ...good, indicators: { [first]: 3 } }],
        ];
        for (const [what, body] of bad) {
          const answer = await ctx.api.call('POST', path('/dossiers/{code}/rating', dossier.code), { token, ...json(body), headers: keyed() });
          expect(answer.status === 422, `a rating with ${what}: ${describe(answer)}, expected 422`);
          refused(answer, 422);
        }
        const none = DossierRating.safeParse(jsonOf(await ctx.api.call('GET', path('/dossiers/{code}/rating', dossier.code), { token })));
        expect(none.success && none.data.rating === null, 'a refused rating was stored');
      },
    },
    {
      name: 'POST /dossiers/{code}/rating rates the finished dossier once (201), the same key answers the same rating (200), a second rating is 409 with what was given; markup is kept as text',
      run: async (ctx) => {
        const token = await ctx.token();
        const { dossier } = await s(ctx).withdrawn();
        const body: RateDossier = { ...(await s(ctx).rating()), comment: '<script>alert(1)</script> Nhanh, đúng hẹn' };
        const key = randomUUID();
        const first = parsed(StoredRating, await ctx.api.call('POST', path('/dossiers/{code}/rating', dossier.code), { token, ...json(body), headers: keyed(key) }), 201);
        expect(first.dossierCode === dossier.code && first.channel === 'online' && first.criteriaVersion === body.criteriaVersion, `stored ${JSON.stringify(first)}`);
        expect(first.procedureId === dossier.procedureId, `stored for procedure ${first.procedureId}, the dossier is ${dossier.procedureId}`);
        expect(first.comment === body.comment, `the comment came back as ${JSON.stringify(first.comment)}`);
        const replay = parsed(StoredRating, await ctx.api.call('POST', path('/dossiers/{code}/rating', dossier.code), { token, ...json(body), headers: keyed(key) }), 200);
        expect(replay.id === first.id, `the replay answered rating ${replay.id}, the first was ${first.id}`);
        const second = refused(await ctx.api.call('POST', path('/dossiers/{code}/rating', dossier.code), { token, ...json({ ...body, overall: 'dissatisfied' }), headers: keyed() }), 409);
        const given = StoredRating.safeParse((second as Record<string, unknown>).rating);
        expect(given.success && given.data.id === first.id, 'the 409 does not say what was given (`rating`)');
        const read = parsed(DossierRating, await ctx.api.call('GET', path('/dossiers/{code}/rating', dossier.code), { token }));
        expect(read.rating?.id === first.id, `GET answered ${JSON.stringify(read.rating)}`);
      },
    },
    {
      name: 'Without a session: GET /track of a finished dossier gives a rating token that rates that dossier (channel counter) and no other',
      run: async (ctx) => {
        const token = await ctx.token();
        const { code } = await s(ctx).second();
        await ctx.api.call('POST', path('/dossiers/{code}/withdraw', code), { token });
        const phone = ((await s(ctx).store()).contact.phone ?? '').replace(/\D/g, '').slice(-4);
        const found = parsed(TrackResult, await ctx.api.call('GET', `/track?${new URLSearchParams({ code, phone }).toString()}`));
        expect(found.rating !== undefined && !found.rating.rated, `tracking the withdrawn dossier gave no rating token: ${JSON.stringify(found.rating)}`);
        const ratingToken = found.rating?.token ?? '';
        expect(!ratingToken.includes(phone) && !ratingToken.includes(code), 'the rating token carries the code or the phone digits');
        const body: RateDossier = { ...(await s(ctx).rating()), channel: 'counter', ratingToken };
        const { dossier } = await s(ctx).withdrawn();
        refused(await ctx.api.call('POST', path('/dossiers/{code}/rating', dossier.code), { ...json(body), headers: keyed() }), [403, 404, 409]);
        refused(await ctx.api.call('POST', path('/dossiers/{code}/rating', code), { ...json({ ...body, ratingToken: 'not-a-rating-token' }), headers: keyed() }), [401, 403, 404]);
        const stored = parsed(StoredRating, await ctx.api.call('POST', path('/dossiers/{code}/rating', code), { ...json(body), headers: keyed() }), 201);
        expect(stored.dossierCode === code && stored.channel === 'counter', `stored ${JSON.stringify(stored)}`);
      },
    },

    // ---- Data, not text: offices, papers, fees -------------------------------------------------
    {
      name: 'GET /procedures/{id}/offices lists the offices of a procedure, one serving the citizen’s commune; a commune-level one needs ?province (400)',
      run: async (ctx) => {
        const office = await s(ctx).office(SUBMISSION.procedureId);
        expect(office.communeCodes?.includes((await s(ctx).store()).citizen.currentAddress.communeCode), `${office.id} does not serve the citizen’s commune`);
        refused(await ctx.api.call('GET', path('/procedures/{id}/offices', SUBMISSION.procedureId)), 400);
        refused(await ctx.api.call('GET', `${path('/procedures/{id}/offices', SUBMISSION.procedureId)}?province=x`), 400);
      },
    },
    {
      name: 'POST /dossiers with a receiving agency that is not one of its offices (typed text, markup, another procedure’s office) is 422 problem+json unknown-agency',
      run: async (ctx) => {
        const token = await ctx.token();
        const other = await s(ctx).office(FEE_SUBMISSION.procedureId);
        for (const receivingAgency of ['UBND phường Thuận Hóa, thành phố Huế', '<script>alert(1)</script>', other.id]) {
          const body: SubmitDossier = { procedureId: SUBMISSION.procedureId, values: { ...(await s(ctx).values()), receivingAgency }, documents: [] };
          const problem = refused(await ctx.api.call('POST', '/dossiers', { token, ...json(body), headers: keyed() }), 422);
          // Text or markup is not an office id: the form's own schema may refuse it first, naming the field.
          const namesField = problem?.code === 'invalid-values' && safeParse(InvalidValuesProblem, problem).data?.errors.some((e) => e.path === 'receivingAgency');
          expect(problem?.code === 'unknown-agency' || (receivingAgency !== other.id && namesField), `${JSON.stringify(receivingAgency)} was refused as ${problem?.code ?? '?'}, expected unknown-agency`);
        }
      },
    },
    {
      name: 'POST /dossiers with a stored paper whose type does not satisfy its requirement is 422 problem+json papers-refused naming the requirement',
      run: async (ctx) => {
        const token = await ctx.token();
        const procedure = parsed(Procedure, await ctx.api.call('GET', path('/procedures/{id}', SUBMISSION.procedureId)));
        const store = await s(ctx).store();
        const requirement = procedure.documents.find((d) => d.accepts.length > 0 && store.documents.some((doc) => !d.accepts.includes(doc.type)));
        expect(requirement, `${SUBMISSION.procedureId} has no requirement with accepted types that a paper of the citizen does not satisfy`);
        const wrong = store.documents.find((doc) => !requirement!.accepts.includes(doc.type))!;
        const body: SubmitDossier = { procedureId: SUBMISSION.procedureId, values: await s(ctx).values(), documents: [{ requirement: requirement!.id, source: 'data-store', ref: wrong.id }] };
        const answer = await ctx.api.call('POST', '/dossiers', { token, ...json(body), headers: keyed() });
        const problem = refused(answer, 422);
        expect(problem?.code === 'papers-refused', `a ${wrong.type} offered for ${requirement!.id} was refused as ${problem?.code ?? '?'}, expected papers-refused`);
        const papers = safeParse(PapersRefused, jsonOf(answer));
        expect(papers.success && papers.data.papers.some((p) => p.requirement === requirement!.id && p.reason === 'wrong-type'), `the problem does not list ${requirement!.id} as wrong-type`);
      },
    },
    {
      name: `POST /dossiers without a required paper (${MISSING_PAPER_PROCEDURE}) is 422 problem+json papers-refused listing it as missing`,
      run: async (ctx) => {
        const token = await ctx.token();
        const procedure = parsed(Procedure, await ctx.api.call('GET', path('/procedures/{id}', MISSING_PAPER_PROCEDURE)));
        const form = parsed(FormDefinition, await ctx.api.call('GET', path('/forms/{id}', MISSING_PAPER_PROCEDURE)));
        const required = procedure.documents.filter((d) => !d.optional && !d.providedBy).map((d) => d.id);
        expect(required.length > 0, `${MISSING_PAPER_PROCEDURE} asks for no paper that filing online does not provide`);
        const store = await s(ctx).store();
        const values = completeAnswers(form, store, { ...prefilledAnswers(form, store), receivingAgency: (await s(ctx).office(MISSING_PAPER_PROCEDURE)).id });
        const answer = await ctx.api.call('POST', '/dossiers', { token, ...json({ procedureId: MISSING_PAPER_PROCEDURE, values, documents: [] }), headers: keyed() });
        const problem = refused(answer, 422);
        expect(problem?.code === 'papers-refused', `refused as ${problem?.code ?? '?'}, expected papers-refused`);
        const papers = safeParse(PapersRefused, jsonOf(answer));
        for (const id of required) expect(papers.success && papers.data.papers.some((p) => p.requirement === id && p.reason === 'missing'), `the problem does not list ${id} as missing`);
      },
    },
    {
      name: `POST /dossiers for ${FEE_SUBMISSION.procedureId} with ${FEE_SUBMISSION.copies} copies charges the procedure’s fee rule (per copy), and so do the payment and its VietQR`,
      run: async (ctx) => {
        const token = await ctx.token();
        const procedure = parsed(Procedure, await ctx.api.call('GET', path('/procedures/{id}', FEE_SUBMISSION.procedureId)));
        const form = parsed(FormDefinition, await ctx.api.call('GET', path('/forms/{id}', FEE_SUBMISSION.procedureId)));
        const store = await s(ctx).store();
        const values: Record<string, unknown> = completeAnswers(form, store, {
          ...prefilledAnswers(form, store),
          ...FEE_SUBMISSION.answers,
          ...(procedure.copiesField ? { [procedure.copiesField]: FEE_SUBMISSION.copies } : {}),
          residenceHistory: [{ fromYear: Number(store.citizen.dateOfBirth.slice(0, 4)) + 14, place: `${store.citizen.currentAddress.line}, ${store.citizen.currentAddress.communeName}, ${store.citizen.currentAddress.provinceName}` }],
          receivingAgency: (await s(ctx).office(FEE_SUBMISSION.procedureId)).id,
        });
        const due = feeFor(procedure, { channel: 'online', copies: copiesAskedFor(procedure, values) }).total;
        expect(due > 0, `${FEE_SUBMISSION.procedureId} charges nothing online by its own rules`);
        const dossier = parsed(Dossier, await ctx.api.call('POST', '/dossiers', { token, ...json({ procedureId: FEE_SUBMISSION.procedureId, values, documents: [] }), headers: keyed() }), 201);
        try {
          expect(dossier.payment.amount === due, `the dossier charges ${dossier.payment.amount}, the rule says ${due}`);
          const payment = parsed(Payment, await ctx.api.call('POST', path('/dossiers/{code}/payment', dossier.code), { token, headers: keyed() }), 201);
          expect(payment.amount === due, `the payment asks for ${payment.amount}, the rule says ${due}`);
          expect(qrAmount(payment.qrPayload) === due, `the VietQR asks for ${qrAmount(payment.qrPayload) ?? 'no amount'}, the rule says ${due}`);
        } finally {
          await ctx.api.call('POST', path('/dossiers/{code}/withdraw', dossier.code), { token });
        }
      },
    },

    {
      name: `A late ${LATE_SUBMISSION.procedureId} (a date past its lateAfterDays) is accepted and flagged late by POST /forms/{id}/check and POST /dossiers, never refused`,
      run: async (ctx) => {
        const token = await ctx.token();
        const { procedureId } = LATE_SUBMISSION;
        const procedure = parsed(Procedure, await ctx.api.call('GET', path('/procedures/{id}', procedureId)));
        const form = parsed(FormDefinition, await ctx.api.call('GET', path('/forms/{id}', procedureId)));
        const store = await s(ctx).store();
        const dated = form.sections.flatMap((x) => x.fields).find((f) => f.type === 'date' && f.lateAfterDays !== undefined);
        const limit = dated?.type === 'date' ? dated.lateAfterDays : undefined;
        expect(dated && limit, `the form of ${procedureId} has no date with lateAfterDays`);
        const born = todayInVietnam(new Date(Date.now() - (limit + 15) * 86_400_000));
        const values = completeAnswers(form, store, { ...prefilledAnswers(form, store), ...LATE_SUBMISSION.answers, [dated.id]: born, receivingAgency: (await s(ctx).office(procedureId)).id });
        const documents = procedure.documents
          .filter((d) => !d.optional && !d.providedBy)
          .map((d) => {
            const paper = store.documents.find((doc) => d.accepts.includes(doc.type));
            expect(paper, `the citizen holds no stored paper for ${d.id}`);
            return { requirement: d.id, source: 'data-store' as const, ref: paper.id };
          });
        const flagged = (notices: readonly FormNotice[] | undefined) => notices?.some((n) => n.path === dated.id && n.code === 'late' && n.days > limit) ?? false;
        const checked = parsed(FormCheckResult, await ctx.api.call('POST', path('/forms/{id}/check', procedureId), { token, ...json({ values }) }));
        expect(flagged(checked.notices), `the check of a ${dated.id} ${limit + 15} days ago answered no late notice: ${JSON.stringify(checked.notices)}`);
        const dossier = parsed(Dossier, await ctx.api.call('POST', '/dossiers', { token, ...json({ procedureId, values, documents } satisfies SubmitDossier), headers: keyed() }), 201);
        try {
          expect(flagged(dossier.notices), `the late dossier ${dossier.code} is not flagged late: ${JSON.stringify(dossier.notices)}`);
        } finally {
          await ctx.api.call('POST', path('/dossiers/{code}/withdraw', dossier.code), { token });
        }
      },
    },

    // ---- Refusals -------------------------------------------------------------------------------
    {
      name: 'POST /dossiers for an unknown procedure is refused (404/422 problem+json)',
      run: async (ctx) => {
        const body: SubmitDossier = { procedureId: '0.000000', values: {}, documents: [] };
        refused(await ctx.api.call('POST', '/dossiers', { token: await ctx.token(), ...json(body), headers: keyed() }), [404, 422]);
      },
    },
    {
      name: 'POST /dossiers with a body that is not a submission is 422 problem+json',
      run: async (ctx) => void refused(await ctx.api.call('POST', '/dossiers', { token: await ctx.token(), ...json({ procedureId: 42 }), headers: keyed() }), 422),
    },
    {
      name: 'POST /dossiers without an Idempotency-Key is 400 problem+json',
      run: async (ctx) => void refused(await ctx.api.call('POST', '/dossiers', { token: await ctx.token(), ...json({ procedureId: SUBMISSION.procedureId, values: {}, documents: [] }) }), 400),
    },
    {
      name: 'POST /dossiers with a body declared text/plain is 415 problem+json',
      run: async (ctx) => {
        const body = JSON.stringify({ procedureId: SUBMISSION.procedureId, values: {}, documents: [] });
        refused(await ctx.api.call('POST', '/dossiers', { token: await ctx.token(), body, headers: { 'Content-Type': 'text/plain', ...keyed() } }), 415);
      },
    },
    {
      name: 'POST /dossiers with malformed JSON is 400 problem+json',
      run: async (ctx) => {
        const token = await ctx.token();
        refused(await ctx.api.call('POST', '/dossiers', { token, body: '{"procedureId": ', headers: { 'Content-Type': 'application/json', ...keyed() } }), 400);
        refused(await ctx.api.call('POST', '/me/corrections', { token, body: '{"a":1}}', headers: { 'Content-Type': 'application/json' } }), 400);
      },
    },
    {
      name: 'POST /dossiers with JSON nested 5,000 levels deep is 400 problem+json',
      run: async (ctx) => {
        const deep = `{"procedureId":"${SUBMISSION.procedureId}","values":${'['.repeat(5000)}${']'.repeat(5000)},"documents":[]}`;
        refused(await ctx.api.call('POST', '/dossiers', { token: await ctx.token(), body: deep, headers: { 'Content-Type': 'application/json', ...keyed() } }), 400);
      },
    },
    {
      name: 'POST /dossiers with JSON over 1 MB is 413 problem+json',
      run: async (ctx) => {
        const big = new TextEncoder().encode(`{"procedureId":"${SUBMISSION.procedureId}","values":{"note":"${'a'.repeat(1024 * 1024)}"},"documents":[]}`);
        refused(await ctx.api.call('POST', '/dossiers', { token: await ctx.token(), body: big, headers: { 'Content-Type': 'application/json', ...keyed() } }), 413);
      },
    },
    {
      name: `POST /uploads of a file over ${UPLOAD_LIMITS.maxFileBytes / 1024 / 1024} MB is 413 problem+json`,
      run: async (ctx) => {
        const big = new Uint8Array(UPLOAD_LIMITS.maxFileBytes + 1);
        big.set(tinyPdf());
        refused(await ctx.api.call('POST', '/uploads', { token: await ctx.token(), body: big, headers: { 'Content-Type': 'application/pdf', ...keyed() } }), 413);
      },
    },
    {
      name: 'POST /uploads of an executable renamed .pdf is refused (415 problem+json)',
      run: async (ctx) => {
        const answer = await ctx.api.call('POST', '/uploads', {
          token: await ctx.token(),
          body: EXE,
          headers: { 'Content-Type': 'application/pdf', 'X-File-Name': 'giay-to.pdf', ...keyed() },
        });
        refused(answer, 415);
      },
    },
    {
      name: 'POST /uploads of an empty file is 422 problem+json, and without an Idempotency-Key 400',
      run: async (ctx) => {
        const token = await ctx.token();
        refused(await ctx.api.call('POST', '/uploads', { token, body: new Uint8Array(0), headers: { 'Content-Type': 'application/pdf', ...keyed() } }), 422);
        refused(await ctx.api.call('POST', '/uploads', { token, body: tinyPdf(), headers: { 'Content-Type': 'application/pdf' } }), 400);
      },
    },

    // ---- Files that are not what they claim, and how stored files are served -----------------
    {
      name: 'POST /uploads of a web page behind %PDF- (no PDF structure) is refused (415/422 problem+json)',
      run: async (ctx) => {
        const answer = await ctx.api.call('POST', '/uploads', { token: await ctx.token(), body: FAKE_PDF, headers: { 'Content-Type': 'application/pdf', 'X-File-Name': 'to-khai.pdf', ...keyed() } });
        refused(answer, [415, 422]);
      },
    },
    {
      name: `POST /uploads of a PNG whose header claims 20,000 × 20,000 px (over ${MAX_IMAGE_PIXELS / 1_000_000} MP) is 422 problem+json`,
      run: async (ctx) => {
        const bomb = pngClaiming(20_000, 20_000);
        expect(20_000 * 20_000 > MAX_IMAGE_PIXELS, 'the test image is not over the pixel limit');
        refused(await ctx.api.call('POST', '/uploads', { token: await ctx.token(), body: bomb, headers: { 'Content-Type': 'image/png', 'X-File-Name': 'anh.png', ...keyed() } }), 422);
      },
    },
    {
      name: "Stored files are sandboxed downloads: Content-Disposition: attachment, nosniff, Content-Security-Policy: sandbox; default-src 'none'",
      run: async (ctx) => {
        const token = await ctx.token();
        const { upload } = await s(ctx).upload();
        const answers = [await ctx.api.call('GET', path('/uploads/{id}/file', upload.id), { token })];
        // A paper of the data store (a result, a digitised document) too, when the citizen has one.
        const stored = (await s(ctx).store()).documents[0];
        if (stored) answers.push(await ctx.api.call('GET', path('/me/documents/{id}/file', stored.id), { token }));
        for (const answer of answers) {
          expectStatus(answer, 200);
          const disposition = answer.headers.get('Content-Disposition') ?? '';
          expect(/^attachment\b/i.test(disposition.trim()), `${describe(answer)} with Content-Disposition "${disposition}", expected attachment`);
          expect(answer.headers.get('X-Content-Type-Options')?.toLowerCase() === 'nosniff', `${describe(answer)} without X-Content-Type-Options: nosniff`);
          const csp = (answer.headers.get('Content-Security-Policy') ?? '').toLowerCase();
          const directives = csp.split(';').map((d) => d.trim().replace(/\s+/g, ' '));
          expect(directives.includes('sandbox') && directives.includes("default-src 'none'"), `${describe(answer)} with Content-Security-Policy "${csp}", expected sandbox; default-src 'none'`);
        }
      },
    },
    {
      name: `POST /dossiers whose files total over ${UPLOAD_LIMITS.maxDossierBytes / 1024 / 1024} MB (each under ${UPLOAD_LIMITS.maxFileBytes / 1024 / 1024} MB) is 413 problem+json`,
      run: async (ctx) => {
        const token = await ctx.token();
        // As few files as the per-file limit allows, together just over the dossier limit.
        const count = Math.ceil((UPLOAD_LIMITS.maxDossierBytes + 1) / UPLOAD_LIMITS.maxFileBytes);
        const size = Math.ceil((UPLOAD_LIMITS.maxDossierBytes + 1) / count);
        const documents: SubmitDossier['documents'] = [];
        for (let i = 0; i < count; i++) {
          const upload = parsed(Upload, await ctx.api.call('POST', '/uploads', { token, body: tinyPdf(size), headers: { 'Content-Type': 'application/pdf', 'X-File-Name': `phan-${i + 1}.pdf`, ...keyed() } }), 201);
          documents.push({ requirement: null, source: 'upload', ref: upload.id });
        }
        const body: SubmitDossier = { procedureId: SUBMISSION.procedureId, values: await s(ctx).values(), documents };
        const answer = await ctx.api.call('POST', '/dossiers', { token, ...json(body), headers: keyed() });
        if (answer.status === 201) {
          // Taken: withdraw it again so the test environment keeps nothing, then fail.
          const taken = safeParse(Dossier, jsonOf(answer));
          if (taken.success) await ctx.api.call('POST', path('/dossiers/{code}/withdraw', taken.data.code), { token });
        }
        refused(answer, 413);
      },
    },

    // ---- /track against guessing ------------------------------------------------------------
    {
      name: `GET /track locks a code after ${TRACK_CODE_LOCK.misses} wrong digits: then 429 problem+json with Retry-After, even with the right digits`,
      run: async (ctx) => {
        // A dossier of its own, so the 15-minute lock keeps no other check (nor the citizen) out.
        const token = await ctx.token();
        const upload = parsed(Upload, await ctx.api.call('POST', '/uploads', { token, body: tinyPdf(), headers: { 'Content-Type': 'application/pdf', ...keyed() } }), 201);
        const body: SubmitDossier = { procedureId: SUBMISSION.procedureId, values: await s(ctx).values(), documents: [{ requirement: null, source: 'upload', ref: upload.id }] };
        const { code } = parsed(Dossier, await ctx.api.call('POST', '/dossiers', { token, ...json(body), headers: keyed() }), 201);
        try {
          const right = ((await s(ctx).store()).contact.phone ?? '0000').replace(/\D/g, '').slice(-4);
          const lookUp = async (phone: string) => ctx.api.call('GET', `/track?${new URLSearchParams({ code, phone }).toString()}`);
          for (let i = 1; i <= TRACK_CODE_LOCK.misses; i++) {
            const wrong = String((Number(right) + i) % 10_000).padStart(4, '0');
            refused(await lookUp(wrong), 404);
          }
          const locked = await lookUp(right);
          tooMany(locked);
          const wait = retryAfterSeconds(locked);
          expect(wait > 0 && wait <= TRACK_CODE_LOCK.lockMs / 1000, `${describe(locked)} with Retry-After ${wait} s, expected at most the ${TRACK_CODE_LOCK.lockMs / 60_000}-minute lock`);
        } finally {
          await ctx.api.call('POST', path('/dossiers/{code}/withdraw', code), { token });
        }
      },
    },

    {
      name: `POST /dossiers/{code}/rating answers one citizen at most ${RATING_POST_LIMIT.requests} posts in ${RATING_POST_LIMIT.windowMs / 1000} s, then 429 problem+json with Retry-After`,
      run: async (ctx) => {
        // The other citizen, whose budget nothing else needs; posts for a dossier that is not theirs.
        const other = await ctx.otherToken();
        const { dossier } = await s(ctx).withdrawn();
        for (let i = 0; i <= RATING_POST_LIMIT.requests; i++) {
          const answer = await ctx.api.call('POST', path('/dossiers/{code}/rating', dossier.code), { token: other, ...json(await s(ctx).rating()), headers: keyed() });
          if (answer.status === 429) {
            tooMany(answer);
            return;
          }
          refused(answer, [403, 404]);
        }
        throw new CheckFailed(`${RATING_POST_LIMIT.requests + 1} rating posts within seconds were all answered: no limit`);
      },
    },
    // ---- Questions and feedback (scripts/lib/conformance-questions.ts) -----------------------
    ...questionChecks<Context, Answer>({
      call: (ctx, method, p, options) => ctx.api.call(method, p, options),
      token: (ctx) => ctx.token(),
      otherToken: (ctx) => ctx.otherToken(),
      parsed,
      refused,
      tooMany,
      retryAfterSeconds,
    }),
    // ---- Hall kiosks and the device flow (scripts/lib/conformance-kiosk.ts) -------------------
    ...kioskChecks(kioskTools),
    // Spends this client's enrolment tries: after every check that enrols a kiosk.
    kioskEnrolmentLimitCheck(kioskTools),
    // ---- Assisted mode: consents, the RFC 8693 exchange, delegated tokens (scripts/lib/conformance-assisted.ts)
    ...assistedChecks<Context, Answer>({
      call: (ctx, method, p, options) => ctx.api.call(method, p, options),
      idp: (ctx) => ctx.idp,
      baseUrl: (ctx) => ctx.api.baseUrl,
      token: (ctx) => ctx.token(),
      volunteerToken: (ctx) => ctx.volunteerToken(),
      parsed,
      refused,
      // The answers a resident's form takes, read with the token acting for them (their data store, their office).
      // A delegated token reads only what the consent lists (DataStoreView): the parts left out
      // are empty here, as they are on the volunteer's phone.
      answersFor: async (ctx, procedureId, token) => {
        const view = parsed(DataStoreView, await ctx.api.call('GET', '/me', { token }));
        const unknown = { id: 'data-store', retrievedAt: new Date().toISOString() } as const;
        const store = DataStore.parse({
          ...view,
          contact: view.contact ?? {},
          household: view.household ?? { code: '-', headName: '-', members: [] },
          documents: view.documents ?? [],
          sources: { citizen: unknown, contact: unknown, household: unknown, documents: unknown, ...view.sources },
        });
        const form = parsed(FormDefinition, await ctx.api.call('GET', path('/forms/{id}', procedureId)));
        const offices = parsed(OfficeList, await ctx.api.call('GET', `${path('/procedures/{id}/offices', procedureId)}?province=${store.citizen.currentAddress.provinceCode}`)).offices;
        const a = store.citizen.currentAddress;
        return completeAnswers(form, store, {
          ...prefilledAnswers(form, store),
          ...(procedureId === FEE_SUBMISSION.procedureId ? FEE_SUBMISSION.answers : {}),
          residenceHistory: [{ fromYear: Number(store.citizen.dateOfBirth.slice(0, 4)) + 14, place: `${a.line}, ${a.communeName}, ${a.provinceName}` }],
          receivingAgency: officeFor(offices, store)?.id,
        });
      },
      pdf: () => tinyPdf(),
    }),
    // ---- Receipt tokens: the QR code on receipts (scripts/lib/conformance-receipts.ts) -------
    ...receiptChecks(receiptTools(s)),
    ...handoffChecks(receiptTools(s)),
    // Spends this client's budget of unknown receipt tokens: after every receipt look-up.
    receiptFloodCheck(receiptTools(s)),

    // ---- Add further checks above this one. The per-client /track budget goes LAST: it is
    // ---- keyed on the connection's address (the contract defines no client identity a test
    // ---- could choose, nor should it: a header would let a flood pick a fresh one), so once it
    // ---- is spent this machine gets no look-up for up to a minute. Any later /track check, or
    // ---- a second run within the minute, would meet its 429.
    {
      name: `GET /track answers one client at most ${TRACK_CLIENT_LIMIT.requests} look-ups in ${TRACK_CLIENT_LIMIT.windowMs / 1000} s, then 429 problem+json with Retry-After (run last: spends this machine's budget)`,
      run: async (ctx) => {
        // Codes of the right shape that no office issues (agency H99, a day that does not exist): each
        // is missed once, so no code lock gets in the way; the look-ups above this check count too.
        const unknown = (i: number) => `000.00.99.H99-991231-${String(i).padStart(4, '0')}`;
        for (let i = 0; i <= TRACK_CLIENT_LIMIT.requests; i++) {
          const answer = await ctx.api.call('GET', `/track?${new URLSearchParams({ code: unknown(i), phone: '0000' }).toString()}`);
          if (answer.status === 429) {
            tooMany(answer);
            const wait = retryAfterSeconds(answer);
            expect(wait <= TRACK_CLIENT_LIMIT.windowMs / 1000, `${describe(answer)} with Retry-After ${wait} s, more than the ${TRACK_CLIENT_LIMIT.windowMs / 1000} s window`);
            return;
          }
          refused(answer, 404);
        }
        throw new CheckFailed(`${TRACK_CLIENT_LIMIT.requests + 1} look-ups within seconds (and those of the checks above) were all answered: no per-client limit`);
      },
    },

    {
      name: 'Every refusal above was application/problem+json with type, title, status and code, and nothing internal; every 429 said Retry-After',
      run: (ctx) => {
        const bad = ctx.api.answers.filter((a) => a.status >= 400).flatMap((a) => {
          const wrong = problemIn(a);
          return wrong ? [`${describe(a)} with ${wrong}`] : [];
        });
        expect(ctx.api.answers.some((a) => a.status >= 400), 'no refusal was seen');
        expect(bad.length === 0, bad.join('\n'));
        const noRetry = ctx.api.answers.filter((a) => a.status === 429 || a.status === 503).flatMap((a) => {
          const wrong = retryAfterOf(a);
          return wrong && (a.status === 429 || a.headers.has('Retry-After')) ? [`${describe(a)} with ${wrong}`] : [];
        });
        expect(noRetry.length === 0, noRetry.join('\n'));
      },
    },
    {
      name: 'Every answer above carried X-Content-Type-Options: nosniff',
      run: (ctx) => {
        const bad = ctx.api.answers.filter((a) => a.headers.get('X-Content-Type-Options')?.toLowerCase() !== 'nosniff').map(describe);
        expect(ctx.api.answers.length > 0, 'no answer was seen');
        expect(bad.length === 0, `without nosniff:\n${[...new Set(bad)].join('\n')}`);
      },
    },
  ];
};

// ---------------------------------------------------------------------------------------------
// The command line
// ---------------------------------------------------------------------------------------------

const USAGE = `Usage: npm run conformance -- --base-url <url of the API, e.g. https://host/api>
  [--token <bearer>] [--other-token <bearer>]   (or CONFORMANCE_TOKEN, CONFORMANCE_OTHER_TOKEN)
  [--idp <url>]  the simulated VNeID to sign in at when no tokens are given (default <origin>/idp)`;

export const main = async (argv: string[]): Promise<number> => {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { 'base-url': { type: 'string' }, token: { type: 'string' }, 'other-token': { type: 'string' }, idp: { type: 'string' }, help: { type: 'boolean' } },
    }));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const baseUrl = values['base-url'] ?? process.env.CONFORMANCE_BASE_URL;
  if (values.help || !baseUrl || !/^https?:\/\//.test(baseUrl)) {
    console.error(USAGE);
    return 2;
  }
  const api = new Backend(baseUrl.replace(/\/+$/, ''));
  const idp = (values.idp ?? `${new URL(baseUrl).origin}/idp`).replace(/\/+$/, '');
  const given = values.token ?? process.env.CONFORMANCE_TOKEN;
  const otherGiven = values['other-token'] ?? process.env.CONFORMANCE_OTHER_TOKEN;
  const context: Context = {
    api,
    token: once('signing in', async () => given ?? signInAtSimulatedIdp(idp, 'vneid-046095001234')),
    otherToken: once('signing in as another citizen', async () => otherGiven ?? signInAtSimulatedIdp(idp, 'vneid-092301004567')),
    idp,
    volunteerToken: once('signing in as a volunteer', async () => process.env.CONFORMANCE_VOLUNTEER_TOKEN ?? signInAtSimulatedIdp(idp, 'vneid-046088005555')),
  };
  console.log(`Conformance of ${api.baseUrl} (${given ? 'given tokens' : `signing in at ${idp}`})`);
  const report = await runChecks(conformanceChecks(), context);
  return exitCodeOf(report);
};

if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
