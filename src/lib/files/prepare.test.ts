import { beforeEach, describe, expect, it, vi } from 'vitest';
import { documentPdf } from '../../../mocks/pdf.ts';
import { FileProcessingError } from './errors.ts';

const compressPhoto = vi.fn();
vi.mock('./compress.ts', () => ({ DEFAULT_MAX_PHOTO_BYTES: 600_000, compressPhoto: (...args: unknown[]) => compressPhoto(...args) }));
const { prepareFile } = await import('./prepare.ts');

const bytes = (head: number[] | string, size = 64) => {
  const content = new Uint8Array(size);
  content.set(typeof head === 'string' ? [...head].map((c) => c.charCodeAt(0)) : head);
  return content;
};
const JPEG_HEAD = [0xff, 0xd8, 0xff, 0xe0];
const limits = { maxFileBytes: 10 * 1024 * 1024 };
const jpegOf = (size: number) => new Blob([new Uint8Array(size)], { type: 'image/jpeg' });

beforeEach(() => compressPhoto.mockReset());

describe('prepareFile', () => {
  it('passes a PDF through untouched, typed by its bytes', async () => {
    const file = new File([documentPdf('To khai', []) as Uint8Array<ArrayBuffer>], 'to-khai', { type: 'application/octet-stream' });
    const result = await prepareFile(file, limits);
    expect(result).toMatchObject({ ok: true, kind: 'pdf', mime: 'application/pdf' });
    if (result.ok) expect(result.blob.type).toBe('application/pdf');
    expect(compressPhoto).not.toHaveBeenCalled();
  });

  it('refuses a file that starts with %PDF but is no PDF, before anything is sent', async () => {
    expect(await prepareFile(new File(['%PDF-<html><script>alert(1)</script></html>'], 'giay.pdf'), limits)).toEqual({ ok: false, error: 'not-a-pdf' });
    expect(await prepareFile(new File([bytes('%PDF-1.4\n')], 'cut.pdf'), limits)).toEqual({ ok: false, error: 'not-a-pdf' });
  });

  it('returns the checks’ errors', async () => {
    expect(await prepareFile(new File([], 'a.jpg'), limits)).toEqual({ ok: false, error: 'empty' });
    expect(await prepareFile(new File([bytes('MZ')], 'a.pdf'), limits)).toEqual({ ok: false, error: 'unsupported' });
  });

  it('compresses a photo over the limit and holds the result to the limit', async () => {
    const big = new File([bytes(JPEG_HEAD, 1000)], 'IMG_1.jpg');
    compressPhoto.mockResolvedValueOnce({ blob: jpegOf(500), width: 2000, height: 1500, quality: 0.8, ms: 1 });
    expect(await prepareFile(big, { maxFileBytes: 800 })).toMatchObject({ ok: true, kind: 'jpeg', mime: 'image/jpeg', width: 2000, height: 1500 });
    // The compressor aims at the smaller of 600 kB and the limit.
    expect(compressPhoto).toHaveBeenLastCalledWith(big, expect.objectContaining({ maxBytes: 800 }));

    compressPhoto.mockResolvedValueOnce({ blob: jpegOf(900), width: 1600, height: 1200, quality: 0.5, ms: 1 });
    expect(await prepareFile(big, { maxFileBytes: 800 })).toEqual({ ok: false, error: 'too-large' });
  });

  it('reports a small PNG kept as PNG', async () => {
    compressPhoto.mockResolvedValueOnce({ blob: new Blob([new Uint8Array(10)], { type: 'image/png' }), width: 800, height: 600, quality: 1, ms: 1 });
    expect(await prepareFile(new File([bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])], 's.png'), limits)).toMatchObject({ ok: true, kind: 'png', mime: 'image/png' });
  });

  it('turns decoding failures into error codes', async () => {
    const heic = new File([bytes([0, 0, 0, 0x18, ...[...'ftypheic'].map((c) => c.charCodeAt(0))])], 'IMG.HEIC');
    compressPhoto.mockRejectedValueOnce(new FileProcessingError('heic', 'no HEIC decoder'));
    expect(await prepareFile(heic, limits)).toEqual({ ok: false, error: 'heic' });
    compressPhoto.mockRejectedValueOnce(new FileProcessingError('decode-failed', 'truncated'));
    expect(await prepareFile(new File([bytes(JPEG_HEAD)], 'a.jpg'), limits)).toEqual({ ok: false, error: 'unreadable' });
    compressPhoto.mockRejectedValueOnce(new FileProcessingError('too-many-pixels', '30000 × 30000'));
    expect(await prepareFile(new File([bytes(JPEG_HEAD)], 'a.jpg'), limits)).toEqual({ ok: false, error: 'too-many-pixels' });
  });

  it('rethrows cancellation', async () => {
    compressPhoto.mockRejectedValueOnce(new FileProcessingError('aborted', 'cancelled'));
    await expect(prepareFile(new File([bytes(JPEG_HEAD)], 'a.jpg'), limits)).rejects.toMatchObject({ code: 'aborted' });
  });
});
