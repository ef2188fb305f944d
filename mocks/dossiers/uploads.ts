import { UPLOAD_LIMITS, type Upload } from '../../src/api/dossiers/schema.ts';
import { inspectUpload, MAX_IMAGE_PIXELS } from '../../src/lib/files/inspect.ts';
import { countQuota, quotaExhausted } from './limits.ts';
import { done, fail, randomId, remember, replayed, sha256, state, type Mime, type Outcome } from './state.ts';

/** An upload no dossier has taken is deleted after this long (a day: enough to finish a form). */
export const UNATTACHED_UPLOAD_TTL_MS = 24 * 60 * 60 * 1000;

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

const expired = (record: { attachedTo: string | null; receivedAt: number }, now: Date) =>
  record.attachedTo === null && record.receivedAt + UNATTACHED_UPLOAD_TTL_MS <= now.getTime();

/** Deletes every upload no dossier took within {@link UNATTACHED_UPLOAD_TTL_MS}. */
export const sweepUploads = (now = new Date()): number => {
  let removed = 0;
  for (const [id, record] of state.uploads) {
    if (expired(record, now)) {
      state.uploads.delete(id);
      removed++;
    }
  }
  return removed;
};

export const storeUpload = async (citizenId: string, key: string, rawName: string | null, bytes: Uint8Array, now = new Date()): Promise<Outcome<Upload>> => {
  sweepUploads(now);
  const fingerprint = sha256(bytes);
  const earlier = replayed(citizenId, 'upload', key, fingerprint);
  if (earlier && 'ok' in earlier) return earlier;
  const existing = earlier && state.uploads.get(earlier.ref);
  if (existing) return done(existing.upload, false);
  const exhausted = quotaExhausted(citizenId, 'uploads', now);
  if (exhausted) return exhausted;

  if (bytes.length === 0) return fail(422, 'empty-file', 'The file is empty');
  if (bytes.length > UPLOAD_LIMITS.maxFileBytes) return fail(413, 'file-too-large', `A file may be at most ${UPLOAD_LIMITS.maxFileBytes} bytes`);
  const verdict = await inspectUpload(bytes);
  if (!verdict.ok) {
    switch (verdict.error) {
      case 'unsupported':
        return fail(415, 'unsupported-file', 'Only PDF, JPEG and PNG files are accepted');
      case 'not-a-pdf':
        return fail(422, 'not-a-pdf', 'The file starts like a PDF but is not one');
      case 'unreadable':
        return fail(422, 'unreadable-image', 'The image has no readable size');
      case 'too-many-pixels':
        return fail(422, 'too-many-pixels', `An image may have at most ${MAX_IMAGE_PIXELS} pixels`);
    }
  }
  const { mime } = verdict;

  const upload: Upload = { id: randomId('up'), name: cleanFileName(rawName, mime), mime, size: bytes.length };
  state.uploads.set(upload.id, { citizenId, upload, bytes: bytes.slice(), receivedAt: now.getTime(), attachedTo: null });
  remember(citizenId, 'upload', key, fingerprint, upload.id);
  countQuota(citizenId, 'uploads', now);
  return done(upload);
};

/** An uploaded file, only for the citizen who uploaded it, and only until it expires unattached. */
export const uploadedFile = (citizenId: string, id: string, now = new Date()): { upload: Upload; bytes: Uint8Array } | undefined => {
  const record = state.uploads.get(id);
  if (!record || record.citizenId !== citizenId || expired(record, now)) return undefined;
  return { upload: record.upload, bytes: record.bytes };
};

/** The dossier took these uploads: they are kept as long as it is. */
export const markAttached = (ids: readonly string[], dossierCode: string): void => {
  for (const id of ids) {
    const record = state.uploads.get(id);
    if (record && record.attachedTo === null) record.attachedTo = dossierCode;
  }
};
