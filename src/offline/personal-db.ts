import { deleteDB, openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { registerWipe } from './wipe.ts';

/**
 * The one IndexedDB database that holds personal data (drafts now; the outbox and documents
 * later). One database so that wiping a person off the device is one deleteDB.
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
}

interface PersonalDb extends DBSchema {
  drafts: { key: [string, string]; value: Draft; indexes: { owner: string } };
}

export const PERSONAL_DB = 'mcs-personal';
let connection: Promise<IDBPDatabase<PersonalDb>> | undefined;

export const personalDb = (): Promise<IDBPDatabase<PersonalDb>> => {
  connection ??= openDB<PersonalDb>(PERSONAL_DB, 1, {
    upgrade(db) {
      const drafts = db.createObjectStore('drafts', { keyPath: ['owner', 'procedureId'] });
      drafts.createIndex('owner', 'owner');
    },
    // Another tab wants to delete or upgrade the database: let it.
    blocking() {
      void closePersonalDb();
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
  await closePersonalDb();
  await deleteDB(PERSONAL_DB);
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
  const tx = (await personalDb()).transaction('drafts', 'readwrite');
  for await (const cursor of tx.store) if (cursor.value.owner !== owner) await cursor.delete();
  await tx.done;
};
