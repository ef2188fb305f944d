import { deleteDB, openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { z } from 'zod/mini';
import { API_ERROR_KINDS } from '../api/errors.ts';
import { SourceId } from '../api/me/schema.ts';
import { FieldError } from '../api/problem/schema.ts';
import { FilerRelationship } from '../api/procedures/schema.ts';
import { registerPersonWipe, registerWipe } from '../auth/wipe.ts';

/**
 * The one IndexedDB database that holds personal data (drafts, the outbox of unsent
 * submissions with their files, the last known dossiers). One database so that wiping a person off the device is one deleteDB.
 *
 * What it holds is described by the schemas below and parsed whenever it is read back: a record
 * written by an older version of the app is brought up to date where its meaning is clear
 * (fields it did not have yet get their neutral value), and otherwise deleted and reported —
 * a page never crashes on what an earlier version left on the phone.
 */
const nonEmpty = () => z.string().check(z.minLength(1));
const timestamp = () => z.iso.datetime({ offset: true });
const count = () => z.int().check(z.minimum(0));
/** Bytes survive IndexedDB's structured clone as an ArrayBuffer (of whichever realm cloned it). */
const bytes = () => z.custom<ArrayBuffer>((v) => Object.prototype.toString.call(v) === '[object ArrayBuffer]', 'Expected an ArrayBuffer');

export const FieldProvenance = z.object({
  /** The data-store source the value came from. */
  source: SourceId,
  retrievedAt: timestamp(),
  locked: z.boolean(),
  path: z.string(),
});
export type FieldProvenance = z.infer<typeof FieldProvenance>;

/**
 * The requirement (its id, RequiredDocument.id) a paper is for; null for an extra paper. Older
 * versions kept the requirement's position in the list, which is no longer meaningful on its
 * own: such a paper is kept as an extra one, and if the office misses it the citizen is told which
 * paper to attach (papers-refused), with nothing lost.
 */
const RequirementRef = z.pipe(
  z.nullable(z.union([z.string().check(z.minLength(1)), z.int()])),
  z.transform((value): string | null => (typeof value === 'string' ? value : null)),
);

/** A paper attached to a dossier: reused from the data store, or a file kept on the device. */
export const Attachment = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('data-store'), requirement: RequirementRef, documentId: nonEmpty(), title: z.string() }),
  z.object({
    kind: z.literal('file'),
    requirement: RequirementRef,
    /** Stable per file: the upload's Idempotency-Key, so a retried upload is stored once. */
    key: nonEmpty(),
    name: z.string(),
    mime: z.enum(['application/pdf', 'image/jpeg', 'image/png']),
    /** Bytes as an ArrayBuffer: Safari's private mode refuses Blobs in IndexedDB. */
    data: bytes(),
    size: count(),
    /** Set once the backend has the file. */
    uploadId: z.optional(nonEmpty()),
  }),
]);
export type Attachment = z.infer<typeof Attachment>;

/**
 * Provenance of the fields that came from the data store. An entry an older version wrote with
 * a source this version no longer knows is left out: the value stays, it just stops claiming
 * where it came from.
 */
const ProvenanceMap = z.pipe(
  z._default(z.record(z.string(), z.unknown()), {}),
  z.transform((entries): Record<string, FieldProvenance> => {
    const kept: Record<string, FieldProvenance> = {};
    for (const [field, entry] of Object.entries(entries)) {
      const parsed = z.safeParse(FieldProvenance, entry);
      if (parsed.success) kept[field] = parsed.data;
    }
    return kept;
  }),
);

