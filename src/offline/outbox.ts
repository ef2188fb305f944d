import { ApiError, isApiError } from '../api/errors.ts';
import { InvalidValuesProblem, type FieldError } from '../api/problem/schema.ts';
import type { DocumentRef } from '../api/dossiers/schema.ts';
import { trackWrite } from './storage-health.ts';
import { deleteOutboxItem, getOutboxItem, getPost, listOutbox, listPosts, putOutboxItem, putPost, saveDraft, type Attachment, type OutboxItem, type OutboxPost } from './personal-db.ts';
import { setPostsWaiting } from './posts-waiting.ts';

/**
 * The outbox: submitting writes the dossier and its files to IndexedDB first, then this sends
 * them when there is a connection — on app start, on `online`, when the page becomes visible,
 * and on Background Sync where the browser has it (docs/architecture/decisions.md, 2: Safari never fires it, and
 * Workbox's queue would store the Authorization header, so the queue is ours). The worker holds
 * no session, so Background Sync only wakes an open page; with the app closed, the dossier waits
 * safely on the phone until the app is next opened — the waiting page says so.
 *
 * Ratings of finished dossiers go the same way (no files: one request).
 *
 * Exactly once: each file upload and the submission carry an idempotency key that never
 * changes for that item, so a retry after a dropped connection returns what the backend
 * already holds instead of creating a second dossier.
 */
export interface OutboxTransport {
  upload(file: Blob, name: string, key: string, onProgress: (fraction: number) => void): Promise<{ id: string }>;
  submitDossier(item: OutboxItem, documents: DocumentRef[]): Promise<{ code: string }>;
  submitSupplement(item: OutboxItem & { dossierCode: string }, documents: DocumentRef[]): Promise<{ code: string }>;
  /** A rating of a finished dossier: `item.values` is the rating, `item.id` its idempotency key. */
  submitRating(item: OutboxItem & { dossierCode: string }): Promise<{ code: string }>;
}

const listeners = new Set<() => void>();
export const subscribeOutbox = (listener: () => void): (() => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const changed = () => listeners.forEach((l) => l());

/**
 * Upload progress while a file is on its way (0–1 for the whole item). Kept in memory, not
 * written to IndexedDB on every tick: pages read it through `liveProgress`.
 */
const progressNow = new Map<string, number>();
export const liveProgress = (item: Pick<OutboxItem, 'id' | 'progress' | 'state'>): number =>
  item.state === 'sending' ? (progressNow.get(item.id) ?? item.progress) : item.progress;

/** Errors worth retrying by themselves; anything else waits for the citizen. */
const TRANSIENT = new Set(['offline', 'network', 'timeout', 'server', 'rate-limited', 'unauthorized']);

const save = async (item: OutboxItem) => {
  await putOutboxItem(item);
  changed();
};

type SyncRegistration = ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } };
const registerSync = async () => {
  try {
    const registration = (await navigator.serviceWorker?.getRegistration()) as SyncRegistration | undefined;
    await registration?.sync?.register('mcs-outbox');
  } catch {
    // No Background Sync: the online and visibility triggers do the same job.
  }
};

export const enqueue = async (item: Omit<OutboxItem, 'state' | 'attempts' | 'progress' | 'createdAt'>): Promise<OutboxItem> => {
  const queued: OutboxItem = { ...item, state: 'queued', attempts: 0, progress: 0, createdAt: new Date().toISOString() };
  // Not written (storage full, broken): the caller shows it; nothing claims it is waiting.
  await trackWrite('outbox', save(queued));
  // Where the browser has Background Sync, it wakes us when the connection comes back. Never
  // wait on `serviceWorker.ready`: with no registration yet (first visit, offline) it never settles.
  void registerSync();
  return queued;
};

/** After a refused item was fixed or the citizen asked to try again now. */
export const retry = async (id: string): Promise<void> => {
  const item = await getOutboxItem(id);
  if (item && item.state !== 'sent') await save({ ...item, state: 'queued', lastError: undefined, retryAt: undefined });
};

/** The answers the backend refused, field by field, when that is what it said (422 `invalid-values`). */
export const refusedFields = (error: ApiError): FieldError[] | undefined => {
  if (error.code !== 'invalid-values') return undefined;
  const parsed = InvalidValuesProblem.safeParse(error.details);
  return parsed.success ? parsed.data.errors : undefined;
};

/**
 * A dossier the backend refused for its answers goes back to being a draft: the form as the
 * citizen filled it, the papers they chose, and the refused answers to show next to the fields.
 * The queued item goes (it was never numbered); submitting again queues a new one.
 */
