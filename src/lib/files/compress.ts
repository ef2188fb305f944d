/**
 * Makes a phone photo small enough to upload on 3G and still readable: upright (EXIF
 * orientation applied), long edge ≤ 2000 px, JPEG at the highest quality of 0.8…0.5 that fits
 * 600 kB (then 1600 px if it still does not fit). Re-encoding also drops the EXIF block, so the
 * GPS position of the citizen's home never leaves the phone.
 *
 * Runs in a module worker (same origin: fine under `worker-src 'self'`); falls back to a canvas
 * on the main thread where workers lack OffscreenCanvas (Safari < 16.4) or module workers
 * (Firefox < 114), and for HEIC photos only an <img> can decode.
 */
import { DEFAULT_MAX_PHOTO_BYTES, encodeWithinBudget, type Encoded } from './compress-core.ts';
import type { CompressRequest, CompressResponse } from './compress.worker.ts';
import { FileProcessingError } from './errors.ts';
import { checkImageFile } from './inspect.ts';
import { sniffBytes } from './sniff.ts';

export { DEFAULT_MAX_PHOTO_BYTES };

export interface CompressOptions {
  /** Target size in bytes (default 600 kB). A target, not a limit: check `blob.size` against yours. */
  maxBytes?: number;
  signal?: AbortSignal;
  /** No longer changes anything: every image comes out as a JPEG (kept so callers still compile). */
  jpegOnly?: boolean;
}

export interface CompressedPhoto {
  /** Always `image/jpeg`: every image is decoded and re-encoded. */
  blob: Blob;
  width: number;
  height: number;
  /** The JPEG quality used. */
  quality: number;
  /** Wall-clock time taken, for telemetry. */
  ms: number;
}

const aborted = () => new FileProcessingError('aborted', 'Photo compression was cancelled');

const throwIfAborted = (signal?: AbortSignal) => {
  if (signal?.aborted) throw aborted();
};

const inWorker = (request: CompressRequest, signal?: AbortSignal): Promise<CompressResponse> =>
  new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./compress.worker.ts', import.meta.url), { type: 'module' });
    } catch (error) {
      resolve({ ok: false, reason: 'unsupported', message: String(error) });
      return;
    }
    const finish = () => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      finish();
      reject(aborted());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.onmessage = (event: MessageEvent<CompressResponse>) => {
      finish();
      resolve(event.data);
    };
    // The script failed to load or crashed (no module workers, out of memory): try the main thread.
    worker.onerror = (event) => {
      event.preventDefault();
      finish();
      resolve({ ok: false, reason: 'unsupported', message: event.message || 'Worker error' });
    };
    worker.postMessage(request);
  });

const decodeOnMainThread = async (blob: Blob): Promise<{ source: CanvasImageSource; width: number; height: number; release: () => void }> => {
  if (typeof createImageBitmap === 'function') {
    try {
      const bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image' });
      return { source: bitmap, width: bitmap.width, height: bitmap.height, release: () => bitmap.close() };
    } catch {
      // Safari decodes HEIC in <img> more readily than in createImageBitmap: try that next.
    }
  }
  const url = URL.createObjectURL(blob);
  const image = new Image();
  image.src = url;
  try {
    await image.decode();
  } catch (error) {
    URL.revokeObjectURL(url);
    throw error;
  }
  return { source: image, width: image.naturalWidth, height: image.naturalHeight, release: () => URL.revokeObjectURL(url) };
};

const onMainThread = async (blob: Blob, maxBytes: number, signal?: AbortSignal): Promise<CompressResponse> => {
  let decoded: Awaited<ReturnType<typeof decodeOnMainThread>>;
  try {
    decoded = await decodeOnMainThread(blob);
  } catch (error) {
    return { ok: false, reason: 'decode-failed', message: String(error) };
  }
  try {
    const encoded: Encoded = await encodeWithinBudget(
      decoded.source,
      decoded.width,
      decoded.height,
      maxBytes,
      (width, height) => {
        const canvas = document.createElement('canvas');
        canvas.width = width;
        canvas.height = height;
        const context = canvas.getContext('2d');
        if (!context) throw new Error('No 2D canvas context');
        const toJpeg = (quality: number) =>
          new Promise<Blob>((resolve, reject) =>
            canvas.toBlob((result) => (result ? resolve(result) : reject(new Error('Canvas could not encode JPEG'))), 'image/jpeg', quality),
          );
        return { context, toJpeg };
      },
      () => throwIfAborted(signal),
    );
    return { ok: true, ...encoded };
  } finally {
    decoded.release();
  }
};

/**
 * Compresses one photo (JPEG, PNG, HEIC where the browser can decode it). Never pass a PDF.
 * Every image is decoded and re-encoded (a PNG too, as JPEG), but only after its header's
 * pixel size is read and held to MAX_IMAGE_PIXELS: nothing decodes a 30,000 × 30,000 PNG.
 * Throws `FileProcessingError` with code `too-many-pixels`, `heic` (HEIC this browser cannot
 * decode), `decode-failed` (damaged or not an image) or `aborted` (the signal fired).
 */
export const compressPhoto = async (file: Blob, options: CompressOptions = {}): Promise<CompressedPhoto> => {
  const started = performance.now();
  const { maxBytes = DEFAULT_MAX_PHOTO_BYTES, signal } = options;
  throwIfAborted(signal);
  const { kind } = sniffBytes(new Uint8Array(await file.slice(0, 16).arrayBuffer()));
  if (kind === 'pdf') throw new FileProcessingError('decode-failed', 'PDFs are uploaded as they are, not compressed');
  if (kind === 'jpeg' || kind === 'png') {
    const checked = await checkImageFile(file);
    if (!checked.ok && checked.error === 'too-many-pixels') {
      throw new FileProcessingError('too-many-pixels', `The image claims ${checked.size?.width ?? 0} × ${checked.size?.height ?? 0} pixels`);
    }
    if (!checked.ok) throw new FileProcessingError('decode-failed', 'The image header has no readable size');
  }

  const request: CompressRequest = { blob: file, maxBytes };
  const canUseWorker = typeof Worker === 'function' && typeof OffscreenCanvas === 'function';
  let response = canUseWorker ? await inWorker(request, signal) : undefined;
  throwIfAborted(signal);
  if (!response || !response.ok) {
    // Retry on the main thread when the worker could not do it, and for HEIC, which an <img>
    // may decode where createImageBitmap in a worker does not.
    if (!response || response.reason === 'unsupported' || kind === 'heic') response = await onMainThread(file, maxBytes, signal);
  }
  if (!response.ok) {
    if (response.reason === 'too-many-pixels') throw new FileProcessingError('too-many-pixels', response.message);
    if (kind === 'heic') throw new FileProcessingError('heic', `This browser cannot decode HEIC: ${response.message}`);
    throw new FileProcessingError('decode-failed', `Could not decode the photo: ${response.message}`);
  }
  const { blob, width, height, quality } = response;
  return { blob, width, height, quality, ms: performance.now() - started };
};
