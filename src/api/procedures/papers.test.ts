import { describe, expect, it } from 'vitest';
import { Procedure } from './schema.ts';
import { checkPapers } from './papers.ts';
import { civilProcedures } from '../../../mocks/fixtures/procedures-civil.ts';

const birth = Procedure.parse(civilProcedures.find((p) => p.id === '1.001193'));
const criminalRecord = Procedure.parse(civilProcedures.find((p) => p.id === '3.000333'));

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

  it('requires the written authorisation only when filed for someone else by whom the rule does not exempt', () => {
    const missing = [{ requirement: 'van-ban-uy-quyen', reason: 'missing', accepts: ['authorisation'] }];
    // The person themself: optional, as the catalogue says.
    expect(checkPapers(criminalRecord, [])).toEqual([]);
    // A volunteer, or a filer who has not said who they are: required.
    expect(checkPapers(criminalRecord, [], { onBehalf: { relationship: 'none' } })).toEqual(missing);
    expect(checkPapers(criminalRecord, [], { onBehalf: { relationship: null } })).toEqual(missing);
    expect(checkPapers(criminalRecord, [{ requirement: 'van-ban-uy-quyen', type: null }], { onBehalf: { relationship: 'none' } })).toEqual([]);
    expect(checkPapers(criminalRecord, [{ requirement: 'van-ban-uy-quyen', type: 'authorisation' }], { onBehalf: { relationship: 'sibling' } })).toEqual([]);
    // A child, parent or spouse: none needed (Luật Lý lịch tư pháp, art. 45).
    expect(checkPapers(criminalRecord, [], { onBehalf: { relationship: 'child' } })).toEqual([]);
    // A procedure without the rule: filing for someone else changes nothing.
    expect(checkPapers(birth, [{ requirement: 'giay-chung-sinh', type: null }], { onBehalf: { relationship: 'none' } })).toEqual([]);
  });

  it('names, in every procedure with the rule, one of its own requirements that takes an authorisation', () => {
    const withRule = civilProcedures.filter((p) => p.onBehalf);
    expect(withRule.map((p) => p.id)).toContain('3.000333');
    for (const input of withRule) {
      const procedure = Procedure.parse(input);
      const requirement = procedure.documents.find((d) => d.id === procedure.onBehalf?.authorisation);
      expect(requirement, procedure.id).toBeDefined();
      expect(requirement?.accepts, procedure.id).toContain('authorisation');
    }
  });
});
