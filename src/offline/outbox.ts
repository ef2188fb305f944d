import { ApiError, isApiError } from '../api/errors.ts';
import { InvalidValuesProblem, type FieldError } from '../api/problem/schema.ts';
import type { DocumentRef } from '../api/dossiers/schema.ts';
import { AnswersNotOnBehalf, NOT_ON_BEHALF, NOT_ON_BEHALF_MESSAGE } from '../api/procedures/on-behalf.ts';
import { trackWrite } from './storage-health.ts';
import { deleteOutboxItem, getOutboxItem, getPost, listAssistedOutbox, listOutbox, listPosts, putOutboxItem, putPost, saveDraft, type Attachment, type OutboxItem, type OutboxPost } from './personal-db.ts';
import { consentGone, readActingSession } from '../auth/session.ts';
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
  /** `token`: a resident's delegated token (assisted mode), instead of the session's. */
  upload(file: Blob, name: string, key: string, onProgress: (fraction: number) => void, token?: string): Promise<{ id: string }>;
  submitDossier(item: OutboxItem, documents: DocumentRef[]): Promise<{ code: string }>;
  submitSupplement(item: OutboxItem & { dossierCode: string }, documents: DocumentRef[]): Promise<{ code: string }>;
  /** A rating of a finished dossier: `item.values` is the rating, `item.id` its idempotency key. */
  submitRating(item: OutboxItem & { dossierCode: string }): Promise<{ code: string }>;
  /**
   * Ends a resident's consent at the backend with the volunteer's own token (assisted mode): once
   * the last dossier a help left waiting is sent, nothing needs the consent any more. Unreachable,
   * the end waits as a post of its own (offline/consent-end.ts).
   */
  endConsent(consentId: string, expiresAt?: number): Promise<void>;
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
/** Whether a failed send is worth trying again by itself (anything not an ApiError: the network). */
export const isTransient = (error: unknown): boolean => TRANSIENT.has(isApiError(error) ? error.kind : 'network');

// ---- Assisted mode (docs/domain/assisted.md): a resident's queued dossier at rest ------------

/** What only the opened item holds: the delegated token it is sent with and whose it is. */
export interface AssistedSecret {
  token: string;
  residentName: string;
}
const secrets = new Map<string, AssistedSecret>();
const SEAL_PURPOSE = 'mcs-assisted-outbox-v1';

const toBase64 = (buffer: ArrayBuffer) => {
  let text = '';
  for (const byte of new Uint8Array(buffer)) text += String.fromCharCode(byte);
  return btoa(text);
};
const fromBase64 = (text: string): ArrayBuffer => Uint8Array.from(atob(text), (c) => c.charCodeAt(0)).buffer;

/**
 * An assisted item as it is written: answers, papers, token and the resident's name sealed with
 * the device's non-extractable key (auth/refresh-store.ts); nothing personal in clear. An item
 * already sealed (read back, not opened) is written as it is.
 */
const sealItem = async (item: OutboxItem): Promise<OutboxItem> => {
  const secret = secrets.get(item.id);
  if (!item.assisted || item.assisted.sealed || !secret) return item;
  const { sealJson } = await import('../auth/refresh-store.ts');
  const attachments = item.attachments.map((a) => (a.kind === 'file' ? { ...a, data: toBase64(a.data) } : a));
  const sealed = await sealJson(SEAL_PURPOSE, { values: item.values, form: item.form, attachments, ...secret });
  return { ...item, values: {}, form: undefined, attachments: [], assisted: { ...item.assisted, sealed } };
};

