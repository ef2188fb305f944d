import { describe, expect, it } from 'vitest';
import { checkFile, MAX_ORIGINAL_PHOTO_BYTES, sniffBytes, sniffFile } from './sniff.ts';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...part].map((c) => c.charCodeAt(0)) : part)));
// What a picker hands over: a name and a type that may both be wrong.
const file = (content: Uint8Array<ArrayBuffer> | string, name = 'giay-to.pdf', type = 'application/pdf') => new File([content], name, { type });

const PDF = bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj');
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe1, 0x00, 0x10], 'Exif\0\0', [0, 0, 0, 0, 0, 0]);
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR');
const heif = (brand: string) => bytes([0, 0, 0, 0x18], 'ftyp', brand, [0, 0, 0, 0], 'mif1');
const EXE = bytes('MZ', [0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0]);

describe('sniffFile', () => {
  it('recognises a PDF, a JPEG and a PNG by their first bytes', async () => {
    expect(await sniffFile(file(PDF))).toEqual({ kind: 'pdf', mime: 'application/pdf' });
    expect(await sniffFile(file(JPEG, 'IMG_0001.JPG', 'image/jpeg'))).toEqual({ kind: 'jpeg', mime: 'image/jpeg' });
    expect(await sniffFile(file(PNG, 'screenshot.png', 'image/png'))).toEqual({ kind: 'png', mime: 'image/png' });
  });

  it('recognises HEIC and HEIF stills and sequences, without a MIME type to upload', async () => {
    for (const brand of ['heic', 'heix', 'hevc', 'hevx', 'mif1', 'msf1', 'heim', 'heis']) {
      expect(await sniffFile(file(heif(brand), 'IMG_0002.HEIC', '')), brand).toEqual({ kind: 'heic' });
    }
  });

  it('ignores the name and the type the picker claims', async () => {
    expect(await sniffFile(file(JPEG, 'scan.png', 'image/png'))).toMatchObject({ kind: 'jpeg' });
    // An iPhone HEIC renamed .jpg by a messaging app.
    expect(await sniffFile(file(heif('heic'), 'photo.jpg', 'image/jpeg'))).toEqual({ kind: 'heic' });
    expect(await sniffFile(file(PDF, 'download', 'application/octet-stream'))).toMatchObject({ kind: 'pdf' });
  });

  it('refuses what is not one of ours', async () => {
    expect(await sniffFile(file(EXE, 'to-khai.pdf', 'application/pdf'))).toEqual({ kind: 'unknown' });
    expect(await sniffFile(file('Họ và tên: Nguyễn Văn A\n', 'ghi-chu.pdf', 'application/pdf'))).toEqual({ kind: 'unknown' });
    expect(await sniffFile(file(new Uint8Array(0)))).toEqual({ kind: 'unknown' });
    // Other ISO BMFF files: an MP4 video, an AVIF image.
    expect(sniffBytes(heif('isom'))).toEqual({ kind: 'unknown' });
    expect(sniffBytes(heif('avif'))).toEqual({ kind: 'unknown' });
    // Truncated signatures.
    expect(sniffBytes(bytes('%PDF'))).toEqual({ kind: 'unknown' });
    expect(sniffBytes(bytes([0xff, 0xd8]))).toEqual({ kind: 'unknown' });
    expect(sniffBytes(PNG.subarray(0, 7))).toEqual({ kind: 'unknown' });
  });

  it('reads only the first 16 bytes', async () => {
    const blob = file(new Uint8Array([...JPEG, ...new Uint8Array(1024)]));
    const sliced: number[][] = [];
    const slice = blob.slice.bind(blob);
    blob.slice = (start?: number, end?: number, type?: string) => {
      sliced.push([start ?? 0, end ?? blob.size]);
      return slice(start, end, type);
    };
    await sniffFile(blob);
    expect(sliced).toEqual([[0, 16]]);
  });
});

describe('checkFile', () => {
  const limits = { maxFileBytes: 1024 * 1024 };
  const padded = (head: Uint8Array, size: number) => {
    const content = new Uint8Array(size);
    content.set(head);
    return file(content);
  };

  it('refuses an empty file', async () => {
    expect(await checkFile(file(new Uint8Array(0)), limits)).toEqual({ ok: false, error: 'empty' });
  });

  it('refuses unsupported types, whatever their name', async () => {
    expect(await checkFile(file(EXE, 'to-khai.pdf'), limits)).toEqual({ ok: false, error: 'unsupported' });
    expect(await checkFile(file('plain text', 'note.txt', 'text/plain'), limits)).toEqual({ ok: false, error: 'unsupported' });
  });

  it('holds a PDF to the limit as it is: PDFs are never rewritten', async () => {
    expect(await checkFile(padded(PDF, limits.maxFileBytes), limits)).toEqual({ ok: true, kind: 'pdf', mime: 'application/pdf', needsCompression: false });
    expect(await checkFile(padded(PDF, limits.maxFileBytes + 1), limits)).toEqual({ ok: false, error: 'too-large' });
  });

  it('lets a photo over the limit through to compression', async () => {
    expect(await checkFile(padded(JPEG, 5 * limits.maxFileBytes), limits)).toEqual({ ok: true, kind: 'jpeg', mime: 'image/jpeg', needsCompression: true });
    expect(await checkFile(padded(PNG, 2 * limits.maxFileBytes), limits)).toEqual({ ok: true, kind: 'png', mime: 'image/png', needsCompression: true });
    expect(await checkFile(file(heif('heic'), 'IMG.HEIC', 'image/heic'), limits)).toEqual({ ok: true, kind: 'heic', needsCompression: true });
  });

  it('refuses a photo too big to be worth decoding', async () => {
    expect(await checkFile(padded(JPEG, MAX_ORIGINAL_PHOTO_BYTES), limits)).toMatchObject({ ok: true });
    expect(await checkFile(padded(JPEG, MAX_ORIGINAL_PHOTO_BYTES + 1), limits)).toEqual({ ok: false, error: 'too-large' });
  });
});
