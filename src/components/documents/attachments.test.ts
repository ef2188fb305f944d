import { describe, expect, it } from 'vitest';
import { attachedBytes, attachmentsFromForm, photosFitOnePdf } from './attachments.ts';
import { dataStoreAttachment, fileAttachment, formDefinition, procedure as procedureFactory, requiredDocument, storedDocument } from '../../test/factories.ts';

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
      { id: 'notice', type: 'document', label: { vi: 'Giấy chứng sinh' }, documentTypes: ['birth-notice'], requirement: 'giay-chung-sinh' },
      { id: 'orphan', type: 'document', label: { vi: 'Giấy khác' }, documentTypes: ['other'] },
    ],
  });
  const procedure = procedureFactory({
    documents: [requiredDocument({ id: 'to-khai', name: 'Tờ khai đăng ký khai sinh', providedBy: 'eform' }), requiredDocument({ id: 'giay-chung-sinh', name: 'Giấy chứng sinh' })],
  });
  const stored = [storedDocument({ id: 'doc-cs', title: 'Giấy chứng sinh số CS-2026-08812' })];

  it('attaches the paper chosen on the form to the requirement it stands for', () => {
    expect(attachmentsFromForm(definition, { notice: 'doc-cs', orphan: 'doc-x' }, procedure, stored)).toEqual([
      { kind: 'data-store', requirement: 'giay-chung-sinh', documentId: 'doc-cs', title: 'Giấy chứng sinh số CS-2026-08812' },
    ]);
  });
  it('falls back to the field label while the data store is not loaded', () => {
    expect(attachmentsFromForm(definition, { notice: 'doc-cs' }, procedure, undefined)).toEqual([
      { kind: 'data-store', requirement: 'giay-chung-sinh', documentId: 'doc-cs', title: 'Giấy chứng sinh' },
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
