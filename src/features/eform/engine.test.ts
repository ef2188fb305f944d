import { describe, expect, it } from 'vitest';
import { FormDefinition } from '../../api/forms/schema.ts';
import type { DataStore, DataStoreView } from '../../api/me/schema.ts';
import { prefill } from './prefill.ts';
import { validateValues } from './validation.ts';
import { toSubmission } from './submission.ts';
import { visibleLeaves } from './definition.ts';

const definition = FormDefinition.parse({
  procedureId: 'test',
  version: 1,
  title: { vi: 'Tờ khai thử', en: 'Test form' },
  sections: [
    {
      id: 'applicant',
      title: { vi: 'Người khai' },
      fields: [
        { id: 'fullName', type: 'text', kind: 'name', label: { vi: 'Họ tên' }, required: true, prefill: { path: 'citizen.fullName', lock: 'locked' } },
        { id: 'dob', type: 'date', label: { vi: 'Ngày sinh' }, required: true, notFuture: true, prefill: { path: 'citizen.dateOfBirth', lock: 'locked' } },
        {
          id: 'sex',
          type: 'radio',
          label: { vi: 'Giới tính' },
          required: true,
          options: [
            { value: 'male', label: { vi: 'Nam' } },
            { value: 'female', label: { vi: 'Nữ' } },
          ],
          prefill: { path: 'citizen.sex', lock: 'locked' },
        },
        { id: 'idNumber', type: 'idNumber', label: { vi: 'Số định danh' }, required: true, dateOfBirthField: 'dob', sexField: 'sex', prefill: { path: 'citizen.idNumber', lock: 'locked' } },
        { id: 'phone', type: 'phone', label: { vi: 'Điện thoại' }, required: true, prefill: { path: 'contact.phone', lock: 'editable' } },
        { id: 'email', type: 'email', label: { vi: 'Email' }, prefill: { path: 'contact.email', lock: 'editable' } },
        { id: 'spouseName', type: 'text', kind: 'name', label: { vi: 'Họ tên vợ/chồng' }, prefill: { path: 'household.members[relationship=spouse].fullName', lock: 'editable' } },
        { id: 'byPost', type: 'checkbox', label: { vi: 'Nhận qua bưu chính' } },
        { id: 'postAddress', type: 'address', label: { vi: 'Địa chỉ nhận' }, required: true, visibleWhen: { field: 'byPost', equals: true } },
        {
          id: 'people',
          type: 'group',
          label: { vi: 'Con' },
          itemLabel: { vi: 'Người' },
          prefill: { path: 'household.members[relationship=child]', lock: 'editable' },
          fields: [
            { id: 'name', type: 'text', kind: 'name', label: { vi: 'Họ tên' }, required: true, prefill: { path: 'fullName', lock: 'editable' } },
            { id: 'born', type: 'date', label: { vi: 'Ngày sinh' }, required: true, prefill: { path: 'dateOfBirth', lock: 'editable' } },
          ],
        },
      ],
    },
  ],
});

const at = '2026-11-20T03:00:00.000Z';
const store: DataStore = {
  citizen: {
    idNumber: '046095001234',
    fullName: 'Nguyễn Văn An',
    dateOfBirth: '1995-03-14',
    sex: 'male',
    ethnicity: 'Kinh',
    nationality: 'Việt Nam',
    placeOfOrigin: 'Phú Vang, Thừa Thiên Huế',
    placeOfBirth: 'Huế',
    permanentAddress: { line: '12 Lê Lợi', communeCode: '19789', communeName: 'Phường Thuận Hóa', provinceCode: '46', provinceName: 'Thành phố Huế' },
    currentAddress: { line: '12 Lê Lợi', communeCode: '19789', communeName: 'Phường Thuận Hóa', provinceCode: '46', provinceName: 'Thành phố Huế' },
    maritalStatus: 'married',
  },
  contact: { phone: '0912345678' },
  household: {
    code: 'HK-1',
    headName: 'Nguyễn Văn An',
    members: [
      { fullName: 'Nguyễn Văn An', dateOfBirth: '1995-03-14', sex: 'male', nationality: 'Việt Nam', relationship: 'head' },
      { fullName: 'Trần Thị Bình', dateOfBirth: '1997-07-01', sex: 'female', nationality: 'Việt Nam', relationship: 'spouse' },
      { fullName: 'Nguyễn Minh Khang', dateOfBirth: '2023-01-09', sex: 'male', nationality: 'Việt Nam', relationship: 'child' },
    ],
  },
  documents: [],
  sources: {
    citizen: { id: 'population-db', retrievedAt: at },
    contact: { id: 'vneid-account', retrievedAt: at },
    household: { id: 'population-db', retrievedAt: at },
    documents: { id: 'data-store', retrievedAt: at },
  },
};

