import { createHash, randomBytes } from 'node:crypto';
import { feeDue } from '../src/api/dossiers/fees.ts';
import {
  DOSSIER_CODE,
  FINAL_STATUSES,
  UPLOAD_LIMITS,
  normaliseDossierCode,
  type AttachedDocument,
  type DocumentRef,
  type Dossier,
  type DossierStatus,
  type LocalisedText,
  type Notification,
  type Payment,
  type SubmitDossier,
  type SubmitSupplement,
  type TrackResult,
  type Upload,
} from '../src/api/dossiers/schema.ts';
import type { DocumentType, StoredDocument } from '../src/api/me/schema.ts';
import type { Procedure } from '../src/api/procedures/schema.ts';
import { agencies } from './fixtures/catalogue-refs.ts';
import { db } from './db.ts';
import { dataStoreFor } from './idp.ts';
import { storedDocumentPdf } from './pdf.ts';
import { addWorkingDays, vietnamDate } from './working-days.ts';

/**
 * The simulated one-stop office: uploads, dossiers from submission to result, notifications,
 * public tracking and the payment gateway. State lives in memory per server and is reset with
 * the rest of the simulated backend. Every operation takes `now` so tests can fix the clock.
 */

// ---------------------------------------------------------------------------------------------
// Outcomes
// ---------------------------------------------------------------------------------------------

export interface Failure {
  ok: false;
  status: number;
  code: string;
  title: string;
}
/** `created`: false when an idempotency key replayed an earlier request. */
export type Outcome<T> = { ok: true; created: boolean; value: T } | Failure;

const fail = (status: number, code: string, title: string): Failure => ({ ok: false, status, code, title });
const done = <T,>(value: T, created = true): Outcome<T> => ({ ok: true, created, value });

// ---------------------------------------------------------------------------------------------
// Agencies' codes
// ---------------------------------------------------------------------------------------------

/**
 * SIMULATED receiving-agency codes in the shape of Circular 10/2016/TT-BTTTT
 * (V1V2V3.Z1Z2.Y1Y2.MX1X2). They are NOT the real codes: real ones name a province or ministry
 * (e.g. H62) and each commune separately, while the catalogue lists agencies by role. "H99" and
 * "A99" are deliberately not assigned to any real province or ministry.
 */
export const AGENCY_CODES: Readonly<Record<string, string>> = {
  'commune-pc': '000.00.31.H99',
  'commune-police': '000.01.31.H99',
  'province-pc': '000.00.00.H99',
  'province-justice': '000.00.11.H99',
  'province-police': '000.00.12.H99',
  'province-construction': '000.00.13.H99',
  'province-finance': '000.00.14.H99',
  'province-home-affairs': '000.00.15.H99',
  'province-health': '000.00.16.H99',
  'province-education': '000.00.17.H99',
  'province-agriculture-environment': '000.00.18.H99',
  'land-registration-office': '000.01.18.H99',
  'social-security': '000.00.19.H99',
  'employment-service-centre': '000.01.15.H99',
  'national-judicial-records-centre': '000.00.01.A99',
  'immigration-department': '000.00.02.A99',
};
const FALLBACK_AGENCY_CODE = '000.00.99.H99';

for (const agency of agencies) {
  const code = AGENCY_CODES[agency.id];
  if (!code || !DOSSIER_CODE.test(`${code}-000101-0001`)) throw new Error(`No valid simulated code for agency ${agency.id}`);
}

export const agencyCodeOf = (agencyId: string): string => AGENCY_CODES[agencyId] ?? FALLBACK_AGENCY_CODE;

// ---------------------------------------------------------------------------------------------
// State
// ---------------------------------------------------------------------------------------------

type Mime = Upload['mime'];

interface UploadRecord {
  citizenId: string;
  upload: Upload;
  bytes: Uint8Array;
}

type StoredDossier = Omit<Dossier, 'overdue' | 'canWithdraw'>;

interface DossierRecord {
  citizenId: string;
  /** Last 4 digits of the applicant's phone at submission, for public tracking. */
  phoneLast4: string | null;
  /** When the current status began (ms), for the automatic lifecycle. */
  statusSince: number;
  /** When the fee was paid (ms), if it was. */
  paidAtMs: number | null;
  values: Record<string, unknown>;
  data: StoredDossier;
}

interface PaymentRecord {
  citizenId: string;
  id: string;
  dossierCode: string;
  amount: number;
  status: 'pending' | 'paid' | 'failed';
  qrPayload: string;
  expiresAt: number;
}

