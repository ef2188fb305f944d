import { UPLOAD_LIMITS, type Upload } from '../../src/api/dossiers/schema.ts';
import { done, fail, randomId, remember, replayed, sha256, state, type Mime, type Outcome } from './state.ts';

const startsWith = (bytes: Uint8Array, signature: readonly number[]) => signature.every((b, i) => bytes[i] === b);

/** What the bytes are, by their magic numbers; never by the name or the claimed type. */
export const sniffMime = (bytes: Uint8Array): Mime | undefined => {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  return undefined;
};

const EXTENSION: Record<Mime, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };

/** A display name from X-File-Name (URI-encoded): no folders, no control characters. */
const cleanFileName = (raw: string | null, mime: Mime): string => {
  let name = raw ?? '';
  try {
    name = decodeURIComponent(name);
  } catch {
    // Not URI-encoded after all: use it as it came.
  }
  name = (name.normalize('NFC').split(/[\\/]/).pop() ?? '').replace(/\p{Cc}/gu, '').trim().slice(0, 200);
  return name || `tep-dinh-kem.${EXTENSION[mime]}`;
};

export const storeUpload = (citizenId: string, key: string, rawName: string | null, bytes: Uint8Array): Outcome<Upload> => {
  const fingerprint = sha256(bytes);
  const earlier = replayed(citizenId, 'upload', key, fingerprint);
  if (earlier && 'ok' in earlier) return earlier;
  const existing = earlier && state.uploads.get(earlier.ref);
  if (existing) return done(existing.upload, false);

  if (bytes.length === 0) return fail(422, 'empty-file', 'The file is empty');
  if (bytes.length > UPLOAD_LIMITS.maxFileBytes) return fail(413, 'file-too-large', `A file may be at most ${UPLOAD_LIMITS.maxFileBytes} bytes`);
  const mime = sniffMime(bytes);
  if (!mime) return fail(415, 'unsupported-file', 'Only PDF, JPEG and PNG files are accepted');

  const upload: Upload = { id: randomId('up'), name: cleanFileName(rawName, mime), mime, size: bytes.length };
  state.uploads.set(upload.id, { citizenId, upload, bytes: bytes.slice() });
  remember(citizenId, 'upload', key, fingerprint, upload.id);
  return done(upload);
};

/** An uploaded file, only for the citizen who uploaded it. */
export const uploadedFile = (citizenId: string, id: string): { upload: Upload; bytes: Uint8Array } | undefined => {
  const record = state.uploads.get(id);
  return record && record.citizenId === citizenId ? { upload: record.upload, bytes: record.bytes } : undefined;
};