describe('prefill', () => {
  const filled = prefill(definition, store);

  it('fills known values, dates as the citizen reads them, and lists from the household', () => {
    expect(filled.values.fullName).toBe('Nguyễn Văn An');
    expect(filled.values.dob).toBe('14/03/1995');
    expect(filled.values.spouseName).toBe('Trần Thị Bình');
    expect(filled.values.people).toEqual([{ name: 'Nguyễn Minh Khang', born: '09/01/2023' }]);
    expect(filled.values.email).toBe('');
  });

  it('records where each value came from, and locks only authoritative ones', () => {
    expect(filled.provenance.fullName).toEqual({ source: 'population-db', retrievedAt: at, locked: true, path: 'citizen.fullName' });
    expect(filled.provenance.phone).toMatchObject({ source: 'vneid-account', locked: false });
    expect(filled.provenance.email).toBeUndefined();
    // 6 leaves + the household group; email had nothing to fill.
    expect(filled.count).toBe(7);
  });

  it('starts valid once the pre-filled values are in', () => {
    expect(validateValues(definition, filled.values)).toEqual({});
  });

  it('helping a resident, fills what their consent lets the backend give and leaves the rest to type', () => {
    // GET /me within a consent for identity and contact only (docs/domain/assisted.md).
    const scoped: DataStoreView = { citizen: { fullName: store.citizen.fullName, idNumber: store.citizen.idNumber }, contact: store.contact, sources: { citizen: store.sources.citizen, contact: store.sources.contact }, scope: ['identity', 'contact'] };
    const partial = prefill(definition, scoped);
    expect(partial.values).toMatchObject({ fullName: 'Nguyễn Văn An', idNumber: '046095001234', phone: store.contact.phone, spouseName: '', people: [] });
    expect(partial.provenance.fullName).toMatchObject({ source: 'population-db', locked: true });
    expect(partial.provenance.spouseName).toBeUndefined();
    expect(partial.count).toBe(3);
  });
});

describe('validation', () => {
  const base = prefill(definition, store).values;

  it('requires what is required, and checks hidden fields only when shown', () => {
    expect(validateValues(definition, { ...base, phone: '' })).toEqual({ phone: 'validation.required' });
    expect(validateValues(definition, { ...base, byPost: true })).toEqual({ postAddress: 'validation.addressRequired' });
    expect(visibleLeaves(definition, base).map((f) => f.id)).not.toContain('postAddress');
  });

  it('checks an ID number against the date of birth and sex in the same form', () => {
    expect(validateValues(definition, { ...base, sex: 'female' })).toEqual({ idNumber: 'validation.idNumber.sex' });
    expect(validateValues(definition, { ...base, dob: '14/03/1996' })).toEqual({ idNumber: 'validation.idNumber.birthYear' });
    expect(validateValues(definition, { ...base, idNumber: '04609500123' })).toEqual({ idNumber: 'validation.idNumber.format' });
  });

  it('rejects impossible and future dates, bad phones, scripts in names', () => {
    expect(validateValues(definition, { ...base, dob: '31/02/1995' }).dob).toBe('validation.date.invalid');
    expect(validateValues(definition, { ...base, dob: '01/01/2999' }).dob).toBe('validation.date.future');
    expect(validateValues(definition, { ...base, phone: '09123abcde' }).phone).toBe('validation.phone.letters');
    expect(validateValues(definition, { ...base, spouseName: '<script>alert(1)</script>' }).spouseName).toBe('validation.name.characters');
    expect(validateValues(definition, { ...base, email: 'not-an-email' }).email).toBe('validation.email');
  });

  it('validates each person of a group', () => {
    expect(validateValues(definition, { ...base, people: [{ name: '', born: '09/01/2023' }] })).toEqual({ 'people.0.name': 'validation.required' });
  });
});

describe('submission', () => {
  it('sends visible fields in canonical form', () => {
    const values = { ...prefill(definition, store).values, phone: '+84 912 345 678', idNumber: '046 095 001234' };
    const sent = toSubmission(definition, values);
    expect(sent.dob).toBe('1995-03-14');
    expect(sent.phone).toBe('0912345678');
    expect(sent.idNumber).toBe('046095001234');
    expect(sent).not.toHaveProperty('postAddress');
    expect(sent.people).toEqual([{ name: 'Nguyễn Minh Khang', born: '2023-01-09' }]);
  });
});
