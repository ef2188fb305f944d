/**
 * What can go wrong turning a citizen's photo into something we can upload. `code` picks the
 * translated message; nothing above this folder needs to know about canvases or workers.
 * - `decode-failed`: the browser could not read the image (damaged file, or not an image).
 * - `heic`: an iPhone/Android HEIC photo this browser cannot decode; the user should set the
 *   camera to "Most compatible" (iOS) / JPEG and take the photo again.
 * - `too-many-pixels`: the image's header claims more than MAX_IMAGE_PIXELS (inspect.ts); it is
 *   refused before anything decodes it, so a PNG bomb cannot freeze the tab.
 * - `aborted`: the caller's AbortSignal fired; show nothing.
 */
export type FileProcessingErrorCode = 'decode-failed' | 'heic' | 'too-many-pixels' | 'aborted';

export class FileProcessingError extends Error {
  override readonly name = 'FileProcessingError';
  readonly code: FileProcessingErrorCode;

  constructor(code: FileProcessingErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.code = code;
  }
}

export const isFileProcessingError = (error: unknown): error is FileProcessingError => error instanceof FileProcessingError;
