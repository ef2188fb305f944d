/**
 * Decodes, shrinks and re-encodes one photo off the main thread: a 12 MP decode and a few JPEG
 * encodings would freeze a cheap phone's page for seconds. One worker per photo, terminated
 * afterwards, so the decoded bitmap's memory (48 MB for 12 MP) goes back at once.
 */
import { encodeWithinBudget, type Encoded } from './compress-core.ts';
import { checkImageFile } from './inspect.ts';
import { sniffBytes } from './sniff.ts';

export interface CompressRequest {
  blob: Blob;
  maxBytes: number;
}

export type CompressResponse =
  | ({ ok: true } & Encoded)
  // `unsupported`: this browser lacks something here; the page retries on the main thread.
  | { ok: false; reason: 'decode-failed' | 'unsupported' | 'too-many-pixels'; message: string };

// The project's tsconfig types `self` as a Window; this is what a dedicated worker has.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<CompressRequest>) => void) | null;
  postMessage: (message: CompressResponse) => void;
};

const compress = async ({ blob, maxBytes }: CompressRequest): Promise<CompressResponse> => {
  if (typeof OffscreenCanvas === 'undefined' || typeof createImageBitmap === 'undefined' || !('convertToBlob' in OffscreenCanvas.prototype)) {
    return { ok: false, reason: 'unsupported', message: 'No OffscreenCanvas in workers' };
  }
  // The header first: what it claims is what decoding would allocate.
  const { kind } = sniffBytes(new Uint8Array(await blob.slice(0, 16).arrayBuffer()));
  if (kind === 'jpeg' || kind === 'png') {
    const checked = await checkImageFile(blob);
    if (!checked.ok) return { ok: false, reason: checked.error === 'too-many-pixels' ? 'too-many-pixels' : 'decode-failed', message: `Image header: ${checked.error}` };
  }
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image' });
  } catch (error) {
    return { ok: false, reason: 'decode-failed', message: String(error) };
  }
  try {
    const result = await encodeWithinBudget(bitmap, bitmap.width, bitmap.height, maxBytes, (width, height) => {
      const canvas = new OffscreenCanvas(width, height);
      const context = canvas.getContext('2d');
      if (!context) throw new Error('No 2D context on OffscreenCanvas');
      return { context, toJpeg: (quality) => canvas.convertToBlob({ type: 'image/jpeg', quality }) };
    });
    return { ok: true, ...result };
  } catch (error) {
    return { ok: false, reason: 'unsupported', message: String(error) };
  } finally {
    bitmap.close();
  }
};

scope.onmessage = (event) => {
  void compress(event.data).then((response) => scope.postMessage(response));
};
