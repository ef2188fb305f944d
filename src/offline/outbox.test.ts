import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors.ts';
import { drainOutbox, enqueue, retry, returnToForm, waitingUntil, type OutboxTransport } from './outbox.ts';
import { beginPersonalSession, listOutbox, loadDraft, type OutboxItem } from './personal-db.ts';
import type { DocumentRef } from '../api/dossiers/schema.ts';
import { wipePersonalData } from '../auth/wipe.ts';

const file = (key: string) => ({
  kind: 'file' as const,
  requirement: 'giay-chung-sinh',
  key,
  name: `${key}.jpg`,
  mime: 'image/jpeg' as const,
  data: new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3]).buffer,
  size: 6,
});

const queue = (id: string) =>
  enqueue({
    id,
    owner: 'an',
    type: 'dossier',
    procedureId: '1.001193',
    procedureName: 'Đăng ký khai sinh',
    values: { childFullName: 'Nguyễn Minh Châu' },
    attachments: [{ kind: 'data-store', requirement: 'giay-chung-sinh', documentId: 'doc-1', title: 'Giấy chứng sinh' }, file(`${id}-f1`), file(`${id}-f2`)],
  });

/** A backend that honours idempotency keys, like the real one must. */
const fakeBackend = () => {
  const uploads = new Map<string, string>();
  const dossiers = new Map<string, string>();
  const ratings = new Map<string, string>();
  const transport: OutboxTransport = {
    upload: vi.fn(async (_blob, _name, key, onProgress) => {
      onProgress(1);
      if (!uploads.has(key)) uploads.set(key, `u-${uploads.size + 1}`);
      return { id: uploads.get(key) ?? '' };
    }),
    submitDossier: vi.fn(async (item: OutboxItem, documents: DocumentRef[]) => {
      expect(documents.every((d) => d.ref !== '')).toBe(true);
      if (!dossiers.has(item.id)) dossiers.set(item.id, `000.00.12.H46-261123-${String(dossiers.size + 1).padStart(4, '0')}`);
      return { code: dossiers.get(item.id) ?? '' };
    }),
    submitSupplement: vi.fn(async (item: OutboxItem & { dossierCode: string }) => ({ code: item.dossierCode })),
    submitRating: vi.fn(async (item: OutboxItem & { dossierCode: string }) => {
      if (!ratings.has(item.id)) ratings.set(item.id, item.dossierCode);
      return { code: item.dossierCode };
    }),
    endConsent: vi.fn(async () => undefined),
  };
  return { transport, uploads, dossiers, ratings };
};

