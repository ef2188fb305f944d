import { describe, expect, it, vi } from 'vitest';
import { failureOf, subscribeWrites, trackWrite, writeState } from './storage-health.ts';

describe('trackWrite', () => {
  it('reports a failed write where it happened, with the kind of failure, and passes the error on', async () => {
    const seen = vi.fn();
    const unsubscribe = subscribeWrites(seen);
    await trackWrite('draft', Promise.resolve('ok'));
    expect(writeState('draft')).toMatchObject({ ok: true });
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    await expect(trackWrite('draft', Promise.reject(quota))).rejects.toBe(quota);
    expect(writeState('draft')).toMatchObject({ ok: false, failure: 'quota' });
    expect(writeState('outbox')).toBeUndefined();
    expect(seen).toHaveBeenCalledTimes(2);
    unsubscribe();
  });

  it('tells a full disk from a broken or blocked database', () => {
    expect(failureOf(new DOMException('x', 'QuotaExceededError'))).toBe('quota');
    expect(failureOf(new DOMException('x', 'InvalidStateError'))).toBe('unavailable');
    expect(failureOf(new Error('Personal data was wiped on this page'))).toBe('unavailable');
  });

  it('asks for persistent storage once a write succeeded', async () => {
    const persist = vi.fn(() => Promise.resolve(true));
    Object.defineProperty(navigator, 'storage', { configurable: true, value: { persist, persisted: () => Promise.resolve(false) } });
    vi.resetModules();
    const { trackWrite: fresh } = await import('./storage-health.ts');
    await fresh('outbox', Promise.resolve(undefined));
    await vi.waitFor(() => expect(persist).toHaveBeenCalledTimes(1));
    await fresh('outbox', Promise.resolve(undefined));
    expect(persist).toHaveBeenCalledTimes(1);
  });
});
