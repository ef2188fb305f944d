import { describe, expect, it } from 'vitest';
import { ProcedureTranslation, type ProcedureTranslationInput } from './schema.ts';
import { procedure as makeProcedure } from '../../test/factories.ts';
import { localizeProcedure, translationApplies } from './localize.ts';

const procedure = makeProcedure({
  id: '1.000001',
  code: '1.000001',
  summary: 'Tóm tắt',
  steps: ['Bước một', 'Bước hai'],
  documents: [
    { id: 'to-khai', name: 'Tờ khai', template: 'Mẫu 01', originals: 1, copies: 0, providedBy: 'eform' },
    { id: 'giay-chung-sinh', name: 'Giấy chứng sinh', originals: 1, copies: 0, note: 'Bản chính', accepts: ['birth-notice'] },
  ],
  processingTime: { workingDays: 3, text: '03 ngày làm việc' },
  fees: [
    { kind: 'fee', amount: 10_000, description: 'Nộp trực tuyến', channel: 'online' },
    { kind: 'fee', amount: 20_000, description: 'Nộp trực tiếp', channel: 'paper' },
  ],
  feeNote: 'Ghi chú phí',
  result: 'Kết quả',
  faq: [{ question: 'Hỏi?', answer: 'Đáp.' }],
  updatedAt: '2025-07-01',
});

const complete: ProcedureTranslationInput = {
  procedureId: '1.000001',
  lang: 'en',
  sourceUpdatedAt: '2025-07-01',
  summary: 'Summary',
  steps: ['Step one', 'Step two'],
  documents: [
    { id: 'giay-chung-sinh', name: 'Birth notice', note: 'The original' },
    { id: 'to-khai', name: 'Application form', template: 'Form 01' },
  ],
  processingTime: '3 working days',
  fees: [{ description: 'Filed online' }, { description: 'Filed in person' }],
  feeNote: 'About the fee',
  result: 'Result',
  faq: [{ question: 'Question?', answer: 'Answer.' }],
};
const translation = (overrides: Partial<ProcedureTranslationInput> = {}) => ProcedureTranslation.parse({ ...complete, ...overrides });