interface State {
  uploads: Map<string, UploadRecord>;
  /** By code; insertion order is submission order. */
  dossiers: Map<string, DossierRecord>;
  payments: Map<string, PaymentRecord>;
  /** (citizen, operation, key) → what the first request produced and what it carried. */
  idempotency: Map<string, { fingerprint: string; ref: string }>;
  /** Daily sequence per agency code and date. */
  sequences: Map<string, number>;
  /** Procedures a test has closed to new dossiers. */
  closed: Set<string>;
  notifications: { citizenId: string; notification: Notification }[];
}

const fresh = (): State => ({
  uploads: new Map(),
  dossiers: new Map(),
  payments: new Map(),
  idempotency: new Map(),
  sequences: new Map(),
  closed: new Set(),
  notifications: [],
});
let state = fresh();

export const resetDossiers = (): void => {
  state = fresh();
};

const randomId = (prefix: string, bytes = 9) => `${prefix}-${randomBytes(bytes).toString('base64url')}`;

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('base64url');

const idempotencyEntry = (citizenId: string, operation: string, key: string) => JSON.stringify([citizenId, operation, key]);

/** The earlier result of the same (citizen, operation, key), or a failure if the key was reused for something else. */
const replayed = (citizenId: string, operation: string, key: string, fingerprint: string): { ref: string } | Failure | undefined => {
  const entry = state.idempotency.get(idempotencyEntry(citizenId, operation, key));
  if (!entry) return undefined;
  if (entry.fingerprint !== fingerprint) return fail(422, 'idempotency-key-reused', 'This Idempotency-Key was already used for a different request');
  return { ref: entry.ref };
};

const remember = (citizenId: string, operation: string, key: string, fingerprint: string, ref: string) => {
  state.idempotency.set(idempotencyEntry(citizenId, operation, key), { fingerprint, ref });
};

// ---------------------------------------------------------------------------------------------
// Uploads
// ---------------------------------------------------------------------------------------------

const startsWith = (bytes: Uint8Array, signature: readonly number[]) => signature.every((b, i) => bytes[i] === b);

/** What the bytes are, by their magic numbers; never by the name or the claimed type. */
export const sniffMime = (bytes: Uint8Array): Mime | undefined => {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  return undefined;
};

const EXTENSION: Record<Mime, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };

/** A display name from X-File-Name (URI-encoded): no folders, no control characters. */
const cleanFileName = (raw: string | null, mime: Mime): string => {
  let name = raw ?? '';
  try {
    name = decodeURIComponent(name);
  } catch {
    // Not URI-encoded after all: use it as it came.
  }
  name = (name.normalize('NFC').split(/[\\/]/).pop() ?? '').replace(/\p{Cc}/gu, '').trim().slice(0, 200);
  return name || `tep-dinh-kem.${EXTENSION[mime]}`;
};

export const storeUpload = (citizenId: string, key: string, rawName: string | null, bytes: Uint8Array): Outcome<Upload> => {
  const fingerprint = sha256(bytes);
  const earlier = replayed(citizenId, 'upload', key, fingerprint);
  if (earlier && 'ok' in earlier) return earlier;
  const existing = earlier && state.uploads.get(earlier.ref);
  if (existing) return done(existing.upload, false);

  if (bytes.length === 0) return fail(422, 'empty-file', 'The file is empty');
  if (bytes.length > UPLOAD_LIMITS.maxFileBytes) return fail(413, 'file-too-large', `A file may be at most ${UPLOAD_LIMITS.maxFileBytes} bytes`);
  const mime = sniffMime(bytes);
  if (!mime) return fail(415, 'unsupported-file', 'Only PDF, JPEG and PNG files are accepted');

  const upload: Upload = { id: randomId('up'), name: cleanFileName(rawName, mime), mime, size: bytes.length };
  state.uploads.set(upload.id, { citizenId, upload, bytes: bytes.slice() });
  remember(citizenId, 'upload', key, fingerprint, upload.id);
  return done(upload);
};

/** An uploaded file, only for the citizen who uploaded it. */
export const uploadedFile = (citizenId: string, id: string): { upload: Upload; bytes: Uint8Array } | undefined => {
  const record = state.uploads.get(id);
  return record && record.citizenId === citizenId ? { upload: record.upload, bytes: record.bytes } : undefined;
};

// ---------------------------------------------------------------------------------------------
// Procedures open to dossiers, fees
// ---------------------------------------------------------------------------------------------