describe('outbox', () => {
  beforeEach(async () => {
    await wipePersonalData();
    beginPersonalSession();
  });

  it('sends a queued dossier once, uploads each file once, and drops the bytes afterwards', async () => {
    const backend = fakeBackend();
    await queue('k1');
    await Promise.all([drainOutbox('an', backend.transport), drainOutbox('an', backend.transport)]);
    const [item] = await listOutbox('an');
    expect(item?.state).toBe('sent');
    expect(item?.dossierCode).toMatch(/-0001$/);
    expect(backend.dossiers.size).toBe(1);
    expect(backend.transport.upload).toHaveBeenCalledTimes(2);
    expect(item?.attachments.filter((a) => a.kind === 'file').every((a) => a.kind === 'file' && a.data.byteLength === 0 && a.uploadId)).toBe(true);
    await drainOutbox('an', backend.transport);
    expect(backend.transport.submitDossier).toHaveBeenCalledTimes(1);
  });

  it('keeps an item queued through a dropped connection mid-upload and resumes without re-sending finished files', async () => {
    const backend = fakeBackend();
    const upload = backend.transport.upload;
    let calls = 0;
    backend.transport.upload = vi.fn(async (...args: Parameters<OutboxTransport['upload']>) => {
      calls += 1;
      if (calls === 2) throw new ApiError('network', 'dropped');
      return upload(...args);
    });
    await queue('k2');
    await drainOutbox('an', backend.transport);
    let [item] = await listOutbox('an');
    expect(item?.state).toBe('queued');
    expect(item?.lastError).toEqual({ kind: 'network', code: undefined });
    expect(item?.attachments.filter((a) => a.kind === 'file' && a.uploadId)).toHaveLength(1);
    await drainOutbox('an', backend.transport);
    [item] = await listOutbox('an');
    expect(item?.state).toBe('sent');
    expect(backend.uploads.size).toBe(2);
    expect(calls).toBe(3);
  });

  it('survives a lost answer: a retry after the backend created the dossier gets the same one', async () => {
    const backend = fakeBackend();
    const submit = backend.transport.submitDossier;
    let first = true;
    backend.transport.submitDossier = vi.fn(async (item: OutboxItem, documents: DocumentRef[]) => {
      const result = await submit(item, documents);
      if (first) {
        first = false;
        throw new ApiError('timeout', 'answer lost');
      }
      return result;
    });
    await queue('k3');
    await drainOutbox('an', backend.transport);
    await drainOutbox('an', backend.transport);
    expect((await listOutbox('an'))[0]?.state).toBe('sent');
    expect(backend.dossiers.size).toBe(1);
  });

  it('marks a refused submission as failed until the citizen retries', async () => {
    const backend = fakeBackend();
    backend.transport.submitDossier = vi.fn(async () => {
      throw new ApiError('conflict', 'closed', { code: 'procedure-not-accepting', status: 409 });
    });
    await queue('k4');
    await drainOutbox('an', backend.transport);
    expect((await listOutbox('an'))[0]).toMatchObject({ state: 'failed', lastError: { kind: 'conflict', code: 'procedure-not-accepting' } });
    await drainOutbox('an', backend.transport);
    expect(backend.transport.submitDossier).toHaveBeenCalledTimes(1);
    await retry('k4');
    expect((await listOutbox('an'))[0]?.state).toBe('queued');
  });

  it('sends a rating once, with its own key, and keeps a refused one with the reason', async () => {
    const backend = fakeBackend();
    const rating = (id: string, dossierCode: string) =>
      enqueue({ id, owner: 'an', type: 'rating', procedureId: '1.004222', procedureName: 'Đăng ký thường trú', dossierCode, values: { channel: 'online', criteriaVersion: '766-2022.1', overall: 'satisfied' }, attachments: [] });
    await rating('r1', '000.01.31.H99-261123-0001');
    await drainOutbox('an', backend.transport);
    await drainOutbox('an', backend.transport);
    expect(backend.transport.submitRating).toHaveBeenCalledTimes(1);
    expect(backend.transport.submitDossier).not.toHaveBeenCalled();
    expect([...backend.ratings]).toEqual([['r1', '000.01.31.H99-261123-0001']]);
    expect((await listOutbox('an')).find((i) => i.id === 'r1')?.state).toBe('sent');

    backend.transport.submitRating = vi.fn(async () => {
      throw new ApiError('conflict', 'rated', { code: 'already-rated', status: 409 });
    });
    await rating('r2', '000.01.31.H99-261123-0002');
    await drainOutbox('an', backend.transport);
    expect((await listOutbox('an')).find((i) => i.id === 'r2')).toMatchObject({ state: 'failed', lastError: { code: 'already-rated' }, values: { overall: 'satisfied' } });
  });

  it('takes a dossier refused for its answers back to the form as it was filled in, papers and refusals kept', async () => {
    const backend = fakeBackend();
    const errors = [{ path: 'childDateOfBirth', code: 'validation.date.beforeOther' }];
    backend.transport.submitDossier = vi.fn(async () => {
      throw new ApiError('invalid-input', 'refused', {
        code: 'invalid-values',
        status: 422,
        details: { type: 'urn:mot-cua-so:problem:invalid-values', title: 'Some answers do not hold', status: 422, code: 'invalid-values', errors },
      });
    });
    const form = { values: { childFullName: 'Nguyễn Minh Châu', childDateOfBirth: '01/01/1990' }, provenance: {}, prefilledCount: 0, definitionVersion: 1 };
    await enqueue({ id: 'k5', owner: 'an', type: 'dossier', procedureId: '1.001193', procedureName: 'Đăng ký khai sinh', values: { childFullName: 'Nguyễn Minh Châu', childDateOfBirth: '1990-01-01' }, form, attachments: [file('k5-f1')] });
    await drainOutbox('an', backend.transport);
    const [failed] = await listOutbox('an');
    expect(failed).toMatchObject({ state: 'failed', lastError: { kind: 'invalid-input', code: 'invalid-values', fields: errors } });

    await returnToForm(failed!);
    expect(await listOutbox('an')).toEqual([]);
    const draft = await loadDraft('an', '1.001193');
    // The values as typed (dd/mm/yyyy), not as sent; the file already uploaded is not uploaded again.
    expect(draft).toMatchObject({ values: form.values, serverErrors: errors, definitionVersion: 1 });
    expect(draft?.attachments).toMatchObject([{ kind: 'file', key: 'k5-f1', uploadId: 'u-1' }]);
  });

  it('waits at least as long as a 429 said before trying again, and keeps the time to show', async () => {
    const backend = fakeBackend();
    const submit = backend.transport.submitDossier;
    const retryAt = new Date(Date.now() + 120_000);
    backend.transport.submitDossier = vi.fn(async () => {
      throw new ApiError('rate-limited', 'too many', { status: 429, code: 'daily-dossiers-quota', retryAt });
    });
    await queue('k5');
    await drainOutbox('an', backend.transport);
    const [waiting] = await listOutbox('an');
    expect(waiting).toMatchObject({ state: 'queued', retryAt: retryAt.toISOString(), lastError: { kind: 'rate-limited' } });
    expect(waiting && waitingUntil(waiting)).toBe(retryAt.getTime());

    // Asked again before then (the connection comes back, a page asks): nothing is sent.
    backend.transport.submitDossier = submit;
    await drainOutbox('an', backend.transport);
    expect(submit).not.toHaveBeenCalled();
    expect((await listOutbox('an'))[0]?.state).toBe('queued');

    // Once the time has come it goes.
    vi.useFakeTimers({ now: retryAt.getTime() + 1, toFake: ['Date'] });
    try {
      await drainOutbox('an', backend.transport);
    } finally {
      vi.useRealTimers();
    }
    expect((await listOutbox('an'))[0]).toMatchObject({ state: 'sent', retryAt: undefined });
  });

  it('sends a file again from the device when its upload expired on the server, and submits once more', async () => {
    const backend = fakeBackend();
    const submit = backend.transport.submitDossier;
    let refusals = 0;
    backend.transport.submitDossier = vi.fn(async (item: OutboxItem, documents: DocumentRef[]) => {
      // The first upload of the first file was deleted after 24 h unattached.
      const stale = documents.find((d) => d.ref === 'u-1');
      if (stale) {
        refusals += 1;
        throw new ApiError('invalid-input', 'gone', { status: 422, code: 'unknown-document', details: { document: 'u-1' } });
      }
      return submit(item, documents);
    });
    await queue('k6');
    await drainOutbox('an', backend.transport);
    const [item] = await listOutbox('an');
    expect(refusals).toBe(1);
    expect(item?.state).toBe('sent');
    // Two uploads at first, the expired file once more under a new key.
    expect(backend.transport.upload).toHaveBeenCalledTimes(3);
    expect(item?.attachments.filter((a) => a.kind === 'file').map((a) => a.kind === 'file' && a.uploadId)).toEqual(['u-3', 'u-2']);
  });

  it('says which file is no longer on the device instead of failing without a reason', async () => {
    const backend = fakeBackend();
    backend.transport.submitDossier = vi.fn(async () => {
      throw new ApiError('invalid-input', 'gone', { status: 422, code: 'unknown-document', details: { document: 'u-1' } });
    });
    await enqueue({
      id: 'k7',
      owner: 'an',
      type: 'dossier',
      procedureId: '1.001193',
      procedureName: 'Đăng ký khai sinh',
      values: {},
      attachments: [{ ...file('k7-f1'), uploadId: 'u-1', data: new ArrayBuffer(0) }],
    });
    backend.uploads.set('k7-f1', 'u-1');
    await drainOutbox('an', backend.transport);
    expect((await listOutbox('an'))[0]).toMatchObject({ state: 'failed', lastError: { kind: 'invalid-input', code: 'upload-lost', fileName: 'k7-f1.jpg' } });
  });

  it('keeps which requirements the office refused, to show them', async () => {
    const backend = fakeBackend();
    backend.transport.submitDossier = vi.fn(async () => {
      throw new ApiError('invalid-input', 'refused', { status: 422, code: 'papers-refused', details: { papers: [{ requirement: 'giay-chung-sinh', reason: 'wrong-type' }] } });
    });
    await queue('k8');
    await drainOutbox('an', backend.transport);
    expect((await listOutbox('an'))[0]).toMatchObject({ state: 'failed', lastError: { code: 'papers-refused', requirements: ['giay-chung-sinh'] } });
  });
});
