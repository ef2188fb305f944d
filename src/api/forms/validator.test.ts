// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { formDefinitions } from '../../../mocks/fixtures/forms.ts';
import { FormDefinition } from './schema.ts';
import { compileFormSchema, formSchemaFor, validateAnswers, validateWith } from './validator.ts';

const birth = formDefinitions.find((d) => d.procedureId === '1.001193') as FormDefinition;
const TODAY = '2026-12-02';
const schema = compileFormSchema(birth, { today: TODAY });
const errors = (values: unknown) => validateWith(schema, values);
const codeAt = (values: unknown, path: string) => errors(values).find((e) => e.path === path)?.code;

const address = { provinceCode: '46', provinceName: 'Thành phố Huế', communeCode: '19789', communeName: 'Phường Thuận Hóa', line: '12 Lê Lợi' };

/** A birth registration as the app sends it: ISO dates, numbers as numbers, normalised numbers. */
const valid = {
  receivingAgency: 'UBND phường Thuận Hóa, thành phố Huế',
  requesterRelationship: 'father',
  requesterFullName: 'Nguyễn Văn An',
  requesterDateOfBirth: '1995-03-14',
  requesterSex: 'male',
  requesterIdNumber: '046095001234',
  requesterEthnicity: 'Kinh',
  requesterNationality: 'Việt Nam',
  requesterResidence: address,
  requesterPhone: '0912345678',
  requesterEmail: '',
  childFullName: 'Nguyễn Minh An',
  childDateOfBirth: '2026-11-20',
  childSex: 'female',
  childEthnicity: 'Kinh',
  childNationality: 'Việt Nam',
  childPlaceOfOrigin: 'Phú Vang, Thừa Thiên Huế',
  childBirthPlaceType: 'healthFacility',
  childBirthFacility: 'Bệnh viện Trung ương Huế',
  childBirthPlace: address,
  childBirthCertificate: 'doc-an-chungsinh',
  otherParentUnknown: false,
  otherParentFullName: 'Trần Thị Bình',
  otherParentDateOfBirth: '1997-07-01',
  otherParentEthnicity: 'Kinh',
  otherParentNationality: 'Việt Nam',
  otherParentResidence: address,
  otherParentIdNumber: '046197004321',
  wantsCopies: true,
  copyCount: 2,
  declarationAgreed: true,
};

