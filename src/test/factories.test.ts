import { describe, expect, it } from 'vitest';
import * as factories from './factories.ts';

describe('test data factories', () => {
  it('each builds a value its schema accepts', () => {
    for (const [name, make] of Object.entries(factories)) {
      if (typeof make === 'function') expect(() => (make as () => unknown)(), name).not.toThrow();
    }
  });

  it('refuse an override the contract does not allow, instead of letting a test believe it', () => {
    expect(() => factories.dossier({ code: 'HS-1' })).toThrow();
    expect(() => factories.procedure({ tiers: [] })).toThrow();
    expect(() => factories.draft({ updatedAt: 'hôm qua' })).toThrow();
  });
});
