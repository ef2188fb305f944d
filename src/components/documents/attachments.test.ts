import { describe, expect, it } from 'vitest';
import { attachedBytes, coveredBy } from './attachments.ts';

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
      attachedBytes([
        { kind: 'file', requirement: 0, key: 'a', name: 'a.jpg', mime: 'image/jpeg', data: new ArrayBuffer(3), size: 300 },
        { kind: 'data-store', requirement: 1, documentId: 'doc', title: 'Giấy chứng nhận kết hôn' },
      ]),
    ).toBe(300);
  });
});