describe('the schema compiled from a form definition', () => {
  it('accepts a complete, consistent birth registration', () => {
    expect(errors(valid)).toEqual([]);
  });

  it('refuses no answers at all, naming every required field', () => {
    const found = errors({});
    expect(found).toContainEqual({ path: 'childFullName', code: 'validation.required' });
    expect(found).toContainEqual({ path: 'childDateOfBirth', code: 'validation.required' });
    expect(found).toContainEqual({ path: 'requesterResidence', code: 'validation.addressRequired' });
    expect(found).toContainEqual({ path: 'declarationAgreed', code: 'validation.mustAgree' });
    // An unticked box may be left out: the other parent is then asked for.
    expect(found).toContainEqual({ path: 'otherParentFullName', code: 'validation.required' });
    // Not shown without a health facility, nor without asking for copies: not required.
    expect(found.map((e) => e.path)).not.toContain('childBirthFacility');
    expect(found.map((e) => e.path)).not.toContain('copyCount');
  });

  it('refuses answers that are not an object', () => {
    for (const values of [null, 'x', 42, []]) expect(errors(values)).toEqual([{ path: '', code: 'validation.invalid' }]);
  });

  it('refuses a child born before the parent applying', () => {
    expect(codeAt({ ...valid, childDateOfBirth: '1990-01-01' }, 'childDateOfBirth')).toBe('validation.date.beforeOther');
    // The same day is not before.
    expect(codeAt({ ...valid, childDateOfBirth: valid.requesterDateOfBirth }, 'childDateOfBirth')).toBeUndefined();
  });

  it('refuses a birth date in the future, and an impossible one', () => {
    expect(codeAt({ ...valid, childDateOfBirth: '2026-12-03' }, 'childDateOfBirth')).toBe('validation.date.future');
    expect(codeAt({ ...valid, childDateOfBirth: '2026-02-30' }, 'childDateOfBirth')).toBe('validation.date.invalid');
    expect(codeAt({ ...valid, childDateOfBirth: '20/11/2026' }, 'childDateOfBirth')).toBe('validation.date.invalid');
    expect(codeAt({ ...valid, childDateOfBirth: 20261120 }, 'childDateOfBirth')).toBe('validation.date.invalid');
  });

  it('refuses an option the field does not offer', () => {
    expect(codeAt({ ...valid, childSex: 'other' }, 'childSex')).toBe('validation.option');
    expect(codeAt({ ...valid, childEthnicity: 'Klingon' }, 'childEthnicity')).toBe('validation.option');
    expect(codeAt({ ...valid, childSex: true }, 'childSex')).toBe('validation.option');
  });

  it('refuses a phone number that is not a string of a phone number', () => {
    expect(codeAt({ ...valid, requesterPhone: 42 }, 'requesterPhone')).toBe('validation.phone.format');
    expect(codeAt({ ...valid, requesterPhone: '42' }, 'requesterPhone')).toBe('validation.phone.format');
    expect(codeAt({ ...valid, requesterPhone: '09123abcde' }, 'requesterPhone')).toBe('validation.phone.letters');
  });

  it('refuses unknown fields, one error each', () => {
    expect(errors({ ...valid, isAdmin: true, note: 'x' })).toEqual([
      { path: 'isAdmin', code: 'validation.unknownField' },
      { path: 'note', code: 'validation.unknownField' },
    ]);
  });

  it('refuses values in fields the citizen was not shown, accepts them absent or empty', () => {
    expect(errors({ ...valid, childBirthPlaceType: 'elsewhere' })).toEqual([{ path: 'childBirthFacility', code: 'validation.hidden' }]);
    expect(errors({ ...valid, childBirthPlaceType: 'elsewhere', childBirthFacility: '' })).toEqual([]);
    const { childBirthFacility: _facility, ...withoutFacility } = valid;
    expect(errors({ ...withoutFacility, childBirthPlaceType: 'elsewhere' })).toEqual([]);
    // The other parent unknown: their fields must go.
    expect(codeAt({ ...valid, otherParentUnknown: true }, 'otherParentFullName')).toBe('validation.hidden');
    expect(codeAt({ ...valid, wantsCopies: false }, 'copyCount')).toBe('validation.hidden');
  });

  it('checks the ID number against the date of birth and sex given beside it', () => {
    expect(codeAt({ ...valid, requesterSex: 'female' }, 'requesterIdNumber')).toBe('validation.idNumber.sex');
    expect(codeAt({ ...valid, requesterDateOfBirth: '1996-03-14', childDateOfBirth: '2026-11-20' }, 'requesterIdNumber')).toBe('validation.idNumber.birthYear');
    expect(codeAt({ ...valid, requesterIdNumber: '0460 9500 1234' }, 'requesterIdNumber')).toBe('validation.idNumber.format');
    expect(codeAt({ ...valid, requesterIdNumber: '999095001234' }, 'requesterIdNumber')).toBe('validation.idNumber.province');
    expect(codeAt({ ...valid, otherParentIdNumber: '046196004321' }, 'otherParentIdNumber')).toBe('validation.idNumber.birthYear');
  });

  it('checks types, ranges and text', () => {
    expect(codeAt({ ...valid, copyCount: '2' }, 'copyCount')).toBe('validation.number');
    expect(codeAt({ ...valid, copyCount: 2.5 }, 'copyCount')).toBe('validation.integer');
    expect(codeAt({ ...valid, copyCount: 11 }, 'copyCount')).toBe('validation.max');
    expect(codeAt({ ...valid, copyCount: 0 }, 'copyCount')).toBe('validation.min');
    expect(codeAt({ ...valid, declarationAgreed: 'yes' }, 'declarationAgreed')).toBe('validation.invalid');
    expect(codeAt({ ...valid, declarationAgreed: false }, 'declarationAgreed')).toBe('validation.mustAgree');
    expect(codeAt({ ...valid, childFullName: '<script>alert(1)</script>' }, 'childFullName')).toBe('validation.name.characters');
    expect(codeAt({ ...valid, receivingAgency: 'x'.repeat(201) }, 'receivingAgency')).toBe('validation.tooLong');
    expect(codeAt({ ...valid, requesterEmail: 'not-an-email' }, 'requesterEmail')).toBe('validation.email');
    expect(codeAt({ ...valid, childBirthCertificate: '../../etc/passwd' }, 'childBirthCertificate')).toBe('validation.document');
  });

  it('checks an address as a whole: codes of a province and a commune, and nothing else', () => {
    expect(codeAt({ ...valid, childBirthPlace: { ...address, communeCode: '' } }, 'childBirthPlace')).toBe('validation.addressRequired');
    expect(codeAt({ ...valid, childBirthPlace: { ...address, extra: 1 } }, 'childBirthPlace')).toBe('validation.addressRequired');
    expect(codeAt({ ...valid, childBirthPlace: 'Huế' }, 'childBirthPlace')).toBe('validation.addressRequired');
    const known = compileFormSchema(birth, { today: TODAY, commune: (p, c) => p === '46' && c === '19789' });
    expect(validateWith(known, valid)).toEqual([]);
    expect(validateWith(known, { ...valid, childBirthPlace: { ...address, communeCode: '00001' } })).toEqual([{ path: 'childBirthPlace', code: 'validation.addressUnknown' }]);
  });

  it('compiles once per definition', () => {
    expect(formSchemaFor(birth)).toBe(formSchemaFor(birth));
    expect(validateAnswers(birth, valid)).toEqual([]);
  });
});

