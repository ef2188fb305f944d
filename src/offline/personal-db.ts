import { deleteDB, openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { registerWipe } from '../auth/wipe.ts';

/**
 * The one IndexedDB database that holds personal data (drafts, the outbox of unsent
 * submissions with their files, the last known dossiers). One database so that wiping a person off the device is one deleteDB.
 */
export interface FieldProvenance {
  /** Data-store source id ('population-db', …). */
  source: string;
  retrievedAt: string;
  locked: boolean;
  path: string;
}

export interface Draft {
  /** The citizen (subject id) the draft belongs to: nobody else ever sees it. */
  owner: string;
  procedureId: string;
  procedureName: string;
  definitionVersion: number;
  values: Record<string, unknown>;
  /** Which values came from the data store, kept so the form renders offline after a reload. */
  provenance: Record<string, FieldProvenance>;
  prefilledCount: number;
  updatedAt: string;
  /** Papers picked on the documents step, kept with the answers until submission. */
  attachments?: Attachment[];
}

/** A paper attached to a dossier: reused from the data store, or a file kept on the device. */
export type Attachment =
  | { kind: 'data-store'; requirement: number | null; documentId: string; title: string }
  | {
      kind: 'file';
      requirement: number | null;
      /** Stable per file: the upload's Idempotency-Key, so a retried upload is stored once. */
      key: string;
      name: string;
      mime: 'application/pdf' | 'image/jpeg' | 'image/png';
      /** Bytes as an ArrayBuffer: Safari's private mode refuses Blobs in IndexedDB. */
      data: ArrayBuffer;
      size: number;
      /** Set once the backend has the file. */
      uploadId?: string;
    };

export type OutboxState = 'queued' | 'sending' | 'sent' | 'failed';

/** A submission waiting to reach the backend; sent exactly once thanks to its idempotency key. */
export interface OutboxItem {
  /** Also the Idempotency-Key of the submission. */
  id: string;
  owner: string;
  /** 'dossier': a new application; 'supplement': papers added to an existing dossier. */
  type: 'dossier' | 'supplement';
  procedureId: string;
  procedureName: string;
  /** For supplements: the dossier they belong to. After sending: the dossier's code. */
  dossierCode?: string;
  values: Record<string, unknown>;
  attachments: Attachment[];
  state: OutboxState;
  createdAt: string;
  attempts: number;
  /** Translated from this error kind/code; 'failed' items need the citizen to act. */
  lastError?: { kind: string; code?: string | undefined };
  /** 0..1 while uploading. */
  progress: number;
}

/** The last known state of the citizen's dossiers, shown with its time when offline. */
export interface DossierSnapshot {
  owner: string;
  fetchedAt: string;
  /** As returned by the API (parsed again when read). */
  data: unknown;
}

interface PersonalDb extends DBSchema {
  drafts: { key: [string, string]; value: Draft; indexes: { owner: string } };
  outbox: { key: string; value: OutboxItem; indexes: { owner: string } };
  snapshots: { key: [string, string]; value: DossierSnapshot & { key: string } };
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
};

export const personalDb = (): Promise<IDBPDatabase<PersonalDb>> => {
  if (wiped) return Promise.reject(new Error('Personal data was wiped on this page'));
  connection ??= openDB<PersonalDb>(PERSONAL_DB, 2, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        const drafts = db.createObjectStore('drafts', { keyPath: ['owner', 'procedureId'] });
        drafts.createIndex('owner', 'owner');
      }
      if (oldVersion < 2) {
        db.createObjectStore('outbox', { keyPath: 'id' }).createIndex('owner', 'owner');
        db.createObjectStore('snapshots', { keyPath: ['owner', 'key'] });
      }
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

export const loadDraft = async (owner: string, procedureId: string): Promise<Draft | undefined> =>
  (await personalDb()).get('drafts', [owner, procedureId]);

export const listDrafts = async (owner: string): Promise<Draft[]> => {
  const drafts = await (await personalDb()).getAllFromIndex('drafts', 'owner', owner);
  return drafts.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
};

export const deleteDraft = async (owner: string, procedureId: string): Promise<void> => {
  await (await personalDb()).delete('drafts', [owner, procedureId]);
};

/**
 * A device holds one citizen's drafts at a time: when someone else signs in (the previous
 * person's session expired without a sign-out), what they left behind goes.
 */
export const dropDraftsNotOwnedBy = async (owner: string): Promise<void> => {
  const db = await personalDb();
  for (const store of ['drafts', 'outbox', 'snapshots'] as const) {
    const tx = db.transaction(store, 'readwrite');
    for await (const cursor of tx.store) if (cursor.value.owner !== owner) await cursor.delete();
    await tx.done;
  }
};

export const putOutboxItem = async (item: OutboxItem): Promise<void> => {
  await (await personalDb()).put('outbox', item);
};

export const getOutboxItem = async (id: string): Promise<OutboxItem | undefined> => (await personalDb()).get('outbox', id);

export const listOutbox = async (owner: string): Promise<OutboxItem[]> => {
  const items = await (await personalDb()).getAllFromIndex('outbox', 'owner', owner);
  return items.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
};

export const deleteOutboxItem = async (id: string): Promise<void> => {
  await (await personalDb()).delete('outbox', id);
};

export const saveSnapshot = async (owner: string, key: string, data: unknown): Promise<void> => {
  await (await personalDb()).put('snapshots', { owner, key, data, fetchedAt: new Date().toISOString() });
};

export const loadSnapshot = async (owner: string, key: string): Promise<DossierSnapshot | undefined> => (await personalDb()).get('snapshots', [owner, key]);
