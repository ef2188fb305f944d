import { afterEach, describe, expect, it } from 'vitest';
import { deleteKeepDb, dropKeptSession, loadKeptSession, rawVault, storeKeptSession } from './refresh-store.ts';

const kept = { refreshToken: 'rt-very-secret-0123456789abcdef', sub: 'pairwise-sub', name: 'Nguyễn Văn An' };

/** Writes into the vault behind the module's back, as a tamperer with the profile would. */
const overwrite = (entries: Record<string, unknown>) =>
  new Promise<void>((resolve, reject) => {
    const req = indexedDB.open('mcs-keep', 1);
    req.onsuccess = () => {
      const tx = req.result.transaction('vault', 'readwrite');
      for (const [k, v] of Object.entries(entries)) tx.objectStore('vault').put(v, k);
      tx.oncomplete = () => {
        req.result.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  });

afterEach(async () => {
  await deleteKeepDb();
});

describe('the kept session store', () => {
  it('gives back what it kept', async () => {
    expect(await loadKeptSession()).toBeUndefined();
    await storeKeptSession(kept);
    expect(await loadKeptSession()).toEqual(kept);
    // A rotation replaces the token.
    await storeKeptSession({ ...kept, refreshToken: 'rt-next' });
    expect((await loadKeptSession())?.refreshToken).toBe('rt-next');
  });

  it('never holds the token in clear, and its key cannot be exported', async () => {
    await storeKeptSession(kept);
    const raw = await rawVault();
    const sealed = raw.session as { iv: Uint8Array; data: ArrayBuffer };
    expect(sealed.iv.byteLength).toBe(12);
    const bytes = new TextDecoder().decode(sealed.data);
    expect(bytes).not.toContain(kept.refreshToken);
    expect(bytes).not.toContain(kept.sub);
    expect(JSON.stringify(raw)).not.toContain(kept.refreshToken);
    const key = raw.key as CryptoKey;
    expect(key.extractable).toBe(false);
    expect(key.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
  });

  it('uses a fresh IV every time it seals', async () => {
    await storeKeptSession(kept);
    const first = ((await rawVault()).session as { iv: Uint8Array }).iv;
    await storeKeptSession(kept);
    const second = ((await rawVault()).session as { iv: Uint8Array }).iv;
    expect(Array.from(second)).not.toEqual(Array.from(first));
  });

  it('reads nothing once the key is gone or the data was tampered with', async () => {
    await storeKeptSession(kept);
    const raw = await rawVault();
    const sealed = raw.session as { iv: Uint8Array; data: ArrayBuffer };
    await deleteKeepDb();
    // Same sealed bytes under a new key (the old key is gone with the database): unreadable.
    await storeKeptSession({ ...kept, refreshToken: 'other' });
    await overwrite({ session: { iv: sealed.iv, data: sealed.data } });
    expect(await loadKeptSession()).toBeUndefined();
    // Under the right key, one flipped bit fails the GCM tag.
    await storeKeptSession(kept);
    const good = (await rawVault()).session as { iv: Uint8Array; data: ArrayBuffer };
    const bad = new Uint8Array(good.data.slice(0));
    bad[0] = (bad[0] ?? 0) ^ 1;
    await overwrite({ session: { iv: good.iv, data: bad.buffer } });
    expect(await loadKeptSession()).toBeUndefined();
    await overwrite({ session: good });
    expect(await loadKeptSession()).toEqual(kept);
  });

  it('forgets the token when the kept session ended, and everything when deleted', async () => {
    await storeKeptSession(kept);
    await dropKeptSession();
    expect(await loadKeptSession()).toBeUndefined();
    expect(Object.keys(await rawVault())).toEqual(['key']);
    await deleteKeepDb();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain('mcs-keep');
  });
});