describe('groups', () => {
  const definition = FormDefinition.parse({
    procedureId: 'test',
    version: 1,
    title: { vi: 'Thử' },
    sections: [
      {
        id: 's',
        title: { vi: 'Phần' },
        fields: [
          {
            id: 'members',
            type: 'group',
            label: { vi: 'Người cùng chuyển' },
            itemLabel: { vi: 'Người' },
            min: 1,
            max: 2,
            fields: [
              { id: 'fullName', type: 'text', kind: 'name', label: { vi: 'Họ tên' }, required: true },
              { id: 'dateOfBirth', type: 'date', label: { vi: 'Ngày sinh' }, required: true, notFuture: true },
              { id: 'idNumber', type: 'idNumber', label: { vi: 'Số định danh' }, dateOfBirthField: 'dateOfBirth' },
              { id: 'moved', type: 'checkbox', label: { vi: 'Đã chuyển' } },
              { id: 'movedOn', type: 'date', label: { vi: 'Ngày chuyển' }, required: true, notBefore: { field: 'dateOfBirth' }, visibleWhen: { field: 'moved', equals: true } },
            ],
          },
        ],
      },
    ],
  });
  const person = { fullName: 'Nguyễn Minh Khang', dateOfBirth: '2023-01-09', idNumber: '046223000777', moved: false };
  const check = (values: unknown) => validateWith(compileFormSchema(definition, { today: TODAY }), values);

  it('holds between min and max items', () => {
    expect(check({ members: [person] })).toEqual([]);
    expect(check({ members: [] })).toEqual([{ path: 'members', code: 'validation.groupMin' }]);
    expect(check({})).toEqual([{ path: 'members', code: 'validation.groupMin' }]);
    expect(check({ members: [person, person, person] })).toEqual([{ path: 'members', code: 'validation.groupMax' }]);
    expect(check({ members: person })).toEqual([{ path: 'members', code: 'validation.invalid' }]);
  });

  it('checks each item as its own scope, with paths to the item’s field', () => {
    expect(check({ members: [person, { ...person, fullName: '' }] })).toEqual([{ path: 'members.1.fullName', code: 'validation.required' }]);
    expect(check({ members: [{ ...person, idNumber: '046295000777' }] })).toEqual([{ path: 'members.0.idNumber', code: 'validation.idNumber.birthYear' }]);
    expect(check({ members: [{ ...person, movedOn: '2024-01-01' }] })).toEqual([{ path: 'members.0.movedOn', code: 'validation.hidden' }]);
    expect(check({ members: [{ ...person, moved: true }] })).toEqual([{ path: 'members.0.movedOn', code: 'validation.required' }]);
    expect(check({ members: [{ ...person, moved: true, movedOn: '2022-01-01' }] })).toEqual([{ path: 'members.0.movedOn', code: 'validation.date.beforeOther' }]);
    expect(check({ members: [{ ...person, role: 'admin' }] })).toEqual([{ path: 'members.0.role', code: 'validation.unknownField' }]);
  });
});
