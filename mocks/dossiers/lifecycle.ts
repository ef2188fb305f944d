import { copiesAskedFor, feeFor } from '../../src/api/procedures/fees.ts';
import { checkPapers, type OfferedPaper } from '../../src/api/procedures/papers.ts';
import { NOT_ON_BEHALF, checkAnswersOnBehalf, type RefusedAnswer } from '../../src/api/procedures/on-behalf.ts';
import {
  UPLOAD_LIMITS,
  normaliseDossierCode,
  type AttachedDocument,
  type DocumentRef,
  type Dossier,
  type DossierStatus,
  type LocalisedText,
  type SubmitDossier,
  type SubmitSupplement,
} from '../../src/api/dossiers/schema.ts';
import type { DocumentType, StoredDocument } from '../../src/api/me/schema.ts';
import type { FilerRelationship, Office, Procedure } from '../../src/api/procedures/schema.ts';
import { db } from '../db.ts';
import { dataStoreFor } from '../idp.ts';
import { storedDocumentPdf } from '../pdf.ts';
import { sendSms } from '../sms.ts';
import type { AssistedBy } from '../../src/api/assisted/schema.ts';
import { addWorkingDays, vietnamDate } from '../working-days.ts';
import { formDefinitions } from '../fixtures/forms.ts';
import { formNotices } from '../../src/api/forms/notices.ts';
import { agencyCodeOf } from './agency-codes.ts';
import { officeOf } from './offices.ts';
import { countQuota, quotaExhausted } from './limits.ts';
import { markAttached, uploadedFile } from './uploads.ts';
import { issueReceiptToken } from './receipt-token.ts';
import {
  done,
  fail,
  isFinal,
  latestPayment,
  NOT_FOUND,
  ownDossier,
  paymentStatusOf,
  randomId,
  remember,
  replayed,
  sha256,
  state,
  type DossierRecord,
  type Failure,
  type Outcome,
  type StoredDossier,
} from './state.ts';

/**
 * Dossiers from submission to result: procedures open to them, official codes and due dates,
 * statuses and the automatic clock, the result in the data store, requests for more papers.
 */

/** Test control: the office refuses new dossiers for this procedure (409). */
export const setProcedureClosed = (procedureId: string, closed: boolean): void => {
  if (closed) state.closed.add(procedureId);
  else state.closed.delete(procedureId);
};

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
const WITHDRAWABLE: readonly DossierStatus[] = ['received', 'in-progress', 'supplement-requested'];

const lifecycleSeconds = (): number => {
  const seconds = Number(process.env.MOCK_LIFECYCLE_SECONDS ?? 0);
  return Number.isFinite(seconds) && seconds > 0 ? seconds : 0;
};

export const notify = (record: DossierRecord, status: DossierStatus, at: Date) => {
  state.notifications.push({
    citizenId: record.citizenId,
    notification: { kind: 'dossier-status', id: randomId('tb', 6), dossierCode: record.data.code, at: at.toISOString(), status, read: false },
  });
  // Filed with a volunteer's help: the resident may have no app, so the status goes by SMS to
  // their phone on record (never to the volunteer). The receipt itself is sent at submission.
  const phone = record.assisted && status !== 'received' ? dataStoreFor(record.citizenId)?.contact.phone : undefined;
  if (phone && record.assisted) sendSms(phone, 'status', `[Một Cửa Số] Hồ sơ ${record.data.code}: ${STATUS_SMS[status]}. Tra cứu: ${record.assisted.trackUrl}?code=${record.data.code}`, at);
};

const STATUS_SMS: Record<DossierStatus, string> = {
  received: 'đã tiếp nhận',
  'in-progress': 'đang giải quyết',
  'supplement-requested': 'cần bổ sung giấy tờ',
  'result-ready': 'đã có kết quả',
  returned: 'đã trả kết quả',
  rejected: 'bị từ chối',
  withdrawn: 'đã rút',
};

const procedureOf = (record: DossierRecord): Procedure | undefined => db.procedures.get(record.data.procedureId);

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

