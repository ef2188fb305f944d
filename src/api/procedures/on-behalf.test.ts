import { describe, expect, it } from 'vitest';
import { Procedure } from './schema.ts';
import { AnswersNotOnBehalf, checkAnswersOnBehalf, valuesNotOnBehalf } from './on-behalf.ts';
import { civilProcedures } from '../../../mocks/fixtures/procedures-civil.ts';
import { formDefinitions } from '../../../mocks/fixtures/forms.ts';
import { validAnswers } from '../../../mocks/answers.ts';

const procedureOf = (id: string) => Procedure.parse(civilProcedures.find((p) => p.id === id));
const criminalRecord = procedureOf('3.000333');

describe('checkAnswersOnBehalf', () => {
  it('refuses Phiếu số 2 asked for someone else, naming the field and the value (Luật Lý lịch tư pháp, art. 46(2))', () => {
    expect(checkAnswersOnBehalf(criminalRecord, { certificateType: 'type2', purpose: 'employment' })).toEqual([{ field: 'certificateType', value: 'type2' }]);
    expect(valuesNotOnBehalf(criminalRecord, 'certificateType')).toEqual(['type2']);
  });

  it('lets Phiếu số 1, and the rest of the form, through; an unanswered field is not refused', () => {
    expect(checkAnswersOnBehalf(criminalRecord, { certificateType: 'type1' })).toEqual([]);
    expect(checkAnswersOnBehalf(criminalRecord, {})).toEqual([]);
    expect(checkAnswersOnBehalf(criminalRecord, validAnswers('3.000333', 'vneid-046095001234'))).toEqual([]);
    expect(valuesNotOnBehalf(criminalRecord, 'purpose')).toEqual([]);
  });

  it('refuses any refused value of a choice of several, each once', () => {
    const rule = { notOnBehalf: [{ field: 'uses', values: ['a', 'b'] }, { field: 'uses', values: ['b'] }] };
    expect(checkAnswersOnBehalf(rule, { uses: ['a', 'c', 'b'] })).toEqual([
      { field: 'uses', value: 'a' },
      { field: 'uses', value: 'b' },
    ]);
    expect(valuesNotOnBehalf(rule, 'uses')).toEqual(['a', 'b', 'b']);
  });

  it('changes nothing for a procedure without the rule (the marital-status certificate among them)', () => {
    const marital = procedureOf('1.004873');
    expect(marital.notOnBehalf).toBeUndefined();
    expect(checkAnswersOnBehalf(marital, validAnswers('1.004873', 'vneid-046095001234'))).toEqual([]);
  });

  it('names, in every procedure with the rule, a top-level field of its form and values that field offers', () => {
    const withRule = civilProcedures.filter((p) => p.notOnBehalf);
    expect(withRule.map((p) => p.id)).toEqual(['3.000333']);
    for (const input of withRule) {
      const procedure = Procedure.parse(input);
      const definition = formDefinitions.find((d) => d.procedureId === procedure.id);
      for (const rule of procedure.notOnBehalf ?? []) {
        const field = definition?.sections.flatMap((s) => s.fields).find((f) => f.id === rule.field);
        expect(field, `${procedure.id}: ${rule.field}`).toBeDefined();
        const offered = field && 'options' in field ? field.options.map((o) => o.value) : [];
        for (const value of rule.values) expect(offered, `${procedure.id}: ${rule.field}`).toContain(value);
      }
    }
  });

  it('describes the problem body the backend sends', () => {
    expect(AnswersNotOnBehalf.safeParse({ field: 'certificateType', answers: [{ field: 'certificateType', value: 'type2' }] }).success).toBe(true);
    expect(AnswersNotOnBehalf.safeParse({ field: 'certificateType', answers: [] }).success).toBe(false);
  });
});
