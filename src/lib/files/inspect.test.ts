import { deflateSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { documentPdf } from '../../../mocks/pdf.ts';
import { checkImageFile, checkImageHeader, checkPdfStructure, imageSizeOfBlob, inspectUpload, jpegSize, MAX_IMAGE_PIXELS, pngSize } from './inspect.ts';
import { imagesToPdf } from './images-to-pdf.ts';

const ascii = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const be32 = (n: number) => Uint8Array.from([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);

/** The first bytes of a PNG claiming this size (IHDR only: nothing else is read). */
export const pngHeader = (width: number, height: number) =>
  concat(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), be32(13), ascii('IHDR'), be32(width), be32(height), Uint8Array.from([8, 6, 0, 0, 0]), be32(0));

/** A JPEG with an EXIF segment before its baseline frame header. */
export const jpegHeader = (width: number, height: number, exifBytes = 40) =>
  concat(
    Uint8Array.from([0xff, 0xd8, 0xff, 0xe1, (exifBytes + 2) >> 8, (exifBytes + 2) & 255]),
    new Uint8Array(exifBytes),
    Uint8Array.from([0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 255, width >> 8, width & 255, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]),
    Uint8Array.from([0xff, 0xd9]),
  );

const PDF = documentPdf('Giay to', ['Mot dong']);

describe('image headers', () => {
  it('reads the size of a PNG and of a JPEG behind its EXIF segment', () => {
    expect(pngSize(pngHeader(4000, 3000))).toEqual({ width: 4000, height: 3000 });
    expect(jpegSize(jpegHeader(4032, 3024, 30_000))).toEqual({ width: 4032, height: 3024 });
    expect(checkImageHeader(jpegHeader(8160, 6120))).toMatchObject({ ok: true }); // 50 MP sensor
  });

  it('refuses a PNG bomb and a JPEG claiming too many pixels, from the header alone', () => {
    // 109 KB of zeros can inflate to this: 30,000 × 30,000 RGBA is 3.6 GB.
    expect(checkImageHeader(pngHeader(30_000, 30_000))).toEqual({ ok: false, error: 'too-many-pixels', size: { width: 30_000, height: 30_000 } });
    expect(checkImageHeader(jpegHeader(65_000, 65_000))).toMatchObject({ ok: false, error: 'too-many-pixels' });
    expect(checkImageHeader(pngHeader(7071, 7071))).toMatchObject({ ok: true });
    expect(7071 * 7071).toBeLessThanOrEqual(MAX_IMAGE_PIXELS);
    expect(checkImageHeader(pngHeader(7072, 7071))).toMatchObject({ ok: false, error: 'too-many-pixels' });
  });

  it('finds a file’s frame header behind megabytes of segments, reading only their headers', async () => {
    // 40 MB of APP15 segments before the frame, as the e2e pads a photo (and as depth maps in XMP do).
    const segment = new Uint8Array(65_537).fill(0x20);
    segment.set([0xff, 0xef, 0xff, 0xff]);
    const jpeg = jpegHeader(4000, 3000);
    const parts = [jpeg.subarray(0, 2), ...Array.from({ length: 640 }, () => segment), jpeg.subarray(2)];
    const blob = new Blob(parts as Uint8Array<ArrayBuffer>[]);
    expect(blob.size).toBeGreaterThan(40_000_000);
    const slice = vi.spyOn(Blob.prototype, 'slice');
    expect(await imageSizeOfBlob(blob)).toEqual({ width: 4000, height: 3000 });
    expect(slice.mock.calls.every(([from = 0, to = 0]) => to - from <= 24)).toBe(true);
    slice.mockRestore();
    expect(await checkImageFile(new Blob([pngHeader(30_000, 30_000)]))).toMatchObject({ ok: false, error: 'too-many-pixels' });
    expect(await checkImageFile(new Blob([jpegHeader(100, 100).subarray(0, 30)]))).toEqual({ ok: false, error: 'unreadable' });
  });

  it('calls a header without a size unreadable', () => {
    expect(checkImageHeader(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]))).toEqual({ ok: false, error: 'unreadable' });
    expect(checkImageHeader(pngHeader(0, 100))).toEqual({ ok: false, error: 'unreadable' });
    expect(checkImageHeader(jpegHeader(100, 100).subarray(0, 30))).toEqual({ ok: false, error: 'unreadable' });
    expect(checkImageHeader(ascii('GIF89a'))).toEqual({ ok: false, error: 'unreadable' });
  });
});

describe('checkPdfStructure', () => {
  it('accepts the PDFs the backend and the app write', async () => {
    expect(await checkPdfStructure(PDF)).toEqual({ ok: true });
    const photo = new Blob([jpegHeader(800, 600)], { type: 'image/jpeg' });
    const joined = new Uint8Array(await (await imagesToPdf([{ jpeg: photo }])).arrayBuffer());
    expect(await checkPdfStructure(joined)).toEqual({ ok: true });
  });

  it('refuses a web page behind %PDF and other shells of a PDF', async () => {
    expect(await checkPdfStructure(ascii('%PDF-<html><script>alert(document.cookie)</script></html>'))).toEqual({ ok: false, problem: 'header' });
    const text = new TextDecoder('latin1').decode(PDF);
    expect(await checkPdfStructure(ascii(text.replace('%%EOF', '')))).toEqual({ ok: false, problem: 'eof' });
    expect(await checkPdfStructure(ascii(`%PDF-1.4\n<script>x</script>\n%%EOF\n`))).toEqual({ ok: false, problem: 'startxref' });
    expect(await checkPdfStructure(ascii(text.replace(/startxref\n\d+/, 'startxref\n99999999')))).toEqual({ ok: false, problem: 'startxref' });
    expect(await checkPdfStructure(ascii(text.replace(/startxref\n\d+/, 'startxref\n3')))).toEqual({ ok: false, problem: 'xref' });
    expect(await checkPdfStructure(ascii(text.replace('/Type /Page /Parent', '/Type /Leaf /Parent')))).toEqual({ ok: false, problem: 'no-page' });
  });

  it('finds the pages inside a compressed object stream (PDF 1.5)', async () => {
    const objects = deflateSync(Buffer.from('3 0 << /Type /Page /Parent 2 0 R >>'));
    const head = `%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n5 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${objects.length} >>\nstream\n`;
    const middle = '\nendstream\nendobj\n';
    const xrefAt = head.length + objects.length + middle.length;
    const pdf = concat(ascii(head), objects, ascii(`${middle}6 0 obj\n<< /Type /XRef /Size 7 >>\nstream\nendstream\nendobj\nstartxref\n${xrefAt}\n%%EOF\n`));
    expect(await checkPdfStructure(pdf)).toEqual({ ok: true });
  });
});

describe('inspectUpload', () => {
  it('gives the type from the bytes and refuses what is not usable', async () => {
    expect(await inspectUpload(PDF)).toEqual({ ok: true, mime: 'application/pdf' });
    expect(await inspectUpload(jpegHeader(1600, 1200))).toEqual({ ok: true, mime: 'image/jpeg', size: { width: 1600, height: 1200 } });
    expect(await inspectUpload(pngHeader(30_000, 30_000))).toEqual({ ok: false, error: 'too-many-pixels' });
    expect(await inspectUpload(ascii('%PDF-<html><script>'))).toEqual({ ok: false, error: 'not-a-pdf' });
    expect(await inspectUpload(ascii('MZ\x90\x00'))).toEqual({ ok: false, error: 'unsupported' });
  });
});