export { feeDue };

export const setProcedureClosed = (procedureId: string, closed: boolean): void => {
  if (closed) state.closed.add(procedureId);
  else state.closed.delete(procedureId);
};

// ---------------------------------------------------------------------------------------------
// Dossiers
// ---------------------------------------------------------------------------------------------

const NOTES: Record<DossierStatus, LocalisedText> = {
  received: { vi: 'Hồ sơ đã được tiếp nhận', en: 'Your application has been received' },
  'in-progress': { vi: 'Hồ sơ đang được giải quyết', en: 'Your application is being processed' },
  'supplement-requested': { vi: 'Cơ quan yêu cầu bổ sung giấy tờ', en: 'The office asks for more documents' },
  'result-ready': {
    vi: 'Đã có kết quả. Bản điện tử đã được lưu vào kho dữ liệu của bạn.',
    en: 'The result is ready. The electronic copy is in your data store.',
  },
  returned: { vi: 'Đã trả kết quả', en: 'The result has been handed over' },
  rejected: { vi: 'Hồ sơ không đủ điều kiện giải quyết', en: 'The application cannot be granted' },
  withdrawn: { vi: 'Bạn đã rút hồ sơ', en: 'You withdrew the application' },
};
const SUPPLEMENT_RECEIVED: LocalisedText = {
  vi: 'Đã nhận giấy tờ bổ sung, hồ sơ tiếp tục được giải quyết',
  en: 'The additional documents were received; processing continues',
};
const PAID: LocalisedText = { vi: 'Đã thanh toán phí, lệ phí', en: 'Fees paid' };

const WITHDRAWABLE: readonly DossierStatus[] = ['received', 'in-progress', 'supplement-requested'];
const isFinal = (status: DossierStatus) => FINAL_STATUSES.includes(status);

const lifecycleSeconds = (): number => {
  const seconds = Number(process.env.MOCK_LIFECYCLE_SECONDS ?? 0);
  return Number.isFinite(seconds) && seconds > 0 ? seconds : 0;
};

const notify = (record: DossierRecord, status: DossierStatus, at: Date) => {
  state.notifications.push({
    citizenId: record.citizenId,
    notification: { id: randomId('tb', 6), dossierCode: record.data.code, at: at.toISOString(), status, read: false },
  });
};

const procedureOf = (record: DossierRecord): Procedure | undefined => db.procedures.get(record.data.procedureId);

const resultType = (procedure: Procedure): DocumentType => {
  const name = procedure.name.normalize('NFC').toLowerCase();
  if (name.includes('khai sinh')) return 'birth-certificate';
  if (name.includes('tình trạng hôn nhân')) return 'marital-status-certificate';
  if (name.includes('kết hôn')) return 'marriage-certificate';
  if (name.includes('lý lịch tư pháp')) return 'criminal-record';
  if (procedure.field.id === 'residence') return 'residence-confirmation';
  return 'other';
};

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

const RESULT_TITLE: Partial<Record<DocumentType, string>> = {
  'birth-certificate': 'Giấy khai sinh',
  'marital-status-certificate': 'Giấy xác nhận tình trạng hôn nhân',
  'marriage-certificate': 'Giấy chứng nhận kết hôn',
  'criminal-record': 'Phiếu lý lịch tư pháp',
};
const NUMBER_SUFFIX: Record<DocumentType, string> = {
  'birth-certificate': 'KS',
  'marital-status-certificate': 'XNTTHN',
  'marriage-certificate': 'KH',
  'criminal-record': 'LLTP',
  'residence-confirmation': 'TB-CT',
  'id-card': 'CC',
  degree: 'VB',
  'health-insurance-card': 'BHYT',
  'driving-licence': 'GPLX',
  'land-certificate': 'GCN',
  other: 'KQ',
};

const asciiSlug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const addMonths = (isoDate: string, months: number) => {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString().slice(0, 10);
};

/** The size of the file GET /api/me/documents/:id/file will serve for it. */
const resultPdfSize = (doc: Omit<StoredDocument, 'file'>) => storedDocumentPdf(doc).length;