/** The item with its answers and papers back, and its token and resident remembered in memory; undefined when it cannot be opened (key gone). */
export const openItem = async (item: OutboxItem): Promise<OutboxItem | undefined> => {
  if (!item.assisted?.sealed) return item;
  const { openJson } = await import('../auth/refresh-store.ts');
  const clear = (await openJson(SEAL_PURPOSE, item.assisted.sealed)) as
    | { values: OutboxItem['values']; form: OutboxItem['form']; attachments: (Attachment | (Extract<Attachment, { kind: 'file' }> & { data: string }))[]; token: string; residentName: string }
    | undefined;
  if (!clear) return undefined;
  secrets.set(item.id, { token: clear.token, residentName: clear.residentName });
  const attachments = clear.attachments.map((a) => (a.kind === 'file' && typeof a.data === 'string' ? { ...a, data: fromBase64(a.data) } : a)) as Attachment[];
  return { ...item, values: clear.values, form: clear.form, attachments, assisted: { consentId: item.assisted.consentId, expiresAt: item.assisted.expiresAt } };
};

/** The token and resident of an opened assisted item (the transport sends with it). */
export const assistedSecret = (id: string): AssistedSecret | undefined => secrets.get(id);

/** Every resident's dossier waiting on this device, opened (for the volunteer's page). */
export const listAssistedWaiting = async (): Promise<(OutboxItem & { residentName: string })[]> => {
  const opened: (OutboxItem & { residentName: string })[] = [];
  for (const stored of await listAssistedOutbox()) {
    if (stored.state === 'sent') continue;
    const item = await openItem(stored);
    if (item) opened.push({ ...item, residentName: secrets.get(item.id)?.residentName ?? '' });
  }
  return opened;
};

