/**
 * What a file's bytes really hold, checked the same way on the phone (before anything is
 * decoded or sent) and by the backend (before anything is stored): the pixel size an image
 * claims in its header, and whether a PDF has the bones of one. Small and dependency-free on
 * purpose, so it costs the app nothing and the simulated backend (mocks/dossiers/uploads.ts)
 * imports it as it is. Domain notes: docs/domain/uploads.md.
 */

/**
 * The most pixels an image may claim: 50 megapixels (200 MB once decoded as RGBA). Phones
 * save 12–50 MP photos by default; a 109 KB PNG can claim 30,000 × 30,000 (3.6 GB decoded),
 * which would freeze or kill the tab or the back office's viewer.
 */
export const MAX_IMAGE_PIXELS = 50_000_000;


export interface ImageSize {
  width: number;
  height: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const u16 = (b: Uint8Array, at: number) => ((b[at] as number) << 8) | (b[at + 1] as number);
const u32 = (b: Uint8Array, at: number) => (((b[at] as number) << 24) >>> 0) + ((b[at + 1] as number) << 16) + ((b[at + 2] as number) << 8) + (b[at + 3] as number);

/** A PNG's size from its IHDR chunk, which must come first. Null when there is none. */
export const pngSize = (b: Uint8Array): ImageSize | null => {
  if (b.length < 24 || !PNG_SIGNATURE.every((v, i) => b[i] === v)) return null;
  if (u32(b, 8) !== 13 || String.fromCharCode(...b.subarray(12, 16)) !== 'IHDR') return null;
  const width = u32(b, 16);
  const height = u32(b, 20);
  return width > 0 && height > 0 ? { width, height } : null;
};

/**
 * A JPEG's size from its start-of-frame segment (any SOFn), walking the segments that come
 * before it by their lengths. Null when the bytes end first or are not a JPEG.
 */
export const jpegSize = (b: Uint8Array): ImageSize | null => {
  if (b[0] !== 0xff || b[1] !== 0xd8) return null;
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1] as number;
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2; // no length
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end of image or scan data before any frame
    const length = u16(b, i + 2);
    if (length < 2) return null;
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      if (i + 9 > b.length) return null;
      const height = u16(b, i + 5);
      const width = u16(b, i + 7);
      return width > 0 && height > 0 ? { width, height } : null;
    }
    i += 2 + length;
  }
  return null;
};

/**
 * The same for a file on the phone, without reading it whole: the PNG's first 24 bytes, or a
 * JPEG's segment headers one by one (a few bytes each, skipping their contents), so a frame
 * header behind megabytes of EXIF, XMP (depth maps) or ICC data is still found cheaply.
 */
export const imageSizeOfBlob = async (blob: Blob): Promise<ImageSize | null> => {
  const read = async (from: number, length: number) => new Uint8Array(await blob.slice(from, from + length).arrayBuffer());
  const head = await read(0, 24);
  if (head[0] !== 0xff || head[1] !== 0xd8) return pngSize(head);
  let i = 2;
  // Bounded: a file of nothing but empty segments cannot keep us here.
  for (let steps = 0; steps < 100_000 && i + 4 <= blob.size; steps++) {
    const b = await read(i, 9);
    if (b[0] !== 0xff) return null;
    const marker = b[1] as number;
    if (marker === 0xff) {
      i++;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null;
    const length = u16(b, 2);
    if (length < 2) return null;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return jpegSize(Uint8Array.from([0xff, 0xd8, ...b]));
    i += 2 + length;
  }
  return null;
};

export type ImageCheck = { ok: true; size: ImageSize } | { ok: false; error: 'unreadable' | 'too-many-pixels'; size?: ImageSize };

/** A size (from {@link pngSize}, {@link jpegSize} or {@link imageSizeOfBlob}) held to {@link MAX_IMAGE_PIXELS}. */
export const checkImageSize = (size: ImageSize | null, maxPixels = MAX_IMAGE_PIXELS): ImageCheck => {
  if (!size) return { ok: false, error: 'unreadable' };
  if (size.width * size.height > maxPixels) return { ok: false, error: 'too-many-pixels', size };
  return { ok: true, size };
};

/** A JPEG or PNG in memory: readable size, and within {@link MAX_IMAGE_PIXELS}. */
export const checkImageHeader = (bytes: Uint8Array, maxPixels = MAX_IMAGE_PIXELS): ImageCheck => checkImageSize(pngSize(bytes) ?? jpegSize(bytes), maxPixels);

/** A JPEG or PNG on the phone, read as little as possible; nothing is decoded. */
export const checkImageFile = async (blob: Blob, maxPixels = MAX_IMAGE_PIXELS): Promise<ImageCheck> => checkImageSize(await imageSizeOfBlob(blob), maxPixels);

// ---------------------------------------------------------------------------------------------
// PDF: a structural check, not a parser
// ---------------------------------------------------------------------------------------------

/** Why bytes that start like a PDF are not one; `ok` when they are. */
export type PdfProblem = 'header' | 'eof' | 'startxref' | 'xref' | 'no-page';

const latin1 = (b: Uint8Array) => new TextDecoder('latin1').decode(b);

/** A page object, not the page tree (`/Pages`). */
const PAGE = /\/Type\s*\/Page(?![A-Za-z])/;
/** Object streams (PDF 1.5) may hold the page objects, compressed. */
const OBJECT_STREAM = /\/Type\s*\/ObjStm\b[^]*?stream\r?\n/g;
/** Inflating object streams stops here: a deflate bomb must not become one in memory. */
const MAX_INFLATED_BYTES = 16 * 1024 * 1024;

const inflate = async (data: Uint8Array, budget: { left: number }): Promise<string> => {
  if (typeof DecompressionStream !== 'function') return '';
  const source = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(data.slice());
      controller.close();
    },
  });
  const reader = source.pipeThrough(new DecompressionStream('deflate') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>).getReader();
  let text = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      budget.left -= value.byteLength;
      text += latin1(value);
      if (budget.left <= 0 || PAGE.test(text)) break;
    }
  } catch {
    // Damaged stream: whatever inflated so far is all there is.
  } finally {
    void reader.cancel().catch(() => undefined);
  }
  return text;
};

