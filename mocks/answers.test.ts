// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { demoCitizens } from './fixtures/citizens.ts';
import { formDefinitions } from './fixtures/forms.ts';
import { validAnswers } from './answers.ts';

describe('validAnswers (test support)', () => {
  it('answers every e-form validly for every demo citizen', () => {
    for (const d of formDefinitions) for (const c of demoCitizens) expect(() => validAnswers(d.procedureId, c.id), `${d.procedureId} ${c.id}`).not.toThrow();
  });

  it('throws when an override would be refused', () => {
    expect(() => validAnswers('1.004873', demoCitizens[0]!.id, { phone: 42 })).toThrow(/phone/);
  });
});
