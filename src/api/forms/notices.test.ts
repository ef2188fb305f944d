// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { formDefinitions } from '../../../mocks/fixtures/forms.ts';
import { todayInVietnam } from '../../lib/vn/dates.ts';
import type { FormDefinition } from './schema.ts';
import { compileFormSchema, validateWith } from './validator.ts';
import { formNotices } from './notices.ts';
import { formDefinition } from '../../test/factories.ts';

const birth = formDefinitions.find((d) => d.procedureId === '1.001193') as FormDefinition;
const TODAY = '2026-12-02';

describe('the notices of a set of answers', () => {
  it('flags a birth registered more than 60 days after the birth as late, with the days since', () => {
    // 2026-09-23 is 70 days before 2026-12-02.
    expect(formNotices(birth, { childDateOfBirth: '2026-09-23' }, { today: TODAY })).toEqual([{ path: 'childDateOfBirth', code: 'late', days: 70, limitDays: 60 }]);
  });

  it('counts day 60 as on time and day 61 as late', () => {
    expect(formNotices(birth, { childDateOfBirth: '2026-10-03' }, { today: TODAY })).toEqual([]);
    expect(formNotices(birth, { childDateOfBirth: '2026-10-02' }, { today: TODAY })).toEqual([{ path: 'childDateOfBirth', code: 'late', days: 61, limitDays: 60 }]);
  });

  it('says nothing of a missing, malformed or future date, nor of dates without a limit', () => {
    expect(formNotices(birth, {}, { today: TODAY })).toEqual([]);
    expect(formNotices(birth, { childDateOfBirth: '02/10/2026' }, { today: TODAY })).toEqual([]);
    expect(formNotices(birth, { childDateOfBirth: '2027-01-01' }, { today: TODAY })).toEqual([]);
    expect(formNotices(birth, { requesterDateOfBirth: '1995-03-14' }, { today: TODAY })).toEqual([]);
    expect(formNotices(birth, null, { today: TODAY })).toEqual([]);
  });

  it('is a notice, not an error: the one validation accepts a late registration', () => {
    const schema = compileFormSchema(birth, { today: TODAY });
    const errors = validateWith(schema, { childDateOfBirth: '2025-01-01' }).filter((e) => e.path === 'childDateOfBirth');
    expect(errors).toEqual([]);
  });

  it('counts from today in Vietnam when no day stands in for it', () => {
    const today = todayInVietnam();
    expect(formNotices(birth, { childDateOfBirth: today })).toEqual([]);
    expect(formNotices(birth, { childDateOfBirth: '2020-01-02' })).toEqual([expect.objectContaining({ path: 'childDateOfBirth', code: 'late', limitDays: 60 })]);
  });

  it('finds late dates inside repeating groups, by item', () => {
    const definition = formDefinition({
      fields: [
        {
          id: 'members',
          type: 'group',
          label: { vi: 'Thành viên' },
          itemLabel: { vi: 'Người' },
          fields: [{ id: 'movedOn', type: 'date', label: { vi: 'Ngày chuyển đến' }, lateAfterDays: 30 }],
        },
      ],
    });
    expect(formNotices(definition, { members: [{ movedOn: '2026-11-30' }, { movedOn: '2026-10-01' }] }, { today: TODAY })).toEqual([
      { path: 'members.1.movedOn', code: 'late', days: 62, limitDays: 30 },
    ]);
  });
});