const save = async (item: OutboxItem) => {
  await putOutboxItem(await sealItem(item));
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
  // Filed while helping a resident: sent with their delegated token, sealed at rest.
  const acting = readActingSession();
  const assisted = acting && item.owner === acting.sub ? { consentId: acting.consentId, expiresAt: acting.expiresAt } : undefined;
  const queued: OutboxItem = { ...item, state: 'queued', attempts: 0, progress: 0, createdAt: new Date().toISOString(), ...(assisted ? { assisted } : {}) };
  if (acting && assisted) secrets.set(queued.id, { token: acting.accessToken, residentName: acting.name });
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

/**
 * Refused for its answers, which the citizen fixes on the form: 422 `invalid-values`, or
 * `answer-not-on-behalf` (a choice only the person may make, filed for them by someone else).
 */
export const refusedForAnswers = (code: string | undefined): boolean => code === 'invalid-values' || code === NOT_ON_BEHALF;

/** The answers the backend refused, field by field, when that is what it said (see refusedForAnswers). */
export const refusedFields = (error: ApiError): FieldError[] | undefined => {
  if (error.code === NOT_ON_BEHALF) {
    // Shown beside each field it names, with the form's own message for it.
    const parsed = AnswersNotOnBehalf.safeParse(error.details);
    const named = parsed.success ? parsed.data.answers.map((a) => a.field) : typeof error.details?.field === 'string' ? [error.details.field] : [];
    return named.length > 0 ? [...new Set(named)].map((path) => ({ path, code: NOT_ON_BEHALF_MESSAGE })) : undefined;
  }
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
    const uploaded = await transport.upload(
      fileBytes(file),
      file.name,
      key,
      (fraction) => {
        progressNow.set(item.id, (done + fraction * file.size) / total);
        changed();
      },
      item.assisted ? secrets.get(item.id)?.token : undefined,
    );
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

/**
 * A help ended (End, or idle) while its dossiers waited leaves its consent running at the backend
 * (docs/domain/assisted.md): once the last of them is sent, and no help under that consent runs
 * on the phone, it is ended there too, as End does when nothing waits — the resident sees it ended.
 * Not reached, the transport queues the end (offline/consent-end.ts) for when the signal returns.
 */
const endFinishedConsent = async (consentId: string, expiresAt: number, transport: OutboxTransport) => {
  if (readActingSession()?.consentId === consentId) return;
  // Never a reason to treat the dossier just sent as unsent: any failure here is only ignored.
  try {
    const left = (await listAssistedOutbox()).some((i) => i.assisted?.consentId === consentId && i.state !== 'sent');
    if (!left) await transport.endConsent(consentId, expiresAt);
  } catch {
    // Refused for good, or the phone could not even queue it: the consent still runs out at its end.
  }
};

let running: Promise<void> | undefined;
let again = false;

/**
 * Sends everything queued for this citizen, one item at a time. Single-flight in the tab, and
 * across tabs through the Web Locks API where it exists.
 */
export const drainOutbox = (owner: string, transport: OutboxTransport): Promise<void> => {
  const run = async () => {
    const own = (await listOutbox(owner)).filter((i) => !i.assisted);
    for (const stored of [...own, ...(await listAssistedOutbox())]) {
      // 'sending' left behind by a crash or a closed tab is safe to resume: keys make it idempotent.
      if (stored.state !== 'queued' && stored.state !== 'sending') continue;
      // Told to wait (429 with Retry-After): not before then; the rest are sent meanwhile.
      if (waitingUntil(stored) !== undefined) continue;
      if (typeof navigator !== 'undefined' && navigator.onLine === false) return;
      // A resident's dossier: opened with the device key, and not sent once its consent has ended
      // (kept: the resident must give a new consent, docs/domain/assisted.md).
      const item = await openItem(stored);
      if (!item) continue;
      if (item.assisted && item.assisted.expiresAt * 1000 <= Date.now()) {
        await save({ ...item, state: 'failed', lastError: { kind: 'client', code: 'consent-expired' }, progress: 0 });
        continue;
      }
      try {
        const sent = await sendOne(item, transport);
        // Sent: nothing of the resident stays (while still helping them, the bare record does, to open the receipt).
        if (sent.assisted) {
          secrets.delete(sent.id);
          if (readActingSession()?.sub === sent.owner) await save({ ...sent, values: {}, form: undefined, attachments: [], assisted: { consentId: sent.assisted.consentId, expiresAt: 0 } });
          else await deleteOutboxItem(sent.id);
          changed();
          await endFinishedConsent(sent.assisted.consentId, sent.assisted.expiresAt, transport);
        }
      } catch (error) {
        const lost = error instanceof FileLost ? error : undefined;
        const kind = isApiError(error) ? error.kind : lost ? 'invalid-input' : 'network';
        const code = isApiError(error) ? error.code : lost ? 'upload-lost' : undefined;
        const requirements = refusedRequirements(error);
        const fields = isApiError(error) ? refusedFields(error) : undefined;
        const stored = await getOutboxItem(item.id);
        const latest = (stored && (await openItem(stored))) ?? item;
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
/** Owners asked for while a pass was running (the anonymous sender's pass, then a citizen's): one more pass for them. */
const postsAskedFor = new Set<string>();

/**
 * Sends the queued posts of these owners ('' for anonymous ones), oldest first, each no sooner
 * than the backend allowed. Single-flight in the tab; the key makes a second tab's send harmless.
 */
export const drainPosts = (owners: readonly string[], transport: PostTransport, now: () => number = Date.now): Promise<void> => {
  owners.forEach((o) => postsAskedFor.add(o));
  postsRunning ??= (async () => {
    try {
      while (postsAskedFor.size > 0) {
        const asked = [...postsAskedFor];
        postsAskedFor.clear();
        await drainPostsOf(asked, transport, now);
      }
    } finally {
      postsRunning = undefined;
    }
  })();
  return postsRunning;
};

const drainPostsOf = async (owners: readonly string[], transport: PostTransport, now: () => number): Promise<void> => {
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
};

/**
 * The resident gave a new consent while a dossier of theirs waited past the old one's end (or its
 * revocation): it goes with the new delegated token (docs/domain/assisted.md). Returns how many
 * were re-queued.
 */
export const rebindAssisted = async (owner: string, delegation: { token: string; residentName: string; consentId: string; expiresAt: number }): Promise<number> => {
  let count = 0;
  for (const stored of await listAssistedOutbox()) {
    if (stored.owner !== owner || stored.state !== 'failed' || !consentGone(stored.lastError?.code)) continue;
    const item = await openItem(stored);
    if (!item) continue;
    secrets.set(item.id, { token: delegation.token, residentName: delegation.residentName });
    await save({ ...item, state: 'queued', lastError: undefined, assisted: { consentId: delegation.consentId, expiresAt: delegation.expiresAt } });
    count++;
  }
  return count;
};
