import type { StoredDocument } from '../src/api/me/schema.ts';

/**
 * A one-page PDF listing a document's details: what the simulated backend returns as the
 * "file" of a document held in the data store. The standard Helvetica font has no Vietnamese
 * letters, so the text is written without diacritics; the app shows the real values itself.
 */
const plain = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '?')
    .replace(/[\\()]/g, (c) => `\\${c}`);

export const documentPdf = (title: string, lines: readonly string[]): Uint8Array => {
  const text = [`BT /F1 20 Tf 56 770 Td (${plain(title)}) Tj ET`, ...lines.map((line, i) => `BT /F1 12 Tf 56 ${730 - i * 20} Td (${plain(line)}) Tj ET`)].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
};

/** The file of a document held in the data store: its details, one per line. */
export const storedDocumentPdf = (doc: Pick<StoredDocument, 'title' | 'number' | 'issuer' | 'issuedOn' | 'validUntil' | 'subjectName'>): Uint8Array => {
  const date = (iso: string) => iso.split('-').reverse().join('/');
  return documentPdf(doc.title, [
    `So: ${doc.number}`,
    `Co quan cap: ${doc.issuer}`,
    `Ngay cap: ${date(doc.issuedOn)}`,
    `Hieu luc den: ${doc.validUntil ? date(doc.validUntil) : 'khong thoi han'}`,
    ...(doc.subjectName ? [`Nguoi duoc cap: ${doc.subjectName}`] : []),
    '',
    'Ban mo phong - simulated document',
  ]);
};