const RESULT_TITLE: Partial<Record<DocumentType, string>> = {
  'birth-certificate': 'Giấy khai sinh',
  'marital-status-certificate': 'Giấy xác nhận tình trạng hôn nhân',
  'marriage-certificate': 'Giấy chứng nhận kết hôn',
  'criminal-record': 'Phiếu lý lịch tư pháp',
};
const NUMBER_SUFFIX: Record<DocumentType, string> = {
  'birth-certificate': 'KS',
  'birth-notice': 'CS',
  'court-decision': 'QĐ',
  'marital-status-certificate': 'XNTTHN',
  'marriage-certificate': 'KH',
  'criminal-record': 'LLTP',
  'residence-confirmation': 'TB-CT',
  'id-card': 'CC',
  degree: 'VB',
  'health-insurance-card': 'BHYT',
  'driving-licence': 'GPLX',
  'land-certificate': 'GCN',
  authorisation: 'UQ',
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
  const type: DocumentType = procedure?.resultType ?? 'other';
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
export const progress = (record: DossierRecord, now: Date) => {
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


export const view = (record: DossierRecord, now: Date): Dossier => {
  const data = structuredClone(record.data);
  if (data.payment.status === 'pending') {
    const attempt = latestPayment(data.code);
    if (attempt && paymentStatusOf(attempt, now) === 'expired') data.payment.status = 'expired';
  }
  return {
    ...data,
    overdue: data.dueOn !== null && vietnamDate(now) > data.dueOn && !isFinal(data.status) && data.status !== 'result-ready',
    canWithdraw: WITHDRAWABLE.includes(data.status),
    ...(record.receiptToken ? { receiptToken: { ...record.receiptToken } } : {}),
  };
};


/** Papers by reference: data-store documents of this citizen, or files this citizen uploaded. */
const attach = (
  citizenId: string,
  procedure: Procedure,
  refs: readonly DocumentRef[],
  supplement: boolean,
  now: Date,
  onBehalf?: { relationship: FilerRelationship | null },
): { documents: AttachedDocument[]; uploadBytes: number } | Failure => {
  const store = dataStoreFor(citizenId);
  const documents: AttachedDocument[] = [];
  const offered: OfferedPaper[] = [];
  let uploadBytes = 0;
  for (const ref of refs) {
    const requirementName = ref.requirement === null ? undefined : procedure.documents.find((d) => d.id === ref.requirement)?.name;
    if (ref.source === 'data-store') {
      const doc = store?.documents.find((d) => d.id === ref.ref);
      if (!doc) return fail(422, 'unknown-document', `No document ${ref.ref} in your data store`, { document: ref.ref });
      offered.push({ requirement: ref.requirement, type: doc.type });
      documents.push({ requirement: ref.requirement, title: requirementName ?? doc.title, source: 'data-store', ref: doc.id, mime: doc.file.mime, size: doc.file.size, supplement });
    } else {
      // Unknown, someone else's, or deleted after 24 h unattached: the device still has the file and sends it again.
      const file = uploadedFile(citizenId, ref.ref, now);
      if (!file) return fail(422, 'unknown-document', `No upload ${ref.ref}`, { document: ref.ref });
      offered.push({ requirement: ref.requirement, type: null });
      uploadBytes += file.upload.size;
      documents.push({ requirement: ref.requirement, title: requirementName ?? file.upload.name, source: 'upload', ref: file.upload.id, mime: file.upload.mime, size: file.upload.size, supplement });
    }
  }
  const refused = checkPapers(procedure, offered, { supplement, ...(onBehalf ? { onBehalf } : {}) });
  if (refused.length > 0) return fail(422, 'papers-refused', 'Some papers do not satisfy the requirement they are offered for, or are missing', { papers: refused });
  return { documents, uploadBytes };
};

/**
 * The phone the applicant declared on the e-form (its first phone field: each form has one,
 * the applicant's contact number), which is what /track asks for. Null when the form has none
 * or it was left empty; the account's phone stands in then.
 */
export const declaredPhone = (procedureId: string, values: Record<string, unknown>): string | null => {
  const definition = formDefinitions.find((d) => d.procedureId === procedureId);
  for (const field of definition?.sections.flatMap((section) => section.fields) ?? []) {
    if (field.type !== 'phone') continue;
    const value = values[field.id];
    return typeof value === 'string' && value.replace(/\D/g, '').length >= 4 ? value : null;
  }
  return null;
};

/** The e-form field where the citizen chooses the office they apply to (from GET /procedures/:id/offices). */
export const RECEIVING_OFFICE_FIELD = 'receivingAgency';

/**
 * The office the dossier goes to: one of those that handle the procedure, chosen on the
 * e-form; a form without the choice goes to the procedure's own (central) office. Anything
 * else, typed text included, is refused.
 */
const receivingOffice = (procedure: Procedure, values: Record<string, unknown>): Office | Failure => {
  const definition = formDefinitions.find((d) => d.procedureId === procedure.id);
  const asks = definition?.sections.some((s) => s.fields.some((f) => f.id === RECEIVING_OFFICE_FIELD)) ?? false;
  const chosen = asks ? values[RECEIVING_OFFICE_FIELD] : procedure.agency.id;
  const office = officeOf(procedure, chosen);
  return office ?? fail(422, 'unknown-agency', 'The receiving agency is not one that handles this procedure', { field: RECEIVING_OFFICE_FIELD });
};

/** 422 `answer-not-on-behalf` (AnswersNotOnBehalf): `field` names where the app shows it. */
export const answersNotOnBehalf = (answers: RefusedAnswer[]): Failure =>
  fail(422, NOT_ON_BEHALF, 'Only the person may ask for this: it cannot be filed on their behalf', { field: answers[0]?.field ?? '', answers: [...answers] });

const TOO_LARGE = () => fail(413, 'dossier-too-large', `The files of a dossier may total at most ${UPLOAD_LIMITS.maxDossierBytes} bytes`);

export interface Assisted {
  volunteerId: string;
  consentId: string;
  trackUrl: string;
  assistedBy: AssistedBy;
}

export const submitDossier = (citizenId: string, key: string, body: SubmitDossier, now = new Date(), assisted?: Assisted): Outcome<Dossier> => {
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
  // Filed for someone else: answers only the person may give are refused (Phiếu số 2, docs/domain/assisted.md),
  // by the check the app runs on the form.
  const notOnBehalf = assisted ? checkAnswersOnBehalf(procedure, body.values) : [];
  if (notOnBehalf.length > 0) return answersNotOnBehalf(notOnBehalf);
  // Filed for someone else where the law asks for their written authorisation (docs/domain/assisted.md):
  // who the one filing is to them, and — unless a relative the rule names — the authorisation paper.
  const onBehalf = assisted && procedure.onBehalf ? { relationship: body.onBehalf?.relationship ?? null } : undefined;
  if (onBehalf && onBehalf.relationship === null) {
    return fail(422, 'relationship-required', 'Filing this for someone else: say who you are to them', { field: 'onBehalf.relationship' });
  }
  const attached = attach(citizenId, procedure, body.documents, false, now, onBehalf);
  if ('ok' in attached) return attached;
  if (attached.uploadBytes > UPLOAD_LIMITS.maxDossierBytes) return TOO_LARGE();
  const office = receivingOffice(procedure, body.values);
  if ('ok' in office) return office;
  // Only a dossier that gets a number counts: one account can never use up an agency's day.
  const exhausted = quotaExhausted(citizenId, 'dossiers', now);
  if (exhausted) return exhausted;

  const agencyCode = agencyCodeOf(office.agencyId);
  const yymmdd = vietnamDate(now).slice(2).replaceAll('-', '');
  const sequenceKey = `${agencyCode}-${yymmdd}`;
  const sequence = (state.sequences.get(sequenceKey) ?? 0) + 1;
  if (sequence > 9999) return fail(503, 'daily-limit', 'The office has numbered 9,999 dossiers today');
  state.sequences.set(sequenceKey, sequence);
  const code = `${sequenceKey}-${String(sequence).padStart(4, '0')}`;

  const amount = feeFor(procedure, { channel: 'online', copies: copiesAskedFor(procedure, body.values) }).total;
  const submittedAt = now.toISOString();
  const phone = declaredPhone(procedure.id, body.values) ?? store.contact.phone;
  // A late registration is accepted and recorded as such (docs/domain/civil-status.md).
  const definition = formDefinitions.find((d) => d.procedureId === procedure.id);
  const notices = definition ? formNotices(definition, body.values, { today: vietnamDate(now) }) : [];
  const record: DossierRecord = {
    citizenId,
    phoneLast4: phone ? phone.replace(/\D/g, '').slice(-4) : null,
    statusSince: now.getTime(),
    paidAtMs: null,
    values: structuredClone(body.values),
    receiptToken: null,
    data: {
      code,
      procedureId: procedure.id,
      procedureName: procedure.name,
      // The office the citizen chose, by the name the backend keeps for it.
      agencyName: office.name,
      applicantName: store.citizen.fullName,
      status: 'received',
      submittedAt,
      dueOn: procedure.processingTime.workingDays === null ? null : addWorkingDays(vietnamDate(now), procedure.processingTime.workingDays),
      events: [],
      documents: attached.documents,
      payment: amount > 0 ? { status: 'pending', amount } : { status: 'not-required', amount: 0 },
      supplement: null,
      result: null,
      ...(assisted ? { assistedBy: { ...assisted.assistedBy, ...(onBehalf?.relationship ? { relationship: onBehalf.relationship } : {}) } } : {}),
      ...(notices.length > 0 ? { notices } : {}),
    },
    ...(assisted ? { assisted: { volunteerId: assisted.volunteerId, consentId: assisted.consentId, trackUrl: assisted.trackUrl } } : {}),
  };
  state.dossiers.set(code, record);
  issueReceiptToken(record, now);
  countQuota(citizenId, 'dossiers', now);
  markAttached(attached.documents.filter((d) => d.source === 'upload').map((d) => d.ref), code);
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
  const attached = attach(citizenId, procedure, body.documents, true, now);
  if ('ok' in attached) return attached;
  const already = record.data.documents.filter((d) => d.source === 'upload').reduce((sum, d) => sum + d.size, 0);
  if (already + attached.uploadBytes > UPLOAD_LIMITS.maxDossierBytes) return TOO_LARGE();

  record.data.documents.push(...attached.documents);
  markAttached(attached.documents.filter((d) => d.source === 'upload').map((d) => d.ref), record.data.code);
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