/** The electronic result, placed in the citizen's data store so it can be reused. */
const issueResult = (record: DossierRecord, at: Date): NonNullable<StoredDossier['result']> => {
  const procedure = procedureOf(record);
  const type = procedure ? resultType(procedure) : 'other';
  const issuedOn = vietnamDate(at);
  const title = RESULT_TITLE[type] ?? (type === 'residence-confirmation' && procedure ? `Thông báo kết quả ${lowerFirst(procedure.name)}` : `Kết quả giải quyết: ${record.data.procedureName}`);
  const childName = record.values.childFullName;
  const sequence = Number(record.data.code.slice(-4));
  const doc: Omit<StoredDocument, 'file'> = {
    id: `kq-${record.data.code}`,
    type,
    title,
    number: `${sequence}/${issuedOn.slice(0, 4)}/${NUMBER_SUFFIX[type]}`,
    issuer: record.data.agencyName,
    issuedOn,
    // A marital-status certificate is valid for 6 months (Decree 123/2015 art. 23).
    validUntil: type === 'marital-status-certificate' ? addMonths(issuedOn, 6) : null,
    origin: 'result',
    ...(type === 'birth-certificate' && typeof childName === 'string' && childName.trim() ? { subjectName: childName.trim() } : {}),
  };
  const stored: StoredDocument = { ...doc, file: { name: `${asciiSlug(title)}-${record.data.code}.pdf`, mime: 'application/pdf', size: resultPdfSize(doc) } };
  const store = dataStoreFor(record.citizenId);
  if (store && !store.documents.some((d) => d.id === stored.id)) store.documents.push(stored);
  return { documentId: stored.id, title, issuedOn };
};

/** A realistic request for more papers when a test does not word one. */
const defaultSupplement = (record: DossierRecord): { message: LocalisedText; items: LocalisedText[] } => {
  if (record.data.procedureId === '1.001193') {
    return {
      message: {
        vi: 'Ảnh chụp Giấy chứng sinh bị mờ, không đọc được họ tên người mẹ và ngày sinh của trẻ. Đề nghị bổ sung trong 05 ngày làm việc.',
        en: 'The photo of the birth notice is blurred: the mother’s name and the child’s date of birth cannot be read. Please send it within 5 working days.',
      },
      items: [{ vi: 'Bản sao Giấy chứng sinh rõ nét hơn', en: 'A clearer copy of the birth notice (Giấy chứng sinh)' }],
    };
  }
  const title = record.data.documents.find((d) => d.source === 'upload')?.title ?? record.data.documents[0]?.title ?? 'giấy tờ đã nộp';
  return {
    message: {
      vi: `Bản chụp “${title}” không rõ nét, không đọc được đầy đủ thông tin. Đề nghị bổ sung trong 05 ngày làm việc.`,
      en: `The copy of “${title}” is not legible. Please send a clearer one within 5 working days.`,
    },
    items: [{ vi: `Bản chụp “${title}” rõ nét hơn`, en: `A clearer copy of “${title}”` }],
  };
};

interface ChangeOptions {
  message?: LocalisedText | undefined;
  items?: LocalisedText[] | undefined;
}

const changeStatus = (record: DossierRecord, to: DossierStatus, at: Date, options: ChangeOptions = {}) => {
  const data = record.data;
  data.supplement = null;
  if (to === 'supplement-requested') {
    const wording = defaultSupplement(record);
    data.supplement = { requestedAt: at.toISOString(), message: options.message ?? wording.message, items: options.items ?? wording.items };
  }
  if (to === 'result-ready' && !data.result) data.result = issueResult(record, at);
  data.status = to;
  data.events.push({ at: at.toISOString(), status: to, note: data.supplement?.message ?? options.message ?? NOTES[to] });
  record.statusSince = at.getTime();
  notify(record, to, at);
};

/** Any payment still owed blocks automatic processing, as a real office waits for the fee. */
const awaitingPayment = (record: DossierRecord) => record.data.payment.status !== 'not-required' && record.data.payment.status !== 'paid';

/**
 * MOCK_LIFECYCLE_SECONDS > 0: a dossier that has spent that long in "received" moves on to
 * "in-progress", and after as long again to "result-ready". Worked out when read, from the
 * time of the last change, so it needs no timers and gives the same answer every time.
 */
const progress = (record: DossierRecord, now: Date) => {
  const seconds = lifecycleSeconds();
  if (seconds === 0) return;
  for (;;) {
    const { status } = record.data;
    if (status !== 'received' && status !== 'in-progress') return;
    if (awaitingPayment(record)) return;
    const since = Math.max(record.statusSince, record.paidAtMs ?? 0);
    const due = since + seconds * 1000;
    if (due > now.getTime()) return;
    changeStatus(record, status === 'received' ? 'in-progress' : 'result-ready', new Date(due));
  }
};

