/**
 * What the page under test saved through `saveFile` (components/documents/download.ts), instead
 * of a download the test cannot see. In a test file:
 *   vi.mock('…/components/documents/download.ts', () => import('…/test/saved-files.ts'));
 * then read `savedFiles`, and empty it with `clearSavedFiles` before each test.
 */
export const savedFiles: { blob: Blob; name: string }[] = [];

export const saveFile = (blob: Blob, name: string): string => {
  savedFiles.push({ blob, name });
  return 'blob:test';
};

export const clearSavedFiles = (): void => {
  savedFiles.length = 0;
};
