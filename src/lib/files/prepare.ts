/**
 * The one call the documents step needs per chosen file: check it, compress it if it is a
 * photo, hold the result to the procedure's size limit. Returns an error code to translate, or
 * the blob to upload with its MIME type.
 */
import { compressPhoto, DEFAULT_MAX_PHOTO_BYTES } from './compress.ts';
import { isFileProcessingError } from './errors.ts';
import { checkPdfStructure } from './inspect.ts';
import { checkFile, type FileErrorCode, type FileKind, type FileLimits, type UploadMime } from './sniff.ts';

export type PreparedFile =
  | {
      ok: true;
      /** What the original was (`heic` arrives here converted to JPEG). */
      kind: Exclude<FileKind, 'unknown'>;
      /** Upload this, with this type: never the original file's name or `type`. */
      blob: Blob;
      mime: UploadMime;
      /** Pixel size, for photos. */
      width?: number;
      height?: number;
    }
  | { ok: false; error: FileErrorCode };

/**
 * Throws only `FileProcessingError` `aborted` (when `signal` fires); every other problem is a
 * `{ ok: false, error }` result.
 */
export const prepareFile = async (
  file: Blob,
  limits: FileLimits,
  options: { signal?: AbortSignal; jpegOnly?: boolean } = {},
): Promise<PreparedFile> => {
  const check = await checkFile(file, limits);
  if (!check.ok) return check;
  if (!check.needsCompression) {
    // The backend checks the same structure (inspect.ts): refuse here, next to the file, not later from the outbox.
    const pdf = await checkPdfStructure(new Uint8Array(await file.arrayBuffer()));
    if (!pdf.ok) return { ok: false, error: 'not-a-pdf' };
    return { ok: true, kind: check.kind, blob: file.slice(0, file.size, 'application/pdf'), mime: 'application/pdf' };
  }
  try {
    const photo = await compressPhoto(file, { ...options, maxBytes: Math.min(DEFAULT_MAX_PHOTO_BYTES, limits.maxFileBytes) });
    if (photo.blob.size > limits.maxFileBytes) return { ok: false, error: 'too-large' };
    const mime: UploadMime = photo.blob.type === 'image/png' ? 'image/png' : 'image/jpeg';
    return { ok: true, kind: check.kind, blob: photo.blob, mime, width: photo.width, height: photo.height };
  } catch (error) {
    if (isFileProcessingError(error) && error.code !== 'aborted') {
      return { ok: false, error: error.code === 'heic' || error.code === 'too-many-pixels' ? error.code : 'unreadable' };
    }
    throw error;
  }
};