const latestPayment = (code: string): PaymentRecord | undefined => [...state.payments.values()].filter((p) => p.dossierCode === code).at(-1);

const paymentStatusOf = (payment: PaymentRecord, now: Date): Payment['status'] =>
  payment.status === 'pending' && payment.expiresAt <= now.getTime() ? 'expired' : payment.status;

const view = (record: DossierRecord, now: Date): Dossier => {
  const data = structuredClone(record.data);
  if (data.payment.status === 'pending') {
    const attempt = latestPayment(data.code);
    if (attempt && paymentStatusOf(attempt, now) === 'expired') data.payment.status = 'expired';
  }
  return {
    ...data,
    overdue: data.dueOn !== null && vietnamDate(now) > data.dueOn && !isFinal(data.status) && data.status !== 'result-ready',
    canWithdraw: WITHDRAWABLE.includes(data.status),
  };
};

const ownDossier = (citizenId: string, code: string): DossierRecord | undefined => {
  const record = state.dossiers.get(normaliseDossierCode(code));
  return record && record.citizenId === citizenId ? record : undefined;
};

const NOT_FOUND = () => fail(404, 'dossier-not-found', 'No such dossier');

/** Papers by reference: data-store documents of this citizen, or files this citizen uploaded. */
const attach = (citizenId: string, procedure: Procedure, refs: readonly DocumentRef[], supplement: boolean): { documents: AttachedDocument[]; uploadBytes: number } | Failure => {
  const store = dataStoreFor(citizenId);
  const documents: AttachedDocument[] = [];
  let uploadBytes = 0;
  for (const ref of refs) {
    if (ref.requirement !== null && ref.requirement >= procedure.documents.length) {
      return fail(422, 'unknown-requirement', `The procedure has no document requirement ${ref.requirement}`);
    }
    const requirementName = ref.requirement === null ? undefined : procedure.documents[ref.requirement]?.name;
    if (ref.source === 'data-store') {
      const doc = store?.documents.find((d) => d.id === ref.ref);
      if (!doc) return fail(422, 'unknown-document', `No document ${ref.ref} in your data store`);
      documents.push({ requirement: ref.requirement, title: requirementName ?? doc.title, source: 'data-store', ref: doc.id, mime: doc.file.mime, size: doc.file.size, supplement });
    } else {
      const file = uploadedFile(citizenId, ref.ref);
      if (!file) return fail(422, 'unknown-document', `No upload ${ref.ref}`);
      uploadBytes += file.upload.size;
      documents.push({ requirement: ref.requirement, title: requirementName ?? file.upload.name, source: 'upload', ref: file.upload.id, mime: file.upload.mime, size: file.upload.size, supplement });
    }
  }
  return { documents, uploadBytes };
};

const TOO_LARGE = () => fail(413, 'dossier-too-large', `The files of a dossier may total at most ${UPLOAD_LIMITS.maxDossierBytes} bytes`);