export const returnToForm = async (item: OutboxItem): Promise<void> => {
  if (item.state !== 'failed' || item.type !== 'dossier') return;
  const form = item.form;
  await saveDraft({
    owner: item.owner,
    procedureId: item.procedureId,
    procedureName: item.procedureName,
    definitionVersion: form?.definitionVersion ?? 0,
    values: form?.values ?? item.values,
    provenance: form?.provenance ?? {},
    prefilledCount: form?.prefilledCount ?? 0,
    updatedAt: new Date().toISOString(),
    attachments: item.attachments,
    ...(item.lastError?.fields ? { serverErrors: item.lastError.fields } : {}),
  });
  await deleteOutboxItem(item.id);
  changed();
};


/** Waiting out a 429: not to be sent before its `retryAt`. */
export const waitingUntil = (item: Pick<OutboxItem, 'retryAt'>, now = Date.now()): number | undefined => {
  const at = item.retryAt ? Date.parse(item.retryAt) : NaN;
  return Number.isFinite(at) && at > now ? at : undefined;
};

type FileAttachment = Extract<Attachment, { kind: 'file' }>;

/** The file of a file attachment is gone from the device: it can no longer be sent again. */
class FileLost extends Error {
  readonly fileName: string;
  constructor(fileName: string) {
    super(`The file ${fileName} is no longer on this device`);
    this.fileName = fileName;
  }
}

const fileBytes = (a: FileAttachment) => new Blob([a.data], { type: a.mime });

/**
 * The upload the backend no longer knows (`unknown-document`, e.g. deleted after 24 h
 * unattached): the attachment it was for, when the problem names one of ours.
 */
const expiredUpload = (error: unknown, item: OutboxItem): FileAttachment | undefined => {
  if (!isApiError(error) || error.code !== 'unknown-document') return undefined;
  const ref = error.details?.document;
  return item.attachments.find((a): a is FileAttachment => a.kind === 'file' && a.uploadId !== undefined && a.uploadId === ref);
};

const sendOne = async (initial: OutboxItem, transport: OutboxTransport): Promise<OutboxItem> => {
  let item: OutboxItem = { ...initial, state: 'sending', attempts: initial.attempts + 1, lastError: undefined, retryAt: undefined };
  await save(item);
  const files = item.attachments.filter((a): a is Extract<Attachment, { kind: 'file' }> => a.kind === 'file');
  const total = files.reduce((n, f) => n + f.size, 0) || 1;
  let done = files.filter((f) => f.uploadId).reduce((n, f) => n + f.size, 0);
  const uploadFile = async (file: FileAttachment, key: string) => {
    if (file.data.byteLength === 0) throw new FileLost(file.name);
    const uploaded = await transport.upload(fileBytes(file), file.name, key, (fraction) => {
      progressNow.set(item.id, (done + fraction * file.size) / total);
      changed();
    });
    done += file.size;
    // Remember each finished upload at once: a crash now does not send the file again.
    item = { ...item, progress: done / total, attachments: item.attachments.map((a) => (a === file ? { ...file, key, uploadId: uploaded.id } : a)) };
    await save(item);
  };
  for (const file of files) if (!file.uploadId) await uploadFile(file, file.key);
  const submit = () => {
    const documents: DocumentRef[] = item.attachments.map((a) =>
      a.kind === 'data-store'
        ? { requirement: a.requirement, source: 'data-store', ref: a.documentId }
        : { requirement: a.requirement, source: 'upload', ref: a.uploadId ?? '' },
    );
    return item.type === 'rating' && item.dossierCode
      ? transport.submitRating({ ...item, dossierCode: item.dossierCode })
      : item.type === 'supplement' && item.dossierCode
        ? transport.submitSupplement({ ...item, dossierCode: item.dossierCode }, documents)
        : transport.submitDossier(item, documents);
  };
  let result: { code: string };
  try {
    result = await submit();
  } catch (error) {
    // An upload that expired on the server (unattached uploads go after 24 h): send the file
    // kept on the device again, under a new key (the old one names the deleted upload), and
    // submit once more. Once only: a second refusal is the citizen's to see.
    const expired = expiredUpload(error, item);
    if (!expired) throw error;
    done -= expired.size;
    await uploadFile(expired, crypto.randomUUID());
    result = await submit();
  }
  // Sent: the files' bytes are no longer needed on the device.
  const sent: OutboxItem = {
    ...item,
    state: 'sent',
    progress: 1,
    dossierCode: result.code,
    attachments: item.attachments.map((a) => (a.kind === 'file' ? { ...a, data: new ArrayBuffer(0) } : a)),
  };
  await save(sent);
  return sent;
};

/** The requirements a `papers-refused` problem names. */
const refusedRequirements = (error: unknown): string[] | undefined => {
  if (!(error instanceof ApiError) || error.code !== 'papers-refused' || !Array.isArray(error.details?.papers)) return undefined;
  return error.details.papers.flatMap((p: unknown) => (p && typeof p === 'object' && typeof (p as { requirement?: unknown }).requirement === 'string' ? [(p as { requirement: string }).requirement] : []));
};

let running: Promise<void> | undefined;
let again = false;

/**
 * Sends everything queued for this citizen, one item at a time. Single-flight in the tab, and
 * across tabs through the Web Locks API where it exists.
 */
