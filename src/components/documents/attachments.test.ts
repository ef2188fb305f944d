import { describe, expect, it } from 'vitest';
import { attachedBytes, attachmentsFromForm, coveredBy, photosFitOnePdf } from './attachments.ts';
import { dataStoreAttachment, fileAttachment, formDefinition, procedure as procedureFactory, requiredDocument, storedDocument } from '../../test/factories.ts';

describe('coveredBy', () => {
  it('treats the application form as filled online', () => {
    expect(coveredBy('Tờ khai đăng ký khai sinh')).toBe('eform');
  });
  it('treats the applicant’s identity papers as proven by VNeID sign-in', () => {
    expect(coveredBy('Giấy tờ tùy thân của người đi đăng ký')).toBe('identity');
    expect(coveredBy('Bản sao căn cước hoặc hộ chiếu của người được cấp phiếu')).toBe('identity');
    // Decomposed Unicode (as some keyboards type it) is the same text.
    expect(coveredBy('Bản sao căn cước'.normalize('NFD'))).toBe('identity');
  });
  it('asks for everything else', () => {
    expect(coveredBy('Giấy chứng sinh')).toBeNull();
    expect(coveredBy('Thẻ căn cước/căn cước công dân đang dùng')).toBeNull();
    expect(coveredBy('Hộ chiếu hoặc giấy tờ có giá trị thay hộ chiếu của người nước ngoài')).toBeNull();
  });
});

describe('attachedBytes', () => {
  it('counts only files kept on the device', () => {
    expect(
      attachedBytes([fileAttachment({ size: 300 }), dataStoreAttachment({ title: 'Giấy chứng nhận kết hôn' })]),
    ).toBe(300);
  });
});

describe('attachmentsFromForm', () => {
  const definition = formDefinition({
    fields: [
      { id: 'childName', type: 'text', label: { vi: 'Họ tên' } },
      { id: 'notice', type: 'document', label: { vi: 'Giấy chứng sinh' }, documentTypes: ['other'], requirement: 'Giấy chứng sinh' },
      { id: 'orphan', type: 'document', label: { vi: 'Giấy khác' }, documentTypes: ['other'] },
    ],
  });
  const procedure = procedureFactory({ documents: [requiredDocument({ name: 'Tờ khai đăng ký khai sinh' }), requiredDocument({ name: 'Giấy chứng sinh' })] });
  const stored = [storedDocument({ id: 'doc-cs', title: 'Giấy chứng sinh số CS-2026-08812' })];

  it('attaches the paper chosen on the form to the requirement it stands for', () => {
    expect(attachmentsFromForm(definition, { notice: 'doc-cs', orphan: 'doc-x' }, procedure, stored)).toEqual([
      { kind: 'data-store', requirement: 1, documentId: 'doc-cs', title: 'Giấy chứng sinh số CS-2026-08812' },
    ]);
  });
  it('falls back to the field label while the data store is not loaded', () => {
    expect(attachmentsFromForm(definition, { notice: 'doc-cs' }, procedure, undefined)).toEqual([
      { kind: 'data-store', requirement: 1, documentId: 'doc-cs', title: 'Giấy chứng sinh' },
    ]);
  });
  it('attaches nothing when the citizen chose to upload later', () => {
    expect(attachmentsFromForm(definition, { notice: '' }, procedure, stored)).toEqual([]);
  });
});

describe('photosFitOnePdf', () => {
  it('accepts photos that fit one 10 MB PDF together, and refuses the one that would not', () => {
    expect(photosFitOnePdf(Array.from({ length: 17 }, () => 600_000))).toBe(true);
    expect(photosFitOnePdf(Array.from({ length: 18 }, () => 600_000))).toBe(false);
    expect(photosFitOnePdf([10 * 1024 * 1024])).toBe(false);
  });
});