/**
 * Does this look like a PDF a viewer can open, not a web page or a script behind `%PDF`?
 * - the header `%PDF-d.d` at byte 0;
 * - `%%EOF` within the last 1,024 bytes;
 * - a last `startxref` whose offset lies inside the file and lands on a cross-reference table
 *   (`xref`) or a cross-reference stream (`n g obj`);
 * - at least one page object (`/Type /Page`), looked for in compressed object streams too.
 * A few milliseconds for 10 MB; no PDF library.
 */
export const checkPdfStructure = async (bytes: Uint8Array): Promise<{ ok: true } | { ok: false; problem: PdfProblem }> => {
  if (!/^%PDF-\d\.\d/.test(latin1(bytes.subarray(0, 16)))) return { ok: false, problem: 'header' };
  const tail = latin1(bytes.subarray(Math.max(0, bytes.length - 1024)));
  if (!tail.includes('%%EOF')) return { ok: false, problem: 'eof' };
  const starts = [...tail.matchAll(/startxref\s+(\d+)\s+%%EOF/g)];
  const last = starts.at(-1);
  if (!last) return { ok: false, problem: 'startxref' };
  const offset = Number(last[1]);
  if (!Number.isSafeInteger(offset) || offset <= 0 || offset >= bytes.length) return { ok: false, problem: 'startxref' };
  const at = latin1(bytes.subarray(offset, offset + 32));
  if (!/^\s*(xref\b|\d+\s+\d+\s+obj\b)/.test(at)) return { ok: false, problem: 'xref' };

  const text = latin1(bytes);
  if (PAGE.test(text)) return { ok: true };
  const budget = { left: MAX_INFLATED_BYTES };
  for (const match of text.matchAll(OBJECT_STREAM)) {
    const start = (match.index ?? 0) + match[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    if (PAGE.test(await inflate(bytes.subarray(start, end), budget))) return { ok: true };
    if (budget.left <= 0) break;
  }
  return { ok: false, problem: 'no-page' };
};

// ---------------------------------------------------------------------------------------------
// The backend's verdict on an uploaded file
// ---------------------------------------------------------------------------------------------

export type InspectedMime = 'application/pdf' | 'image/jpeg' | 'image/png';

export type UploadVerdict =
  | { ok: true; mime: InspectedMime; size?: ImageSize }
  /** `unsupported`: not a PDF, JPEG or PNG at all; the others: it claims to be one and is not usable. */
  | { ok: false; error: 'unsupported' | 'not-a-pdf' | 'unreadable' | 'too-many-pixels' };

/**
 * What the backend does with every uploaded file before storing it: the type from the magic
 * bytes, then the PDF structure or the image header (pixel limit). Never decodes an image.
 */
export const inspectUpload = async (bytes: Uint8Array, maxPixels = MAX_IMAGE_PIXELS): Promise<UploadVerdict> => {
  if (latin1(bytes.subarray(0, 5)) === '%PDF-') {
    const pdf = await checkPdfStructure(bytes);
    return pdf.ok ? { ok: true, mime: 'application/pdf' } : { ok: false, error: 'not-a-pdf' };
  }
  const isPng = PNG_SIGNATURE.every((v, i) => bytes[i] === v);
  const isJpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  if (!isPng && !isJpeg) return { ok: false, error: 'unsupported' };
  const image = checkImageHeader(bytes, maxPixels);
  if (!image.ok) return { ok: false, error: image.error };
  return { ok: true, mime: isPng ? 'image/png' : 'image/jpeg', size: image.size };
};
