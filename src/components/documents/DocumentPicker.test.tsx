import { StrictMode } from 'react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { initI18n } from '../../i18n/i18n.ts';
import type { Attachment } from '../../offline/personal-db.ts';
import { documentPdf } from '../../../mocks/pdf.ts';
import { DocumentPicker } from './DocumentPicker.tsx';

beforeAll(async () => {
  await initI18n('vi');
  await import('i18next').then((m) => m.default.loadNamespaces('documents'));
});

const pdf = (name: string) => new File([documentPdf('Giay to', []) as Uint8Array<ArrayBuffer>], name, { type: 'application/pdf' });

describe('DocumentPicker', () => {
  it('attaches a checked file and reports when it is busy, also under StrictMode', async () => {
    const changes: Attachment[][] = [];
    const onBusyChange = vi.fn();
    render(
      <StrictMode>
        <DocumentPicker
          requirement="giay-chung-sinh"
          title="Giấy chứng sinh"
          optional={false}
          attachments={[]}
          allAttachments={[]}
          storedDocuments={[]}
          onChange={(update) => changes.push(update([]))}
          onBusyChange={onBusyChange}
          beforeCamera={() => undefined}
        />
      </StrictMode>,
    );
    await userEvent.upload(screen.getByLabelText('Chọn tệp'), pdf('giay-chung-sinh.pdf'));
    await waitFor(() => expect(changes).toHaveLength(1));
    expect(changes[0]).toEqual([expect.objectContaining({ kind: 'file', requirement: 'giay-chung-sinh', name: 'giay-chung-sinh.pdf', mime: 'application/pdf' })]);
    expect(onBusyChange.mock.calls).toEqual([[true], [false]]);
    expect(await screen.findByText('Đã đính kèm: giay-chung-sinh.pdf.')).toBeInTheDocument();
  });

  it('names a file refused by its bytes and attaches nothing', async () => {
    const onChange = vi.fn();
    render(
      <DocumentPicker
        requirement="giay-chung-sinh"
        title="Giấy chứng sinh"
        optional={false}
        attachments={[]}
        allAttachments={[]}
        storedDocuments={[]}
        onChange={onChange}
        beforeCamera={() => undefined}
      />,
    );
    await userEvent.upload(screen.getByLabelText('Chọn tệp'), new File(['MZ\x90\x00 not a pdf'], 'giay.pdf', { type: 'application/pdf' }), { applyAccept: false });
    expect(await screen.findByText(/“giay.pdf” không phải PDF, JPG hay PNG/)).toBeInTheDocument();
    expect(onChange).not.toHaveBeenCalled();
  });

  it('names a web page posing as a PDF and a PNG bomb, decoding nothing', async () => {
    const onChange = vi.fn();
    const decode = vi.fn();
    vi.stubGlobal('createImageBitmap', decode);
    render(
      <DocumentPicker
        requirement="giay-chung-sinh"
        title="Giấy chứng sinh"
        optional={false}
        attachments={[]}
        allAttachments={[]}
        storedDocuments={[]}
        onChange={onChange}
        beforeCamera={() => undefined}
      />,
    );
    const input = screen.getByLabelText('Chọn tệp');
    await userEvent.upload(input, new File(['%PDF-<html><script>alert(1)</script></html>'], 'to-khai.pdf', { type: 'application/pdf' }), { applyAccept: false });
    expect(await screen.findByText(/“to-khai.pdf” có đuôi PDF nhưng không phải tệp PDF hợp lệ/)).toBeInTheDocument();

    // 109 KB whose header claims 30,000 × 30,000 pixels (3.6 GB decoded).
    const bomb = new Uint8Array(109 * 1024);
    bomb.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0x75, 0x30, 0, 0, 0x75, 0x30, 8, 6, 0, 0, 0]);
    await userEvent.upload(input, new File([bomb], 'anh.png', { type: 'image/png' }), { applyAccept: false });
    expect(await screen.findByText(/Ảnh “anh.png” quá lớn để xử lý/)).toBeInTheDocument();
    expect(decode).not.toHaveBeenCalled();
    expect(onChange).not.toHaveBeenCalled();
    vi.unstubAllGlobals();
  });
});