describe('localizeProcedure', () => {
  it('shows every part in English when the translation covers it, keeping amounts, ids and rules', () => {
    const page = localizeProcedure(procedure, translation(), 'en');
    expect(page.coverage).toBe('all');
    expect(page.summary).toEqual({ value: 'Summary', lang: 'en', fallback: false });
    expect(page.steps.value).toEqual(['Step one', 'Step two']);
    expect(page.processingTime.value).toBe('3 working days');
    expect(page.result.value).toBe('Result');
    expect(page.feeNote).toEqual({ value: 'About the fee', lang: 'en', fallback: false });
    expect(page.conditions).toBeUndefined();
    expect(page.faq.value).toEqual([{ question: 'Question?', answer: 'Answer.' }]);
    // In the procedure's order, whatever the translation's; what is not text stays the official.
    expect(page.documents.value.map((d) => [d.id, d.name, d.template, d.note, d.accepts, d.providedBy])).toEqual([
      ['to-khai', 'Application form', 'Form 01', undefined, [], 'eform'],
      ['giay-chung-sinh', 'Birth notice', undefined, 'The original', ['birth-notice'], undefined],
    ]);
    expect(page.fees.value.map((f) => [f.description, f.amount, f.channel])).toEqual([
      ['Filed online', 10_000, 'online'],
      ['Filed in person', 20_000, 'paper'],
    ]);
  });

  it('is the Vietnamese, with no fallback to mark, for a Vietnamese reader — whatever it is given', () => {
    const page = localizeProcedure(procedure, translation(), 'vi');
    expect(page.coverage).toBe('all');
    expect(page.summary).toEqual({ value: 'Tóm tắt', lang: 'vi', fallback: false });
    expect(page.documents.value).toBe(procedure.documents);
    expect(page.fees.value).toBe(procedure.fees);
  });

  it('marks every part as Vietnamese-only when the backend has no translation', () => {
    for (const none of [null, undefined]) {
      const page = localizeProcedure(procedure, none, 'en');
      expect(page.coverage).toBe('none');
      for (const part of [page.summary, page.steps, page.documents, page.processingTime, page.fees, page.feeNote, page.result, page.faq]) {
        expect(part).toMatchObject({ lang: 'vi', fallback: true });
      }
      expect(page.steps.value).toBe(procedure.steps);
    }
  });

  it('keeps a part in Vietnamese when the translation leaves it out, and translates the rest', () => {
    const page = localizeProcedure(procedure, translation({ faq: undefined, feeNote: undefined }), 'en');
    expect(page.coverage).toBe('some');
    expect(page.faq).toEqual({ value: procedure.faq, lang: 'vi', fallback: true });
    expect(page.feeNote).toEqual({ value: 'Ghi chú phí', lang: 'vi', fallback: true });
    expect(page.steps).toMatchObject({ lang: 'en', fallback: false });
  });

  it('never mixes languages within a list: a list that does not match the Vietnamese one item for item stays Vietnamese', () => {
    const page = localizeProcedure(
      procedure,
      translation({
        steps: ['Only one step'],
        fees: [{ description: 'Filed online' }],
        faq: [...complete.faq!, { question: 'Extra?', answer: 'Extra.' }],
        // A requirement missing, one without its note: the papers stay Vietnamese.
        documents: [{ id: 'to-khai', name: 'Application form', template: 'Form 01' }],
      }),
      'en',
    );
    expect(page.steps).toMatchObject({ value: procedure.steps, fallback: true });
    expect(page.fees).toMatchObject({ value: procedure.fees, fallback: true });
    expect(page.faq).toMatchObject({ value: procedure.faq, fallback: true });
    expect(page.documents).toMatchObject({ value: procedure.documents, fallback: true });
    expect(localizeProcedure(procedure, translation({ documents: [{ id: 'to-khai', name: 'Form', template: 'Form 01' }, { id: 'giay-chung-sinh', name: 'Birth notice' }] }), 'en').documents.fallback).toBe(true);
    expect(localizeProcedure(procedure, translation({ documents: [{ id: 'to-khai', name: 'Form' }, { id: 'giay-chung-sinh', name: 'Birth notice', note: 'x' }] }), 'en').documents.fallback).toBe(true);
  });

  it('ignores a translation of another version or another procedure', () => {
    expect(localizeProcedure(procedure, translation({ sourceUpdatedAt: '2024-01-01' }), 'en').coverage).toBe('none');
    expect(localizeProcedure(procedure, translation({ procedureId: '1.000002' }), 'en').coverage).toBe('none');
    expect(translationApplies(procedure, translation({ lang: 'vi' }))).toBe(false);
    expect(translationApplies(procedure, translation())).toBe(true);
  });

  it('treats lists the Vietnamese does not have as translated, and names the translation’s own language', () => {
    const bare = makeProcedure({ ...procedure, documents: [], fees: [], faq: [], feeNote: undefined });
    const page = localizeProcedure(bare, translation({ lang: 'fr', documents: undefined, fees: undefined, faq: undefined }), 'fr');
    expect(page.coverage).toBe('all');
    expect(page.documents).toEqual({ value: [], lang: 'fr', fallback: false });
    expect(page.feeNote).toBeUndefined();
  });
});

describe('ProcedureTranslation', () => {
  it('refuses a translation with an empty text or a malformed language tag', () => {
    expect(ProcedureTranslation.safeParse({ ...complete, summary: '' }).success).toBe(false);
    expect(ProcedureTranslation.safeParse({ ...complete, steps: [] }).success).toBe(false);
    expect(ProcedureTranslation.safeParse({ ...complete, lang: 'English' }).success).toBe(false);
    expect(ProcedureTranslation.safeParse({ procedureId: '1.000001', lang: 'en', sourceUpdatedAt: '2025-07-01' }).success).toBe(true);
  });
});
