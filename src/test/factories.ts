import { z } from 'zod/mini';
import { Dossier, type AttachedDocument } from '../api/dossiers/schema.ts';
import { FormDefinition, FormSection, type FormField } from '../api/forms/schema.ts';
import { DataStore, StoredDocument } from '../api/me/schema.ts';
import { Procedure, RequiredDocument } from '../api/procedures/schema.ts';
import { Attachment, Draft, OutboxItem } from '../offline/personal-db.ts';

/**
 * Small factories for test data: a valid value with plain defaults, changed where a test says
 * so. Everything goes through the contract's own schema, so test data cannot drift from what
 * the backend (or the device) really holds — a factory call with an impossible override throws,
 * where an inline `as` cast would have let it through.
 */
type Overrides<S extends z.ZodMiniType> = Partial<z.input<S>>;
const build =
  <S extends z.ZodMiniType>(schema: S) =>
  (defaults: () => z.input<S>) =>
  (overrides: Overrides<S> = {}): z.output<S> =>
    z.parse(schema, Object.assign({}, defaults(), overrides));

const AT = '2026-11-20T01:00:00.000Z';

export const requiredDocument = build(RequiredDocument)(() => ({ id: 'giay-chung-sinh', name: 'Giấy chứng sinh', originals: 1, copies: 0, accepts: ['birth-notice'] }));

export const procedure = build(Procedure)(() => ({
  id: '1.001193',
  code: '1.001193',
  name: 'Đăng ký khai sinh',
  nameEn: 'Birth registration',
  level: 'full',
  field: { id: 'ho-tich', name: 'Hộ tịch', nameEn: 'Civil status' },
  agency: { id: 'ubnd-xa', name: 'UBND cấp xã', nameEn: 'Commune People’s Committee', tier: 'commune' },
  tiers: ['commune'],
  summary: 'Đăng ký khai sinh cho trẻ em.',
  steps: ['Nộp hồ sơ', 'Nhận kết quả'],
  documents: [requiredDocument({ name: 'Tờ khai đăng ký khai sinh' }), requiredDocument()],
  processingTime: { workingDays: 1, text: 'Ngay trong ngày' },
  fees: [],
  result: 'Giấy khai sinh',
  legalBasis: [{ number: '04/2020/TT-BTP', title: 'Thông tư hướng dẫn Luật Hộ tịch' }],
  faq: [],
  hasEForm: true,
  updatedAt: '2026-11-01',
}));

export const formSection = build(FormSection)(() => ({
  id: 'child',
  title: { vi: 'Người được khai sinh' },
  fields: [{ id: 'childFullName', type: 'text', label: { vi: 'Họ, chữ đệm và tên' } }],
}));

/** A form with the given fields in one section (or the given sections). */
export const formDefinition = (overrides: Overrides<typeof FormDefinition> & { fields?: z.input<typeof FormField>[] } = {}) => {
  const { fields, ...rest } = overrides;
  return z.parse(FormDefinition, { procedureId: '1.001193', version: 1, title: { vi: 'Tờ khai đăng ký khai sinh' }, sections: [formSection(fields ? { fields } : {})], ...rest });
};

export const storedDocument = build(StoredDocument)(() => ({
  id: 'doc-cs',
  type: 'birth-certificate',
  title: 'Giấy chứng sinh số CS-2026-08812',
  number: 'CS-2026-08812',
  issuer: 'Bệnh viện Trung ương Huế',
  issuedOn: '2026-11-18',
  validUntil: null,
  origin: 'digitised',
  file: { name: 'giay-chung-sinh.pdf', mime: 'application/pdf', size: 120_000 },
}));

const address = { line: '16 Lê Lợi', communeCode: '19753', communeName: 'Phường Thuận Hóa', provinceCode: '46', provinceName: 'Thành phố Huế' };

/** Nguyễn Văn An's data store, in short. */
export const dataStore = build(DataStore)(() => ({
  citizen: {
    idNumber: '046095001234',
    fullName: 'Nguyễn Văn An',
    dateOfBirth: '1995-03-12',
    sex: 'male',
    ethnicity: 'Kinh',
    nationality: 'Việt Nam',
    placeOfOrigin: 'Thừa Thiên Huế',
    placeOfBirth: 'Thừa Thiên Huế',
    permanentAddress: address,
    currentAddress: address,
    maritalStatus: 'married',
  },
  contact: { phone: '0912345678' },
  household: { code: 'HK-46-001', headName: 'Nguyễn Văn An', members: [] },
  documents: [storedDocument()],
  sources: {
    citizen: { id: 'population-db', retrievedAt: AT },
    contact: { id: 'vneid-account', retrievedAt: AT },
    household: { id: 'population-db', retrievedAt: AT },
    documents: { id: 'data-store', retrievedAt: AT },
  },
}));

export const attachedDocument = (overrides: Partial<AttachedDocument> = {}): AttachedDocument => ({
  requirement: 'giay-chung-sinh',
  title: 'Giấy chứng sinh',
  source: 'data-store',
  ref: 'doc-cs',
  mime: 'application/pdf',
  size: 120_000,
  supplement: false,
  ...overrides,
});

export const dossier = build(Dossier)(() => ({
  code: '000.00.12.H46-261120-0001',
  procedureId: '1.001193',
  procedureName: 'Đăng ký khai sinh',
  agencyName: 'UBND phường Thuận Hóa',
  applicantName: 'Nguyễn Văn An',
  status: 'received',
  submittedAt: AT,
  dueOn: '2026-11-21',
  overdue: false,
  events: [{ at: AT, status: 'received' }],
  documents: [attachedDocument()],
  payment: { status: 'not-required', amount: 0 },
  supplement: null,
  result: null,
  canWithdraw: true,
}));

/** A photo kept on the device (the bytes are a JPEG's first three, enough for the sniffers). */
export const fileAttachment = (overrides: Partial<Extract<z.input<typeof Attachment>, { kind: 'file' }>> = {}) => {
  const attachment = z.parse(Attachment, {
    kind: 'file',
    requirement: 'giay-chung-sinh',
    key: 'f1',
    name: 'giay-chung-sinh.jpg',
    mime: 'image/jpeg',
    data: new Uint8Array([0xff, 0xd8, 0xff]).buffer,
    size: 3,
    ...overrides,
  });
  if (attachment.kind !== 'file') throw new Error('unreachable');
  return attachment;
};

export const dataStoreAttachment = (overrides: Partial<Extract<z.input<typeof Attachment>, { kind: 'data-store' }>> = {}) => {
  const attachment = z.parse(Attachment, { kind: 'data-store', requirement: 'giay-chung-sinh', documentId: 'doc-cs', title: 'Giấy chứng sinh', ...overrides });
  if (attachment.kind !== 'data-store') throw new Error('unreachable');
  return attachment;
};

export const draft = build(Draft)(() => ({
  owner: 'an',
  procedureId: '1.001193',
  procedureName: 'Đăng ký khai sinh',
  definitionVersion: 1,
  values: { childFullName: 'Nguyễn Minh Châu' },
  provenance: {},
  prefilledCount: 0,
  updatedAt: AT,
}));

export const outboxItem = build(OutboxItem)(() => ({
  id: 'k1',
  owner: 'an',
  type: 'dossier',
  procedureId: '1.001193',
  procedureName: 'Đăng ký khai sinh',
  values: { childFullName: 'Nguyễn Minh Châu' },
  attachments: [dataStoreAttachment()],
  state: 'queued',
  createdAt: AT,
  attempts: 0,
  progress: 0,
}));