export const submitDossier = (citizenId: string, key: string, body: SubmitDossier, now = new Date()): Outcome<Dossier> => {
  const fingerprint = sha256(JSON.stringify(body));
  const earlier = replayed(citizenId, 'submit', key, fingerprint);
  if (earlier && 'ok' in earlier) return earlier;
  const existing = earlier && state.dossiers.get(earlier.ref);
  if (existing) {
    progress(existing, now);
    return done(view(existing, now), false);
  }

  const procedure = db.procedures.get(body.procedureId);
  if (!procedure) return fail(404, 'procedure-not-found', 'No procedure with this code');
  if (!procedure.hasEForm || state.closed.has(procedure.id)) return fail(409, 'procedure-not-accepting', 'This procedure does not accept online applications now');
  const store = dataStoreFor(citizenId);
  if (!store) return fail(401, 'session-expired', 'Sign in again');
  const attached = attach(citizenId, procedure, body.documents, false);
  if ('ok' in attached) return attached;
  if (attached.uploadBytes > UPLOAD_LIMITS.maxDossierBytes) return TOO_LARGE();

  const agencyCode = agencyCodeOf(procedure.agency.id);
  const yymmdd = vietnamDate(now).slice(2).replaceAll('-', '');
  const sequenceKey = `${agencyCode}-${yymmdd}`;
  const sequence = (state.sequences.get(sequenceKey) ?? 0) + 1;
  if (sequence > 9999) return fail(503, 'daily-limit', 'The office has numbered 9,999 dossiers today');
  state.sequences.set(sequenceKey, sequence);
  const code = `${sequenceKey}-${String(sequence).padStart(4, '0')}`;

  const amount = feeDue(procedure);
  const submittedAt = now.toISOString();
  const phone = store.contact.phone;
  const record: DossierRecord = {
    citizenId,
    phoneLast4: phone ? phone.slice(-4) : null,
    statusSince: now.getTime(),
    paidAtMs: null,
    values: structuredClone(body.values),
    data: {
      code,
      procedureId: procedure.id,
      procedureName: procedure.name,
      // The office the citizen named on the form (a ward or commune), else the procedure's.
      agencyName: typeof body.values.receivingAgency === 'string' && body.values.receivingAgency.trim() ? body.values.receivingAgency.trim().slice(0, 200) : procedure.agency.name,
      applicantName: store.citizen.fullName,
      status: 'received',
      submittedAt,
      dueOn: procedure.processingTime.workingDays === null ? null : addWorkingDays(vietnamDate(now), procedure.processingTime.workingDays),
      events: [],
      documents: attached.documents,
      payment: amount > 0 ? { status: 'pending', amount } : { status: 'not-required', amount: 0 },
      supplement: null,
      result: null,
    },
  };
  state.dossiers.set(code, record);
  record.data.events.push({ at: submittedAt, status: 'received', note: NOTES.received });
  notify(record, 'received', now);
  remember(citizenId, 'submit', key, fingerprint, code);
  return done(view(record, now));
};

export const listDossiers = (citizenId: string, now = new Date()): Dossier[] =>
  [...state.dossiers.values()]
    .filter((r) => r.citizenId === citizenId)
    .reverse()
    .map((r) => {
      progress(r, now);
      return view(r, now);
    });

export const getDossier = (citizenId: string, code: string, now = new Date()): Dossier | undefined => {
  const record = ownDossier(citizenId, code);
  if (!record) return undefined;
  progress(record, now);
  return view(record, now);
};

export const withdrawDossier = (citizenId: string, code: string, now = new Date()): Outcome<Dossier> => {
  const record = ownDossier(citizenId, code);
  if (!record) return NOT_FOUND();
  progress(record, now);
  if (!WITHDRAWABLE.includes(record.data.status)) return fail(409, 'cannot-withdraw', 'The dossier can no longer be withdrawn');
  changeStatus(record, 'withdrawn', now);
  return done(view(record, now), false);
};

export const submitSupplement = (citizenId: string, code: string, key: string, body: SubmitSupplement, now = new Date()): Outcome<Dossier> => {
  const record = ownDossier(citizenId, code);
  if (!record) return NOT_FOUND();
  const fingerprint = sha256(JSON.stringify([record.data.code, body]));
  const earlier = replayed(citizenId, 'supplement', key, fingerprint);
  if (earlier && 'ok' in earlier) return earlier;
  progress(record, now);
  if (earlier) return done(view(record, now), false);

  if (record.data.status !== 'supplement-requested') return fail(409, 'no-supplement-requested', 'The office has not asked for more documents');
  const procedure = procedureOf(record);
  if (!procedure) return fail(404, 'procedure-not-found', 'No procedure with this code');
  const attached = attach(citizenId, procedure, body.documents, true);
  if ('ok' in attached) return attached;
  const already = record.data.documents.filter((d) => d.source === 'upload').reduce((sum, d) => sum + d.size, 0);
  if (already + attached.uploadBytes > UPLOAD_LIMITS.maxDossierBytes) return TOO_LARGE();

  record.data.documents.push(...attached.documents);
  changeStatus(record, 'in-progress', now, { message: SUPPLEMENT_RECEIVED });
  remember(citizenId, 'supplement', key, fingerprint, record.data.code);
  return done(view(record, now));
};

/** Test control: what an official does next. Any status but "received"; nothing after a final one. */
export const advanceDossier = (code: string, to: DossierStatus, options: ChangeOptions = {}, now = new Date()): Outcome<Dossier> => {
  const record = state.dossiers.get(normaliseDossierCode(code));
  if (!record) return NOT_FOUND();
  progress(record, now);
  if (to === record.data.status) return done(view(record, now), false);
  if (to === 'received' || isFinal(record.data.status)) return fail(409, 'invalid-transition', `Cannot move a dossier from ${record.data.status} to ${to}`);
  changeStatus(record, to, now, options);
  return done(view(record, now));
};