export const drainOutbox = (owner: string, transport: OutboxTransport): Promise<void> => {
  const run = async () => {
    for (const item of await listOutbox(owner)) {
      // 'sending' left behind by a crash or a closed tab is safe to resume: keys make it idempotent.
      if (item.state !== 'queued' && item.state !== 'sending') continue;
      // Told to wait (429 with Retry-After): not before then; the rest are sent meanwhile.
      if (waitingUntil(item) !== undefined) continue;
      if (typeof navigator !== 'undefined' && navigator.onLine === false) return;
      try {
        await sendOne(item, transport);
      } catch (error) {
        const lost = error instanceof FileLost ? error : undefined;
        const kind = isApiError(error) ? error.kind : lost ? 'invalid-input' : 'network';
        const code = isApiError(error) ? error.code : lost ? 'upload-lost' : undefined;
        const requirements = refusedRequirements(error);
        const fields = isApiError(error) ? refusedFields(error) : undefined;
        const latest = (await getOutboxItem(item.id)) ?? item;
        // Refused with 429: wait as long as the backend said before trying again.
        const retryAt = isApiError(error) && error.kind === 'rate-limited' && error.retryAt ? error.retryAt.toISOString() : undefined;
        const lastError = { kind, code, ...(fields ? { fields } : {}), ...(requirements ? { requirements } : {}), ...(lost ? { fileName: lost.fileName } : {}) };
        // Another tab (without Web Locks) may have sent it meanwhile: never undo that.
        if (latest.state !== 'sent') await save({ ...latest, state: TRANSIENT.has(kind) ? 'queued' : 'failed', lastError, progress: 0, retryAt });
        // The connection or the session is gone: the rest would fail the same way.
        if (TRANSIENT.has(kind)) return;
      } finally {
        progressNow.delete(item.id);
      }
    }
  };
  // Asked again while sending (a new submission): one more pass once this one ends.
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    try {
      const locks = typeof navigator !== 'undefined' ? (navigator as Navigator & { locks?: LockManager }).locks : undefined;
      do {
        again = false;
        await (locks ? locks.request('mcs-outbox', run) : run());
      } while (again);
    } finally {
      running = undefined;
    }
  })();
  return running;
};

// ---------------------------------------------------------------------------------------------
// Posts: small JSON requests (a problem report), queued the same way and sent exactly once.
// ---------------------------------------------------------------------------------------------

export interface PostTransport {
  /** Sends the post with its id as the Idempotency-Key; throws an ApiError when refused. */
  send(post: OutboxPost): Promise<void>;
}

const savePost = async (post: OutboxPost) => {
  await putPost(post);
  changed();
};

/** Queues a post; the caller keeps the same id as the key if it already tried to send it. */
export const enqueuePost = async (post: Pick<OutboxPost, 'id' | 'owner' | 'kind' | 'body'>): Promise<OutboxPost> => {
  const queued: OutboxPost = { ...post, state: 'queued', attempts: 0, createdAt: new Date().toISOString(), lastError: undefined };
  await trackWrite('outbox', savePost(queued));
  setPostsWaiting(true);
  void registerSync();
  return queued;
};

export const readPost = (id: string): Promise<OutboxPost | undefined> => getPost(id);

let postsRunning: Promise<void> | undefined;

/**
 * Sends the queued posts of these owners ('' for anonymous ones), oldest first, each no sooner
 * than the backend allowed. Single-flight in the tab; the key makes a second tab's send harmless.
 */
export const drainPosts = (owners: readonly string[], transport: PostTransport, now: () => number = Date.now): Promise<void> => {
  postsRunning ??= (async () => {
    try {
      const posts = await listPosts(owners);
      for (const post of posts) {
        if (post.state !== 'queued' && post.state !== 'sending') continue;
        if (post.retryAt && Date.parse(post.retryAt) > now()) continue;
        if (typeof navigator !== 'undefined' && navigator.onLine === false) break;
        const sending: OutboxPost = { ...post, state: 'sending', attempts: post.attempts + 1, lastError: undefined };
        await savePost(sending);
        try {
          await transport.send(sending);
          // Sent: what was typed is no longer needed on the device.
          await savePost({ ...sending, state: 'sent', body: {}, retryAt: undefined });
        } catch (error) {
          const kind = isApiError(error) ? error.kind : 'network';
          const code = isApiError(error) ? error.code : undefined;
          const retryAt = isApiError(error) && error.retryAt ? error.retryAt.toISOString() : undefined;
          await savePost({ ...sending, state: TRANSIENT.has(kind) ? 'queued' : 'failed', lastError: { kind, code }, retryAt });
          if (TRANSIENT.has(kind) && kind !== 'rate-limited') break;
        }
      }
      const left = await listPosts(owners);
      setPostsWaiting(left.some((p) => p.state === 'queued' || p.state === 'sending'));
    } finally {
      postsRunning = undefined;
    }
  })();
  return postsRunning;
};