export const Draft = z.object({
  /** The citizen (subject id) the draft belongs to: nobody else ever sees it. */
  owner: nonEmpty(),
  procedureId: nonEmpty(),
  procedureName: z.string(),
  definitionVersion: z.int(),
  values: z.record(z.string(), z.unknown()),
  /** Which values came from the data store, kept so the form renders offline after a reload. */
  provenance: ProvenanceMap,
  /** Drafts from before the count was kept: nothing is claimed as pre-filled. */
  prefilledCount: z._default(count(), 0),
  updatedAt: timestamp(),
  /** Papers picked on the documents step, kept with the answers until submission. */
  attachments: z.optional(z.array(Attachment)),
  /** Filing for someone else where the procedure asks (assisted mode): who the one filing is to them. */
  relationship: z.optional(FilerRelationship),
  /** Answers the backend refused (on check, or a queued submission), shown next to the fields until the form is checked again. */
  serverErrors: z.optional(z.array(FieldError)),
});
export type Draft = z.infer<typeof Draft>;

/** The form as the citizen left it, kept with a queued dossier so a refusal can take them back to it with nothing lost. */
const FormSnapshot = z.object({
  values: z.record(z.string(), z.unknown()),
  provenance: ProvenanceMap,
  prefilledCount: z._default(count(), 0),
  definitionVersion: z.int(),
});

export const OutboxState = z.enum(['queued', 'sending', 'sent', 'failed']);
export type OutboxState = z.infer<typeof OutboxState>;

/** An error an older version recorded with a kind this one does not know reads as "unknown". */
const LastError = z.catch(
  z.optional(
    z.object({
      kind: z.enum(API_ERROR_KINDS),
      code: z.optional(z.string()),
      /** `invalid-values` or `answer-not-on-behalf`: which answers the backend refused, and why. */
      fields: z.optional(z.array(FieldError)),
      /** The requirements the office refused (papers-refused), by id. */
      requirements: z.optional(z.array(z.string())),
      /** The file that is no longer on the device (upload-lost), by name. */
      fileName: z.optional(z.string()),
    }),
  ),
  undefined,
);

/** A submission waiting to reach the backend; sent exactly once thanks to its idempotency key. */
export const OutboxItem = z.object({
  /** Also the Idempotency-Key of the submission. */
  id: nonEmpty(),
  owner: nonEmpty(),
  /**
   * 'dossier': a new application; 'supplement': papers added to an existing dossier; 'rating':
   * the citizen's rating of a finished dossier (`values` is the rating, no attachments).
   */
  type: z.enum(['dossier', 'supplement', 'rating']),
  procedureId: nonEmpty(),
  procedureName: z.string(),
  /** For supplements and ratings: the dossier they belong to. After sending: the dossier's code. */
  dossierCode: z.optional(nonEmpty()),
  values: z.record(z.string(), z.unknown()),
  /** Dossiers: the form as it was filled in (values as typed, where they came from). */
  form: z.optional(FormSnapshot),
  attachments: z._default(z.array(Attachment), []),
  /** Dossiers filed for someone else where the procedure asks: who the one filing is to them (names no one). */
  onBehalf: z.optional(z.object({ relationship: FilerRelationship })),
  state: OutboxState,
  createdAt: timestamp(),
  attempts: z._default(count(), 0),
  /** Translated from this error kind/code; 'failed' items need the citizen to act. */
  lastError: LastError,
  /** 0..1 while uploading. */
  progress: z.catch(z.number().check(z.minimum(0), z.maximum(1)), 0),
  /** Refused with 429: not tried again before this time (the backend's Retry-After). */
  retryAt: z.catch(z.optional(timestamp()), undefined),
  /**
   * Filed by a volunteer for a resident (docs/domain/assisted.md): sent with the resident's
   * delegated token, whoever is signed in. At rest, the answers, papers, the token and the
   * resident's name are in `sealed` only (AES-GCM under the device's non-extractable key, see
   * offline/outbox.ts); `values` and `attachments` are empty there.
   */
  assisted: z.optional(
    z.object({
      consentId: nonEmpty(),
      /** The delegated token's end (seconds since the epoch): after it the consent must be given again. */
      expiresAt: z.number(),
      sealed: z.optional(z.object({ iv: z.custom<Uint8Array<ArrayBuffer>>((v) => Object.prototype.toString.call(v) === '[object Uint8Array]', 'Expected bytes'), data: bytes() })),
    }),
  ),
});
export type OutboxItem = z.infer<typeof OutboxItem>;

