import { describe, expect, it } from 'vitest';
import { Procedure, type ProcedureInput } from './schema.ts';
import { copiesAskedFor, feeFor } from './fees.ts';
import { civilProcedures } from '../../../mocks/fixtures/procedures-civil.ts';
import { economyProcedures } from '../../../mocks/fixtures/procedures-economy.ts';

const real = (id: string) => Procedure.parse([...civilProcedures, ...economyProcedures].find((p) => p.id === id));
const make = (fees: ProcedureInput['fees'], level: 'full' | 'partial' = 'full') => Procedure.parse({ ...civilProcedures[0], id: 'x', level, fees });

describe('feeFor', () => {
  const criminalRecord = real('3.000333');

  it('charges the criminal-record certificate 200.000 ₫ for up to 2 copies and 5.000 ₫ more for each from the 3rd', () => {
    expect(feeFor(criminalRecord, { channel: 'online', copies: 1 }).total).toBe(200_000);
    expect(feeFor(criminalRecord, { channel: 'online', copies: 2 }).total).toBe(200_000);
    expect(feeFor(criminalRecord, { channel: 'online', copies: 3 }).total).toBe(205_000);
    expect(feeFor(criminalRecord, { channel: 'online', copies: 10 }).total).toBe(240_000);
    expect(feeFor(criminalRecord, { channel: 'online', copies: 3 }).lines).toEqual([
      expect.objectContaining({ kind: 'charge', base: 200_000, extraCopies: 1, perCopy: 5_000, amount: 205_000 }),
    ]);
  });

  it('never picks a rate meant only for some applicants (the 100.000 ₫ student rate)', () => {
    expect(feeFor(criminalRecord, { channel: 'online' }).lines.map((l) => l.base)).toEqual([200_000]);
  });

  it('takes the online rate online and the paper rate on paper', () => {
    const residence = real('1.004222');
    expect(feeFor(residence, { channel: 'online' }).total).toBe(10_000);
    expect(feeFor(residence, { channel: 'paper' }).total).toBe(20_000);
  });

  it('charges nothing online for a partial service, and counts a rate set by the province as nothing', () => {
    expect(feeFor(make([{ kind: 'fee', amount: 50_000, description: 'Lệ phí' }], 'partial'), { channel: 'online' }).total).toBe(0);
    expect(feeFor(make([{ kind: 'fee', amount: 50_000, description: 'Lệ phí' }], 'partial'), { channel: 'paper' }).total).toBe(50_000);
    expect(feeFor(make([{ kind: 'fee', amount: null, description: 'Theo mức HĐND tỉnh' }]), { channel: 'online' }).total).toBe(0);
  });

  it('adds a lệ phí and a phí, and leaves out a rate for paper filing only', () => {
    const fees: ProcedureInput['fees'] = [
      { kind: 'fee', amount: 50_000, description: 'Nộp hồ sơ giấy', channel: 'paper' },
      { kind: 'charge', amount: 100_000, description: 'Phí công bố' },
    ];
    expect(feeFor(make(fees), { channel: 'online' }).total).toBe(100_000);
    expect(feeFor(make(fees), { channel: 'paper' }).total).toBe(150_000);
  });

  it('does not read the wording: a rate that says "trực tuyến" without being marked online is not the online rate', () => {
    const fees: ProcedureInput['fees'] = [
      { kind: 'fee', amount: 20_000, description: 'Mức chung' },
      { kind: 'fee', amount: 1, description: 'Ghi chú về trực tuyến', onlyFor: 'Ví dụ' },
    ];
    expect(feeFor(make(fees), { channel: 'online' }).total).toBe(20_000);
  });
});

describe('copiesAskedFor', () => {
  it('reads the form field the procedure names, and 1 otherwise or when the answer is not a whole number', () => {
    const criminalRecord = real('3.000333');
    expect(copiesAskedFor(criminalRecord, { copyCount: 3 })).toBe(3);
    expect(copiesAskedFor(criminalRecord, { copyCount: '4' })).toBe(4);
    expect(copiesAskedFor(criminalRecord, { copyCount: 'ba' })).toBe(1);
    expect(copiesAskedFor(criminalRecord, { copyCount: 0 })).toBe(1);
    expect(copiesAskedFor(real('1.004222'), { copyCount: 3 })).toBe(1);
  });
});
