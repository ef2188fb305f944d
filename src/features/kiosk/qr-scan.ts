import { RECEIPT_TOKEN } from '../../api/dossiers/schema.ts';

/**
 * Reading a receipt's QR code with a camera (docs/domain/kiosks.md, "Receipt tokens"). The
 * browser's own `BarcodeDetector` where it has one that reads QR codes (Chrome on Android,
 * macOS, ChromeOS); elsewhere (Chrome on Windows and Linux, Firefox) the `jsqr` decoder, loaded
 * only when a scan starts, so nobody else downloads it.
 */

/** The receipt token a scanned QR code carries, or null when the code is not one of our receipts. */
export const receiptTokenFromQr = (text: string, origin: string): string | null => {
  const raw = text.trim();
  if (RECEIPT_TOKEN.test(raw)) return raw;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  // Only our own look-up page: a code that sends the kiosk elsewhere is no receipt of ours.
  if (url.origin !== origin || url.pathname !== '/track') return null;
  const token = url.searchParams.get('r');
  return token && RECEIPT_TOKEN.test(token) ? token : null;
};

/** Pixels to decode, as a canvas gives them (RGBA, 4 bytes a pixel). */
export interface Pixels {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** jsQR on a frame's pixels: the text of the QR code in it, or null. Loads jsQR on first use. */
export const decodePixels = async (pixels: Pixels): Promise<string | null> => {
  const { default: jsQR } = await import('jsqr');
  return jsQR(pixels.data, pixels.width, pixels.height, { inversionAttempts: 'dontInvert' })?.data ?? null;
};

interface Detector {
  detect: (source: CanvasImageSource) => Promise<{ rawValue: string }[]>;
}
interface DetectorClass {
  new (options: { formats: string[] }): Detector;
  getSupportedFormats?: () => Promise<string[]>;
}

/** The browser's detector when it reads QR codes, else null. */
export const nativeQrDetector = async (scope: { BarcodeDetector?: unknown } = globalThis as { BarcodeDetector?: unknown }): Promise<Detector | null> => {
  const Native = scope.BarcodeDetector as DetectorClass | undefined;
  if (typeof Native !== 'function') return null;
  try {
    const formats = (await Native.getSupportedFormats?.()) ?? ['qr_code'];
    return formats.includes('qr_code') ? new Native({ formats: ['qr_code'] }) : null;
  } catch {
    return null;
  }
};

export type FrameReader = (video: HTMLVideoElement) => Promise<string | null>;

/**
 * A function that reads the QR code in the video's current frame: the native detector, or a
 * canvas frame handed to jsQR.
 */
export const qrFrameReader = async (): Promise<{ read: FrameReader; engine: 'native' | 'jsqr' }> => {
  const native = await nativeQrDetector();
  if (native) return { engine: 'native', read: async (video) => (await native.detect(video))[0]?.rawValue ?? null };
  await import('jsqr');
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  return {
    engine: 'jsqr',
    read: async (video) => {
      if (!context || video.videoWidth === 0) return null;
      // A smaller frame decodes faster and a receipt held to the camera still fills it.
      const scale = Math.min(1, 800 / Math.max(video.videoWidth, video.videoHeight));
      canvas.width = Math.round(video.videoWidth * scale);
      canvas.height = Math.round(video.videoHeight * scale);
      context.drawImage(video, 0, 0, canvas.width, canvas.height);
      return decodePixels(context.getImageData(0, 0, canvas.width, canvas.height));
    },
  };
};