/**
 * A small JSON post waiting to reach the backend (a problem report; other kinds may follow),
 * sent exactly once thanks to its idempotency key. `owner` is the citizen's sub, or '' for an
 * anonymous post made without signing in (kept when someone signs in; gone with a wipe).
 */
export const OutboxPost = z.object({
  /** Also the Idempotency-Key. */
  id: nonEmpty(),
  owner: z.string(),
  /**
   * A problem report; a resident's rating of a volunteer's help (body: consentId, overall,
   * comment?); the end of a help's consent, the volunteer's (body: consentId, nothing else).
   */
  kind: z.enum(['problem-report', 'help-rating', 'consent-end']),
  body: z.record(z.string(), z.unknown()),
  state: OutboxState,
  createdAt: timestamp(),
  attempts: z._default(count(), 0),
  lastError: LastError,
  /** Not before this time: the backend said when to try again (429 Retry-After). */
  retryAt: z.optional(timestamp()),
});
export type OutboxPost = z.infer<typeof OutboxPost>;

/** The last known state of the citizen's dossiers, shown with its time when offline. */
export const DossierSnapshot = z.object({
  owner: nonEmpty(),
  key: nonEmpty(),
  fetchedAt: timestamp(),
  /** As returned by the API (parsed again, with the API's schema, by whoever reads it). */
  data: z.unknown(),
});
export type DossierSnapshot = z.infer<typeof DossierSnapshot>;

export type PersonalStore = 'drafts' | 'outbox' | 'snapshots' | 'posts';

/** Something this version could not read, and deleted. */
export interface DroppedRecord {
  store: PersonalStore;
  key: IDBValidKey;
  issues: string;
}

const droppedListeners = new Set<(dropped: DroppedRecord) => void>();
/** What this page dropped so far, for a page that opens after the reading happened elsewhere. */
const droppedHere: DroppedRecord[] = [];

/** How many unreadable records of this store were dropped since the page (or this person's session) began. */
export const droppedCount = (store: PersonalStore): number => droppedHere.filter((d) => d.store === store).length;

/** Told of every record dropped as unreadable (the page that asked for it also learns it). */
export const onRecordDropped = (listener: (dropped: DroppedRecord) => void): (() => void) => {
  droppedListeners.add(listener);
  return () => droppedListeners.delete(listener);
};

/**
 * Parses a stored record; deletes it (and reports it) when it cannot be read. The delete is
 * best effort: a record that stays simply gets dropped again next time.
 */
const parseStored = async <S extends z.ZodMiniType>(store: PersonalStore, schema: S, key: IDBValidKey, raw: unknown): Promise<z.infer<S> | undefined> => {
  const parsed = z.safeParse(schema, raw);
  if (parsed.success) return parsed.data;
  const dropped: DroppedRecord = { store, key, issues: parsed.error.issues.map((i) => `${i.path.join('.') || '(record)'}: ${i.message}`).join('; ') };
  console.warn(`Dropped an unreadable ${store} record written by an older version`, dropped);
  droppedHere.push(dropped);
  for (const listener of droppedListeners) listener(dropped);
  await (await personalDb())
    .delete(store, key as never)
    .catch(() => undefined);
  return undefined;
};

const parseAll = async <S extends z.ZodMiniType>(store: PersonalStore, schema: S, keys: IDBValidKey[], raws: unknown[]): Promise<z.infer<S>[]> => {
  const parsed: z.infer<S>[] = [];
  for (const [i, raw] of raws.entries()) {
    const value = await parseStored(store, schema, keys[i] ?? [], raw);
    if (value !== undefined) parsed.push(value);
  }
  return parsed;
};

interface PersonalDb extends DBSchema {
  drafts: { key: [string, string]; value: Draft; indexes: { owner: string } };
  outbox: { key: string; value: OutboxItem; indexes: { owner: string } };
  snapshots: { key: [string, string]; value: DossierSnapshot };
  posts: { key: string; value: OutboxPost; indexes: { owner: string } };
}