/** Test control: every dossier of every citizen, newest first. */
export const allDossiers = (now = new Date()): Dossier[] =>
  [...state.dossiers.values()].reverse().map((r) => {
    progress(r, now);
    return view(r, now);
  });

// ---------------------------------------------------------------------------------------------
// Public tracking
// ---------------------------------------------------------------------------------------------

/** Code plus the last 4 digits of the applicant's phone; a wrong pair and an unknown code look alike. */
export const trackDossier = (rawCode: string | null, phone: string | null, now = new Date()): Outcome<TrackResult> => {
  const code = normaliseDossierCode(rawCode ?? '');
  if (!DOSSIER_CODE.test(code)) return fail(400, 'invalid-code', 'Not a dossier code');
  const record = state.dossiers.get(code);
  const digits = (phone ?? '').replace(/\s+/g, '');
  if (!record || !/^\d{4}$/.test(digits) || record.phoneLast4 !== digits) return NOT_FOUND();
  progress(record, now);
  const { procedureName, agencyName, status, submittedAt, dueOn, overdue, events } = view(record, now);
  return done({ code, procedureName, agencyName, status, submittedAt, dueOn, overdue, events }, false);
};

// ---------------------------------------------------------------------------------------------
// Notifications
// ---------------------------------------------------------------------------------------------

export const listNotifications = (citizenId: string, now = new Date()): Notification[] => {
  for (const record of state.dossiers.values()) if (record.citizenId === citizenId) progress(record, now);
  return state.notifications
    .filter((n) => n.citizenId === citizenId)
    .map((n) => ({ ...n.notification }))
    .sort((a, b) => b.at.localeCompare(a.at));
};

export const markNotificationsRead = (citizenId: string): void => {
  for (const n of state.notifications) if (n.citizenId === citizenId) n.notification.read = true;
};

// ---------------------------------------------------------------------------------------------
// Payments: a VietQR for banking apps, or the simulated gateway's card page
// ---------------------------------------------------------------------------------------------

export const PAYMENT_TTL_MS = 15 * 60 * 1000;
/** VietinBank's BIN in the NAPAS 247 directory. */
const TREASURY_BIN = '970415';
/** Made up: stands for the State Treasury's fee collection account; not a real account. */
const TREASURY_ACCOUNT = '1200000000123';
/** The gateway's test card that is always declined. */
export const DECLINED_CARD = '4000000000000002';

/** CRC-16/CCITT-FALSE (poly 0x1021, initial 0xFFFF), as EMVCo QR tag 63 requires. */
export const crc16 = (text: string): number => {
  let crc = 0xffff;
  for (const byte of new TextEncoder().encode(text)) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
};

const tlv = (id: string, value: string) => {
  if (value.length > 99) throw new Error(`EMVCo field ${id} too long`);
  return `${id}${String(value.length).padStart(2, '0')}${value}`;
};

/**
 * NAPAS VietQR (EMVCo merchant-presented QR): dynamic (01=12) since it carries the amount;
 * tag 38 holds the NAPAS GUID, the bank BIN and account, and the "transfer to account" service;
 * tag 62/08 the purpose, here the dossier code so the treasury can match the transfer.
 */
export const vietQrPayload = (amount: number, purpose: string): string => {
  const beneficiary = tlv('00', TREASURY_BIN) + tlv('01', TREASURY_ACCOUNT);
  const merchant = tlv('00', 'A000000727') + tlv('01', beneficiary) + tlv('02', 'QRIBFTTA');
  const body = tlv('00', '01') + tlv('01', '12') + tlv('38', merchant) + tlv('53', '704') + tlv('54', String(amount)) + tlv('58', 'VN') + tlv('62', tlv('08', purpose)) + '6304';
  return body + crc16(body).toString(16).toUpperCase().padStart(4, '0');
};

const paymentView = (payment: PaymentRecord, now: Date): Payment => ({
  id: payment.id,
  dossierCode: payment.dossierCode,
  amount: payment.amount,
  status: paymentStatusOf(payment, now),
  qrPayload: payment.qrPayload,
  cardUrl: `/pay/${payment.id}`,
  expiresAt: new Date(payment.expiresAt).toISOString(),
});

