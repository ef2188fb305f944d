import { describe, expect, it } from 'vitest';
import { Procedure } from './schema.ts';
import { checkPapers } from './papers.ts';
import { civilProcedures } from '../../../mocks/fixtures/procedures-civil.ts';

const birth = Procedure.parse(civilProcedures.find((p) => p.id === '1.001193'));

describe('checkPapers', () => {
  it('accepts the birth notice from the data store, or a photo of it', () => {
    expect(checkPapers(birth, [{ requirement: 'giay-chung-sinh', type: 'birth-notice' }])).toEqual([]);
    expect(checkPapers(birth, [{ requirement: 'giay-chung-sinh', type: null }])).toEqual([]);
  });

  it('refuses a health-insurance card offered as the birth notice, naming the requirement and what it accepts', () => {
    expect(checkPapers(birth, [{ requirement: 'giay-chung-sinh', type: 'health-insurance-card' }])).toEqual([
      { requirement: 'giay-chung-sinh', reason: 'wrong-type', accepts: ['birth-notice'] },
    ]);
  });

  it('refuses a dossier without a required paper, but not one the e-form or the sign-in provides, nor an optional one', () => {
    expect(checkPapers(birth, [])).toEqual([{ requirement: 'giay-chung-sinh', reason: 'missing', accepts: ['birth-notice'] }]);
    expect(checkPapers(birth, [], { supplement: true })).toEqual([]);
  });

  it('refuses a requirement the procedure does not have; extra papers (no requirement) are fine', () => {
    expect(checkPapers(birth, [{ requirement: 'giay-chung-sinh', type: null }, { requirement: 'Giấy chứng sinh', type: null }, { requirement: null, type: 'other' }])).toEqual([
      { requirement: 'Giấy chứng sinh', reason: 'unknown-requirement' },
    ]);
  });
});