export const PERSONAL_DB = 'mcs-personal';
let connection: Promise<IDBPDatabase<PersonalDb>> | undefined;
/**
 * Set by the wipe: from then on nothing on this page may write personal data again — an upload
 * that finishes after sign-out must not bring the signed-out citizen's dossier back. A new
 * person's session (sign-in lands on a fresh page; a kiosk or an assisted session that continues
 * on the same page) calls `beginPersonalSession`.
 */
let wiped = false;

export const beginPersonalSession = (): void => {
  wiped = false;
  droppedHere.length = 0;
};

export const personalDb = (): Promise<IDBPDatabase<PersonalDb>> => {
  if (wiped) return Promise.reject(new Error('Personal data was wiped on this page'));
  connection ??= openDB<PersonalDb>(PERSONAL_DB, 3, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        const drafts = db.createObjectStore('drafts', { keyPath: ['owner', 'procedureId'] });
        drafts.createIndex('owner', 'owner');
      }
      if (oldVersion < 2) {
        db.createObjectStore('outbox', { keyPath: 'id' }).createIndex('owner', 'owner');
        db.createObjectStore('snapshots', { keyPath: ['owner', 'key'] });
      }
      if (oldVersion < 3) db.createObjectStore('posts', { keyPath: 'id' }).createIndex('owner', 'owner');
    },
    // Another tab wants to delete or upgrade the database: let it.
    blocking() {
      void closePersonalDb();
    },
    // The browser dropped the connection (iOS Safari does): open a new one next time.
    terminated() {
      connection = undefined;
    },
  });
  return connection;
};

export const closePersonalDb = async (): Promise<void> => {
  const open = connection;
  connection = undefined;
  if (open) (await open.catch(() => undefined))?.close();
};

registerWipe('personal-db', async () => {
  wiped = true;
  await closePersonalDb();
  // A tab that never lets go must not hang the sign-out (wipe.ts then tries once more).
  await Promise.race([deleteDB(PERSONAL_DB), new Promise((resolve) => setTimeout(resolve, 3000))]);
});

export const saveDraft = async (draft: Draft): Promise<void> => {
  await (await personalDb()).put('drafts', draft);
};

/** The draft on the device, and whether one was there but unreadable (and is now gone). */
export const readDraft = async (owner: string, procedureId: string): Promise<{ draft: Draft | undefined; dropped: boolean }> => {
  const raw: unknown = await (await personalDb()).get('drafts', [owner, procedureId]);
  if (raw === undefined) return { draft: undefined, dropped: false };
  const draft = await parseStored('drafts', Draft, [owner, procedureId], raw);
  return { draft, dropped: draft === undefined };
};

export const loadDraft = async (owner: string, procedureId: string): Promise<Draft | undefined> => (await readDraft(owner, procedureId)).draft;

export const listDrafts = async (owner: string): Promise<Draft[]> => {
  const db = await personalDb();
  const [raws, keys] = await Promise.all([db.getAllFromIndex('drafts', 'owner', owner), db.getAllKeysFromIndex('drafts', 'owner', owner)]);
  const drafts = await parseAll('drafts', Draft, keys, raws);
  return drafts.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
};

export const deleteDraft = async (owner: string, procedureId: string): Promise<void> => {
  await (await personalDb()).delete('drafts', [owner, procedureId]);
};

/**
 * A device holds one citizen's drafts at a time: when someone else signs in (the previous
 * person's session expired without a sign-out), what they left behind goes — including what
 * cannot even be read any more.
 */
export const dropDraftsNotOwnedBy = async (owner: string): Promise<void> => {
  const db = await personalDb();
  for (const store of ['drafts', 'outbox', 'snapshots', 'posts'] as const) {
    const tx = db.transaction(store, 'readwrite');
    for await (const cursor of tx.store) {
      const left = (cursor.value as { owner?: unknown } | undefined)?.owner;
      // An anonymous post (a problem report) belongs to nobody: it still waits to be sent; a
      // resident's dossier queued by a volunteer waits for the signal whoever signs in.
      const assisted = store === 'outbox' && (cursor.value as { assisted?: unknown }).assisted !== undefined;
      if (left !== owner && !(store === 'posts' && left === '') && !assisted) await cursor.delete();
    }
    await tx.done;
  }
};

