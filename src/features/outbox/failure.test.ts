import { describe, expect, it } from 'vitest';
import { failureKey } from './OutboxItemPage.tsx';
import vi from '../../i18n/locales/vi/documents.json';
import en from '../../i18n/locales/en/documents.json';

describe('failureKey', () => {
  it('names a file the backend refused by its content, and has words for it in both languages', () => {
    for (const code of ['unsupported-file', 'not-a-pdf', 'unreadable-image', 'too-many-pixels']) expect(failureKey({ kind: 'invalid-input', code })).toBe('file-refused');
    expect(failureKey({ kind: 'conflict', code: 'procedure-not-accepting' })).toBe('closed');
    expect(failureKey({ kind: 'too-large', code: 'dossier-too-large' })).toBe('too-large');
    expect(failureKey(undefined)).toBe('unknown');
    // Refused for an answer only the resident may give (filed on their behalf): fixed on the form.
    expect(failureKey({ kind: 'invalid-input', code: 'answer-not-on-behalf' })).toBe('answer-not-on-behalf');
    expect(vi.outbox.errors['answer-not-on-behalf']).toBeTruthy();
    expect(en.outbox.errors['answer-not-on-behalf']).toBeTruthy();
    expect(vi.outbox.errors['file-refused']).toBeTruthy();
    expect(en.outbox.errors['file-refused']).toBeTruthy();
  });
});
