import { describe, expect, it } from 'vitest';
import { encode } from 'uqr';
import { decodePixels, nativeQrDetector, receiptTokenFromQr } from './qr-scan.ts';

const ORIGIN = 'https://dichvucong.example.gov.vn';
const TOKEN = 'rt_AbCdEfGhIjKlMnOpQrStUv';

/** A QR code as a camera frame would give it: black on white, 4 pixels a module, a quiet zone. */
const pixelsOf = (text: string, scale = 4, quiet = 4) => {
  const { data: modules } = encode(text, { ecc: 'M', border: 0 });
  const size = (modules.length + 2 * quiet) * scale;
  const data = new Uint8ClampedArray(size * size * 4).fill(255);
  modules.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (!dark) return;
      for (let dy = 0; dy < scale; dy++)
        for (let dx = 0; dx < scale; dx++) {
          const i = (((y + quiet) * scale + dy) * size + (x + quiet) * scale + dx) * 4;
          data[i] = data[i + 1] = data[i + 2] = 0;
        }
    }),
  );
  return { data, width: size, height: size };
};

describe('receiptTokenFromQr', () => {
  it('reads the token from our look-up address or on its own', () => {
    expect(receiptTokenFromQr(`${ORIGIN}/track?r=${TOKEN}`, ORIGIN)).toBe(TOKEN);
    expect(receiptTokenFromQr(` ${TOKEN}\n`, ORIGIN)).toBe(TOKEN);
  });

  it('refuses what is not one of our receipts', () => {
    expect(receiptTokenFromQr(`https://evil.example/track?r=${TOKEN}`, ORIGIN)).toBeNull();
    expect(receiptTokenFromQr(`${ORIGIN}/pay?r=${TOKEN}`, ORIGIN)).toBeNull();
    expect(receiptTokenFromQr(`${ORIGIN}/track?code=000.00.12.H62-201105-0004`, ORIGIN)).toBeNull();
    expect(receiptTokenFromQr(`${ORIGIN}/track?r=rt_short`, ORIGIN)).toBeNull();
    expect(receiptTokenFromQr('00020101021238570010A000000727', ORIGIN)).toBeNull();
    expect(receiptTokenFromQr('', ORIGIN)).toBeNull();
  });
});

describe('decodePixels (the jsQR fallback)', () => {
  it('reads a receipt QR code from a frame', async () => {
    const text = `${ORIGIN}/track?r=${TOKEN}`;
    expect(await decodePixels(pixelsOf(text))).toBe(text);
  });

  it('finds nothing in a blank frame', async () => {
    expect(await decodePixels({ data: new Uint8ClampedArray(64 * 64 * 4).fill(255), width: 64, height: 64 })).toBeNull();
  });
});

describe('nativeQrDetector', () => {
  const detectorClass = (formats: string[]) =>
    class {
      static getSupportedFormats = () => Promise.resolve(formats);
      detect = () => Promise.resolve([{ rawValue: TOKEN }]);
    };

  it('uses the browser’s detector only when it reads QR codes', async () => {
    expect(await nativeQrDetector({ BarcodeDetector: detectorClass(['qr_code', 'ean_13']) })).not.toBeNull();
    expect(await nativeQrDetector({ BarcodeDetector: detectorClass(['ean_13']) })).toBeNull();
    expect(await nativeQrDetector({})).toBeNull();
  });
});
