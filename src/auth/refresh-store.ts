/**
 * The kept session on the citizen's own phone: the refresh token, encrypted with an AES-GCM key
 * that WebCrypto made non-extractable, both in an IndexedDB database of their own (not the
 * personal-data one). Script running in the page can ask the browser to decrypt, but no code —
 * ours, an extension's, a copied profile's reader — can read the key's bytes out, and the token
 * is never at rest in clear. The access token never comes here: it lives in memory.
 * Loaded only when a session is kept or resumed: never in the first bundle.
 */
export const KEEP_DB = 'mcs-keep';
const STORE = 'vault';
const AAD = new TextEncoder().encode('mcs-refresh-token-v1');

/** What is kept, decrypted. */
export interface KeptSession {
  refreshToken: string;
  sub: string;
  name: string;
}

export interface Sealed {
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

const request = <T>(req: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });

let connection: Promise<IDBDatabase> | undefined;

const open = (): Promise<IDBDatabase> => {
  connection ??= new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(KEEP_DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => {
      const db = req.result;
      // The wipe deletes this database: let go at once instead of blocking it.
      db.onversionchange = () => {
        db.close();
        connection = undefined;
      };
      resolve(db);
    };
    req.onerror = () => {
      connection = undefined;
      reject(req.error ?? new Error('IndexedDB unavailable'));
    };
  });
  return connection;
};

const get = async <T>(key: string): Promise<T | undefined> => {
  const db = await open();
  return request(db.transaction(STORE).objectStore(STORE).get(key) as IDBRequest<T | undefined>);
};

const put = async (entries: Record<string, unknown>): Promise<void> => {
  const db = await open();
  const tx = db.transaction(STORE, 'readwrite');
  for (const [key, value] of Object.entries(entries)) tx.objectStore(STORE).put(value, key);
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB write aborted'));
  });
};

/** The device's key, made once: extractable false, usable only to encrypt and decrypt. */
const deviceKey = async (): Promise<CryptoKey> => {
  const existing = await get<CryptoKey>('key');
  if (existing) return existing;
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  await put({ key });
  return key;
};

/**
 * Any JSON value sealed under the same non-extractable device key, bound to its purpose (the
 * AES-GCM additional data): the assisted outbox keeps a resident's queued dossier and delegated
 * token this way (docs/domain/assisted.md).
 */
export const sealJson = async (purpose: string, value: unknown): Promise<Sealed> => {
  const key = await deviceKey();
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(purpose) }, key, new TextEncoder().encode(JSON.stringify(value)));
  return { iv, data };
};

/** The value sealed for this purpose; undefined when the key is gone or it was sealed for another. */
export const openJson = async (purpose: string, sealed: Sealed): Promise<unknown> => {
  const key = await get<CryptoKey>('key');
  if (!key) return undefined;
  try {
    const clear = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv, additionalData: new TextEncoder().encode(purpose) }, key, sealed.data);
    return JSON.parse(new TextDecoder().decode(clear)) as unknown;
  } catch {
    return undefined;
  }
};

/** Keeps (or replaces, after a rotation) the session, encrypted under a fresh IV. */
export const storeKeptSession = async (session: KeptSession): Promise<void> => {
  const key = await deviceKey();
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: AAD }, key, new TextEncoder().encode(JSON.stringify(session)));
  await put({ session: { iv, data } satisfies Sealed });
};

/** The kept session, or undefined when there is none or it cannot be decrypted (key gone). */
export const loadKeptSession = async (): Promise<KeptSession | undefined> => {
  const [key, sealed] = await Promise.all([get<CryptoKey>('key'), get<Sealed>('session')]);
  if (!key || !sealed) return undefined;
  try {
    const clear = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv, additionalData: AAD }, key, sealed.data);
    const parsed = JSON.parse(new TextDecoder().decode(clear)) as Partial<KeptSession>;
    if (typeof parsed.refreshToken !== 'string' || typeof parsed.sub !== 'string') return undefined;
    return { refreshToken: parsed.refreshToken, sub: parsed.sub, name: parsed.name ?? '' };
  } catch {
    return undefined;
  }
};

/** The WebAuthn credential registered at sign-in for the app lock (an id: not a secret). */
export const storeLockCredential = (id: ArrayBuffer): Promise<void> => put({ credential: id });
export const loadLockCredential = (): Promise<ArrayBuffer | undefined> => get<ArrayBuffer>('credential');

/** Drops the refresh token but keeps the key (a kept session that ended). */
export const dropKeptSession = async (): Promise<void> => {
  const db = await open();
  const tx = db.transaction(STORE, 'readwrite');
  tx.objectStore(STORE).delete('session');
  tx.objectStore(STORE).delete('credential');
  await new Promise<void>((resolve) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => resolve();
  });
};

/** Sign-out: the token, the credential id and the key, all gone with the database. */
export const deleteKeepDb = async (): Promise<void> => {
  const db = await connection?.catch(() => undefined);
  db?.close();
  connection = undefined;
  await new Promise<void>((resolve) => {
    const req = indexedDB.deleteDatabase(KEEP_DB);
    req.onsuccess = () => resolve();
    req.onerror = () => resolve();
    req.onblocked = () => resolve();
    setTimeout(resolve, 3000);
  });
};

/** For tests: what lies in the database, as stored. */
export const rawVault = async (): Promise<Record<string, unknown>> => {
  const db = await open();
  const store = db.transaction(STORE).objectStore(STORE);
  const [keys, values] = await Promise.all([request(store.getAllKeys()), request(store.getAll())]);
  return Object.fromEntries(keys.map((k, i) => [String(k), values[i]]));
};
