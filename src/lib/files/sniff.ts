/**
 * What a chosen file really is, from its first bytes: the name and `file.type` come from the
 * phone's file picker and lie (a renamed .exe, an iPhone HEIC called .jpg, a PDF typed
 * application/octet-stream by some Android file managers).
 */

export type FileKind = 'pdf' | 'jpeg' | 'png' | 'heic' | 'unknown';
export type UploadMime = 'application/pdf' | 'image/jpeg' | 'image/png';
export interface SniffResult {
  kind: FileKind;
  /** The type to send with the upload; absent for HEIC (converted to JPEG first) and unknown files. */
  mime?: UploadMime;
}

const HEADER_BYTES = 16;
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
// ISO BMFF major brands of HEIF stills and sequences (ISO/IEC 23008-12). AVIF (`avif`) is left
// out on purpose: the back office cannot open it and we have no way to test its decoding.
const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'mif1', 'msf1', 'heim', 'heis']);

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0): boolean =>
  bytes.length >= at + prefix.length && prefix.every((b, i) => bytes[at + i] === b);
const ascii = (bytes: Uint8Array, from: number, to: number): string => String.fromCharCode(...bytes.subarray(from, to));

/** Synchronous core of {@link sniffFile}, for bytes already in hand. */
export const sniffBytes = (bytes: Uint8Array): SniffResult => {
  if (ascii(bytes, 0, 5) === '%PDF-') return { kind: 'pdf', mime: 'application/pdf' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: 'jpeg', mime: 'image/jpeg' };
  if (startsWith(bytes, PNG_SIGNATURE)) return { kind: 'png', mime: 'image/png' };
  if (bytes.length >= 12 && ascii(bytes, 4, 8) === 'ftyp' && HEIF_BRANDS.has(ascii(bytes, 8, 12))) return { kind: 'heic' };
  return { kind: 'unknown' };
};

/** Reads the first 16 bytes of the file (never the whole file) and tells what it is. */
export const sniffFile = async (file: Blob): Promise<SniffResult> =>
  sniffBytes(new Uint8Array(await file.slice(0, HEADER_BYTES).arrayBuffer()));

/**
 * A photo bigger than this is refused before we even try: decoding it could exhaust a cheap
 * phone's memory, and no camera produces one (a 108 MP JPEG is ~25 MB).
 */
export const MAX_ORIGINAL_PHOTO_BYTES = 60 * 1024 * 1024;

export interface FileLimits {
  /** The largest file the procedure accepts, in bytes (from the procedure's configuration). */
  maxFileBytes: number;
}

/**
 * Error codes the UI translates. `checkFile` returns the first three; the others come out of
 * `prepareFile`, which looks inside: `not-a-pdf` (starts with %PDF but has no PDF structure),
 * `too-many-pixels` (the image header claims more than MAX_IMAGE_PIXELS), `heic` and
 * `unreadable` (a decoding attempt failed).
 */
export type FileErrorCode = 'empty' | 'too-large' | 'unsupported' | 'not-a-pdf' | 'too-many-pixels' | 'heic' | 'unreadable';

export type FileCheck =
  | {
      ok: true;
      kind: Exclude<FileKind, 'unknown'>;
      mime?: UploadMime;
      /** Photos go through `compressPhoto` and are held to `maxFileBytes` afterwards; PDFs go as they are. */
      needsCompression: boolean;
    }
  | { ok: false; error: FileErrorCode };

/**
 * First look at a chosen file, before any heavy work: is it empty, a type we accept, absurdly
 * big? A PDF must already fit `maxFileBytes` (we never rewrite PDFs); a photo only has to be
 * under {@link MAX_ORIGINAL_PHOTO_BYTES} here, since it is measured again after compression
 * (a 40 MB photo that compresses to 500 KB is fine).
 */
export const checkFile = async (file: Blob, limits: FileLimits): Promise<FileCheck> => {
  if (file.size === 0) return { ok: false, error: 'empty' };
  const { kind, mime } = await sniffFile(file);
  if (kind === 'unknown') return { ok: false, error: 'unsupported' };
  if (kind === 'pdf') return file.size > limits.maxFileBytes ? { ok: false, error: 'too-large' } : { ok: true, kind, mime, needsCompression: false };
  if (file.size > Math.max(MAX_ORIGINAL_PHOTO_BYTES, limits.maxFileBytes)) return { ok: false, error: 'too-large' };
  return mime ? { ok: true, kind, mime, needsCompression: true } : { ok: true, kind, needsCompression: true };
};
