import { StrictMode } from 'react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { initI18n } from '../../i18n/i18n.ts';
import type { Attachment } from '../../offline/personal-db.ts';
import { DocumentPicker } from './DocumentPicker.tsx';

beforeAll(async () => {
  await initI18n('vi');
  await import('i18next').then((m) => m.default.loadNamespaces('documents'));
});

const pdf = (name: string) => new File(['%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n'], name, { type: 'application/pdf' });

describe('DocumentPicker', () => {
  it('attaches a checked file and reports when it is busy, also under StrictMode', async () => {
    const changes: Attachment[][] = [];
    const onBusyChange = vi.fn();
    render(
      <StrictMode>
        <DocumentPicker
          requirement={1}
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
    expect(changes[0]).toEqual([expect.objectContaining({ kind: 'file', requirement: 1, name: 'giay-chung-sinh.pdf', mime: 'application/pdf' })]);
    expect(onBusyChange.mock.calls).toEqual([[true], [false]]);
    expect(await screen.findByText('Đã đính kèm: giay-chung-sinh.pdf.')).toBeInTheDocument();
  });

  it('names a file refused by its bytes and attaches nothing', async () => {
    const onChange = vi.fn();
    render(
      <DocumentPicker
        requirement={1}
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
});
