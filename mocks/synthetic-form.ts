import type { z } from 'zod/mini';
import type { ProcedureInput } from '../src/api/procedures/schema.ts';
import { FormDefinition, type LeafField } from '../src/api/forms/schema.ts';
import { agencies, fields } from './fixtures/catalogue-refs.ts';

/**
 * A benchmark fixture, not a real procedure: one e-form of 60 fields (longer than any real one,
 * which has at most 31), for `npm run bench:form` to time opening a long form. Served only with
 * MOCK_FORMS=synthetic. Fields mix every kind the engine renders, a quarter of them pre-filled
 * from the data store, so that rendering costs what a long real form would.
 */
export const SYNTHETIC_FORM_ID = 'syn-form-60';
export const SYNTHETIC_FORM_FIELDS = 60;

type LeafInput = z.input<typeof LeafField>;
const tx = (vi: string, en: string) => ({ vi, en });

const ETHNICITIES = ['Kinh', 'Tày', 'Thái', 'Hoa', 'Khmer', 'Mường', 'Nùng', 'Mông', 'Dao', 'Gia Rai', 'Ê Đê', 'Ba Na', 'Chăm', 'Cơ Ho', 'Xơ Đăng'];
const CITIZEN_PATHS = ['citizen.fullName', 'citizen.dateOfBirth', 'citizen.idNumber', 'contact.phone', 'contact.email', 'citizen.currentAddress'];

/** The n-th field (0-based), cycling through the kinds of field a real tờ khai has. */
const field = (n: number): LeafInput => {
  const id = `f${String(n + 1).padStart(2, '0')}`;
  const label = (vi: string, en: string) => tx(`${vi} (trường ${n + 1})`, `${en} (field ${n + 1})`);
  const hint = n % 3 === 0 ? tx('Ghi đúng như trên giấy tờ tùy thân.', 'As written on your identity papers.') : undefined;
  const prefillOf = (path: string) => (n % 4 === 0 ? { prefill: { path, lock: n % 8 === 0 ? ('locked' as const) : ('editable' as const) } } : {});
  switch (n % 10) {
    case 0:
      return { id, type: 'text', kind: 'name', label: label('Họ, chữ đệm và tên', 'Full name'), hint, required: true, maxLength: 100, ...prefillOf(CITIZEN_PATHS[0] as string) };
    case 1:
      return { id, type: 'date', label: label('Ngày, tháng, năm sinh', 'Date of birth'), required: true, notFuture: true };
    case 2:
      return { id, type: 'radio', label: label('Giới tính', 'Sex'), required: true, options: [{ value: 'male', label: tx('Nam', 'Male') }, { value: 'female', label: tx('Nữ', 'Female') }] };
    case 3:
      return { id, type: 'select', label: label('Dân tộc', 'Ethnic group'), hint, required: true, options: ETHNICITIES.map((e) => ({ value: e, label: tx(e, e) })) };
    case 4:
      return { id, type: 'phone', label: label('Số điện thoại liên hệ', 'Contact phone'), required: n < 30, ...prefillOf(CITIZEN_PATHS[3] as string) };
    case 5:
      return { id, type: 'email', label: label('Thư điện tử', 'Email'), ...prefillOf(CITIZEN_PATHS[4] as string) };
    case 6:
      return { id, type: 'address', label: label('Nơi cư trú', 'Place of residence'), hint, required: n < 30 };
    case 7:
      return { id, type: 'number', label: label('Số năm cư trú', 'Years of residence'), min: 0, max: 120, integer: true };
    case 8:
      return { id, type: 'text', label: label('Nghề nghiệp, nơi làm việc', 'Occupation and workplace'), maxLength: 200, ...prefillOf(CITIZEN_PATHS[2] as string) };
    default:
      return { id, type: 'checkbox', label: label('Tôi đã đọc và hiểu hướng dẫn', 'I have read the guidance'), required: n === SYNTHETIC_FORM_FIELDS - 1 };
  }
};

export const syntheticFormDefinition: FormDefinition = FormDefinition.parse({
  procedureId: SYNTHETIC_FORM_ID,
  version: 1,
  title: tx('Tờ khai đo hiệu năng: 60 trường (không phải thủ tục thật)', 'Benchmark form: 60 fields (not a real procedure)'),
  sections: Array.from({ length: 6 }, (_, s) => ({
    id: `s${s + 1}`,
    title: tx(`Phần ${s + 1}`, `Part ${s + 1}`),
    fields: Array.from({ length: SYNTHETIC_FORM_FIELDS / 6 }, (_, i) => field(s * (SYNTHETIC_FORM_FIELDS / 6) + i)),
  })),
});

export const syntheticFormProcedure: ProcedureInput = {
  id: SYNTHETIC_FORM_ID,
  code: null,
  name: 'Thủ tục đo hiệu năng: tờ khai 60 trường',
  nameEn: 'Benchmark procedure: a 60-field form',
  level: 'full',
  field: fields[0] as ProcedureInput['field'],
  agency: agencies[0] as ProcedureInput['agency'],
  tiers: ['commune'],
  summary: 'Thủ tục tổng hợp, chỉ dùng để đo thời gian mở một tờ khai dài.',
  steps: ['Nộp hồ sơ trực tuyến', 'Nhận kết quả'],
  documents: [],
  processingTime: { workingDays: 1, text: '1 ngày làm việc' },
  fees: [],
  result: 'Không có (thủ tục giả lập)',
  legalBasis: [{ number: '00/2025/TT-SYN', title: 'Văn bản giả lập' }],
  faq: [],
  hasEForm: true,
  updatedAt: '2025-07-01',
};

/** MOCK_FORMS=synthetic adds the benchmark form and its procedure to the simulated backend. */
export const syntheticFormsEnabled = (): boolean => process.env.MOCK_FORMS === 'synthetic';
