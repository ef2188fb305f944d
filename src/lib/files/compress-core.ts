/**
 * The size search shared by the worker (OffscreenCanvas) and the main-thread fallback
 * (HTMLCanvasElement): shrink the photo, then lower the JPEG quality step by step until it fits.
 */

/** Target size of a compressed photo: 600 kB (600,000 bytes, under either reading of "KB"). */
export const DEFAULT_MAX_PHOTO_BYTES = 600_000;

// 2000 px on the long edge is an A4 page at ~180 dpi: small print stays readable for the
// officer. 1600 px (~145 dpi) is the fallback for photos that will not fit otherwise (heavy
// sensor noise in a dim room). Below 0.5 JPEG blocks start to smear small diacritics.
export const LONG_EDGES = [2000, 1600] as const;
export const QUALITIES = [0.8, 0.7, 0.6, 0.5] as const;

export const fitWithin = (width: number, height: number, longEdge: number): [number, number] => {
  const scale = Math.min(1, longEdge / Math.max(width, height));
  return [Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale))];
};

export interface EncodeTarget {
  context: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;
  toJpeg: (quality: number) => Promise<Blob>;
}

export interface Encoded {
  blob: Blob;
  width: number;
  height: number;
  quality: number;
}

/**
 * The first encoding at or under `maxBytes`; if none is, the smallest one (the caller holds it
 * to its own hard limit). `checkAborted` runs before every encoding, the expensive step.
 */
export const encodeWithinBudget = async (
  source: CanvasImageSource,
  width: number,
  height: number,
  maxBytes: number,
  makeTarget: (width: number, height: number) => EncodeTarget,
  checkAborted: () => void = () => {},
): Promise<Encoded> => {
  let best: Encoded | undefined;
  for (const edge of LONG_EDGES) {
    const [w, h] = fitWithin(width, height, edge);
    // A photo already smaller than 1600 px gains nothing from a second round.
    if (best && best.width === w && best.height === h) break;
    checkAborted();
    const { context, toJpeg } = makeTarget(w, h);
    // JPEG has no transparency: a transparent PNG would otherwise turn black.
    context.fillStyle = '#fff';
    context.fillRect(0, 0, w, h);
    context.imageSmoothingEnabled = true;
    context.imageSmoothingQuality = 'high';
    context.drawImage(source, 0, 0, w, h);
    for (const quality of QUALITIES) {
      checkAborted();
      const blob = await toJpeg(quality);
      const encoded = { blob, width: w, height: h, quality };
      if (blob.size <= maxBytes) return encoded;
      if (!best || blob.size < best.blob.size) best = encoded;
    }
  }
  if (!best) throw new Error('unreachable: no encoding attempted');
  return best;
};