/**
 * The end of helping a resident: everything of theirs goes — drafts, snapshots, posts, outbox
 * items already sent or never queued — except their dossiers still waiting to be sent (sealed).
 */
export const dropEverythingOf = async (owner: string): Promise<void> => {
  const db = await personalDb();
  for (const store of ['drafts', 'outbox', 'snapshots', 'posts'] as const) {
    const tx = db.transaction(store, 'readwrite');
    for await (const cursor of tx.store) {
      const value = cursor.value as { owner?: unknown; assisted?: unknown; state?: unknown };
      if (value.owner !== owner) continue;
      const waiting = store === 'outbox' && value.assisted !== undefined && value.state !== 'sent';
      if (!waiting) await cursor.delete();
    }
    await tx.done;
  }
};

registerPersonWipe('personal-db', (owner) => dropEverythingOf(owner));

/** Every resident's dossier queued by a volunteer on this device, whoever it belongs to. */
export const listAssistedOutbox = async (): Promise<OutboxItem[]> => {
  const db = await personalDb();
  const [raws, keys] = await Promise.all([db.getAll('outbox'), db.getAllKeys('outbox')]);
  const items = await parseAll('outbox', OutboxItem, keys, raws);
  return items.filter((i) => i.assisted !== undefined).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
};

export const putOutboxItem = async (item: OutboxItem): Promise<void> => {
  await (await personalDb()).put('outbox', item);
};

export const getOutboxItem = async (id: string): Promise<OutboxItem | undefined> => {
  const raw: unknown = await (await personalDb()).get('outbox', id);
  return raw === undefined ? undefined : parseStored('outbox', OutboxItem, id, raw);
};

export const listOutbox = async (owner: string): Promise<OutboxItem[]> => {
  const db = await personalDb();
  const [raws, keys] = await Promise.all([db.getAllFromIndex('outbox', 'owner', owner), db.getAllKeysFromIndex('outbox', 'owner', owner)]);
  const items = await parseAll('outbox', OutboxItem, keys, raws);
  return items.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
};

export const deleteOutboxItem = async (id: string): Promise<void> => {
  await (await personalDb()).delete('outbox', id);
};

export const saveSnapshot = async (owner: string, key: string, data: unknown): Promise<void> => {
  await (await personalDb()).put('snapshots', { owner, key, data, fetchedAt: new Date().toISOString() });
};

export const loadSnapshot = async (owner: string, key: string): Promise<DossierSnapshot | undefined> => {
  const raw: unknown = await (await personalDb()).get('snapshots', [owner, key]);
  return raw === undefined ? undefined : parseStored('snapshots', DossierSnapshot, [owner, key], raw);
};

export const putPost = async (post: OutboxPost): Promise<void> => {
  await (await personalDb()).put('posts', post);
};

export const getPost = async (id: string): Promise<OutboxPost | undefined> => {
  const raw: unknown = await (await personalDb()).get('posts', id);
  return raw === undefined ? undefined : parseStored('posts', OutboxPost, id, raw);
};

/** The posts of these owners ('' for anonymous ones), oldest first. */
export const listPosts = async (owners: readonly string[]): Promise<OutboxPost[]> => {
  const db = await personalDb();
  const posts: OutboxPost[] = [];
  for (const owner of owners) {
    const [raws, keys] = await Promise.all([db.getAllFromIndex('posts', 'owner', owner), db.getAllKeysFromIndex('posts', 'owner', owner)]);
    posts.push(...(await parseAll('posts', OutboxPost, keys, raws)));
  }
  return posts.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
};

export const deletePost = async (id: string): Promise<void> => {
  await (await personalDb()).delete('posts', id);
};