export const startPayment = (citizenId: string, code: string, key: string, now = new Date()): Outcome<Payment> => {
  const record = ownDossier(citizenId, code);
  if (!record) return NOT_FOUND();
  const earlier = replayed(citizenId, 'payment', key, record.data.code);
  if (earlier && 'ok' in earlier) return earlier;
  const again = earlier && state.payments.get(earlier.ref);
  if (again) return done(paymentView(again, now), false);

  const { payment } = record.data;
  if (payment.status === 'paid') return fail(409, 'already-paid', 'The fees of this dossier are already paid');
  if (payment.status === 'not-required') return fail(409, 'payment-not-required', 'Nothing to pay for this dossier');
  if (isFinal(record.data.status)) return fail(409, 'cannot-pay', 'The dossier is closed');
  const open = latestPayment(record.data.code);
  if (open && paymentStatusOf(open, now) === 'pending') {
    remember(citizenId, 'payment', key, record.data.code, open.id);
    return done(paymentView(open, now), false);
  }
  const created: PaymentRecord = {
    citizenId,
    id: randomId('tt'),
    dossierCode: record.data.code,
    amount: payment.amount,
    status: 'pending',
    qrPayload: vietQrPayload(payment.amount, record.data.code),
    expiresAt: now.getTime() + PAYMENT_TTL_MS,
  };
  state.payments.set(created.id, created);
  payment.status = 'pending';
  remember(citizenId, 'payment', key, record.data.code, created.id);
  return done(paymentView(created, now));
};

export const getPayment = (citizenId: string, id: string, now = new Date()): Payment | undefined => {
  const payment = state.payments.get(id);
  return payment && payment.citizenId === citizenId ? paymentView(payment, now) : undefined;
};

/** What the gateway's page shows; no sign-in there, the unguessable id is the capability. */
export const gatewayView = (id: string, now = new Date()): { payment: Payment; procedureName: string } | undefined => {
  const payment = state.payments.get(id);
  const record = payment && state.dossiers.get(payment.dossierCode);
  return payment && record ? { payment: paymentView(payment, now), procedureName: record.data.procedureName } : undefined;
};

export type GatewayResult =
  | { kind: 'paid' | 'failed'; dossierCode: string }
  | { kind: 'expired' | 'closed'; dossierCode: string }
  | { kind: 'invalid-card' | 'missing-name'; dossierCode: string }
  | { kind: 'not-found' };

const luhn = (digits: string) =>
  [...digits].reverse().reduce((sum, d, i) => {
    const n = Number(d) * (i % 2 === 1 ? 2 : 1);
    return sum + (n > 9 ? n - 9 : n);
  }, 0) %
    10 ===
  0;

/** The card page's form: pay with a card, or cancel. Paying twice never charges twice. */
export const completePayment = (id: string, action: 'pay' | 'cancel', card: { number: string; name: string }, now = new Date()): GatewayResult => {
  const payment = state.payments.get(id);
  const record = payment && state.dossiers.get(payment.dossierCode);
  if (!payment || !record) return { kind: 'not-found' };
  const dossierCode = payment.dossierCode;
  const status = paymentStatusOf(payment, now);
  if (status === 'paid' || record.data.payment.status === 'paid') return { kind: 'paid', dossierCode };
  if (status === 'expired') return { kind: 'expired', dossierCode };
  if (status === 'failed') return { kind: 'closed', dossierCode };
  const failed = (): GatewayResult => {
    payment.status = 'failed';
    record.data.payment.status = 'failed';
    return { kind: 'failed', dossierCode };
  };
  if (action === 'cancel' || isFinal(record.data.status)) return failed();
  const number = card.number.replace(/[\s-]/g, '');
  if (!/^\d{12,19}$/.test(number) || !luhn(number)) return { kind: 'invalid-card', dossierCode };
  if (!card.name.trim()) return { kind: 'missing-name', dossierCode };
  if (number === DECLINED_CARD) return failed();

  payment.status = 'paid';
  const paidAt = now.toISOString();
  record.data.payment = { status: 'paid', amount: payment.amount, paidAt, reference: `FT${vietnamDate(now).slice(2).replaceAll('-', '')}${randomBytes(4).readUInt32BE(0).toString().padStart(10, '0')}` };
  record.paidAtMs = now.getTime();
  record.data.events.push({ at: paidAt, status: record.data.status, note: PAID });
  return { kind: 'paid', dossierCode };
};

/** Test control: the payment's 15 minutes are up. */
export const expirePayment = (id: string, now = new Date()): Payment | undefined => {
  const payment = state.payments.get(id);
  if (!payment) return undefined;
  payment.expiresAt = Math.min(payment.expiresAt, now.getTime() - 1);
  return paymentView(payment, now);
};
