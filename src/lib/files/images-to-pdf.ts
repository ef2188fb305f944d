/**
 * Several photos of one paper (the pages of a household registration book, both sides of an ID
 * card) → one PDF, as the back office expects one file per document.
 *
 * Load this module lazily, only on the documents step:
 *   const { imagesToPdf } = await import('../../lib/files/images-to-pdf.ts');
 *
 * Why not pdf-lib: it is ~175 KB gzip (a minute of a citizen's 3G) and unmaintained upstream.
 * A PDF holding JPEG photos needs none of it: JPEG is a native PDF image encoding
 * (`/Filter /DCTDecode`), so the photo bytes go in verbatim — no re-encoding, no quality loss,
 * no pixels in memory — and the rest is a catalog, a page tree and per page three small objects
 * plus a cross-reference table of byte offsets. About 2 KB of code.
 *
 * Pass JPEGs from `compressPhoto`: they are upright pixels without EXIF. A JPEG straight from
 * a camera may rely on its EXIF orientation tag, which PDF viewers ignore (the page would show
 * sideways).
 */
import { FileProcessingError } from './errors.ts';

export interface JpegInfo {
  width: number;
  height: number;
  /** 1 grey, 3 YCbCr/RGB, 4 CMYK. */
  components: number;
  /** An Adobe APP14 segment: CMYK is then stored inverted. */
  adobe: boolean;
}

/**
 * Pixel size of a JPEG from its start-of-frame marker (baseline SOF0, extended SOF1 or
 * progressive SOF2 — what PDF readers accept). Null when the bytes are not such a JPEG.
 */
export const readJpegInfo = (b: Uint8Array): JpegInfo | null => {
  if (b[0] !== 0xff || b[1] !== 0xd8) return null;
  let adobe = false;
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1] as number;
    // Fill bytes, and markers without a length (TEM, RSTn).
    if (marker === 0xff) {
      i += 1;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    // End of image, or entropy-coded data, before any frame header.
    if (marker === 0xd9 || marker === 0xda) return null;
    const length = ((b[i + 2] as number) << 8) | (b[i + 3] as number);
    if (marker === 0xee && length >= 7 && String.fromCharCode(...b.subarray(i + 4, i + 9)) === 'Adobe') adobe = true;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      // Lossless, hierarchical and arithmetic-coded JPEGs: PDF readers do not decode them.
      if (marker > 0xc2 || i + 10 > b.length || b[i + 4] !== 8) return null;
      const height = ((b[i + 5] as number) << 8) | (b[i + 6] as number);
      const width = ((b[i + 7] as number) << 8) | (b[i + 8] as number);
      const components = b[i + 9] as number;
      if (!width || !height || ![1, 3, 4].includes(components)) return null;
      return { width, height, components, adobe };
    }
    i += 2 + length;
  }
  return null;
};

export interface PdfPageImage {
  jpeg: Blob;
  /** Optional (the compressor's result has them): the size is always read from the JPEG itself. */
  width?: number;
  height?: number;
}

// A4 in PostScript points (1/72 inch).
const A4_SHORT = 595.28;
const A4_LONG = 841.89;

/** The page takes the photo's proportions, scaled to fit A4 in the photo's own orientation. */
const pageSize = (width: number, height: number): [number, number] => {
  const [boxW, boxH] = width > height ? [A4_LONG, A4_SHORT] : [A4_SHORT, A4_LONG];
  const scale = Math.min(boxW / width, boxH / height);
  return [width * scale, height * scale];
};

const num = (n: number): string => String(Math.round(n * 100) / 100);
const encoder = new TextEncoder();

/**
 * One PDF (`application/pdf`) with a page per JPEG, in order. Throws `FileProcessingError`
 * `decode-failed` when a blob is not a JPEG a PDF reader can show.
 */
export const imagesToPdf = async (pages: readonly PdfPageImage[]): Promise<Blob> => {
  if (pages.length === 0) throw new RangeError('imagesToPdf needs at least one page');
  const images = await Promise.all(
    pages.map(async ({ jpeg }, n) => {
      const bytes = new Uint8Array(await jpeg.arrayBuffer());
      const info = readJpegInfo(bytes);
      if (!info) throw new FileProcessingError('decode-failed', `Page ${n + 1} is not a baseline or progressive 8-bit JPEG`);
      return { bytes, ...info };
    }),
  );

  // Built as byte chunks, never one string: JPEG bytes are binary, and the cross-reference
  // table needs exact byte offsets.
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  const offsets: number[] = [];
  let length = 0;
  const push = (part: string | Uint8Array<ArrayBuffer>) => {
    const bytes = typeof part === 'string' ? encoder.encode(part) : part;
    chunks.push(bytes);
    length += bytes.length;
  };
  const object = (id: number, ...parts: (string | Uint8Array<ArrayBuffer>)[]) => {
    offsets[id] = length;
    push(`${id} 0 obj\n`);
    parts.forEach(push);
    push('\nendobj\n');
  };

  // The second line's bytes above 127 tell transfer tools the file is binary.
  push('%PDF-1.4\n');
  push(new Uint8Array([0x25, 0xe2, 0xe3, 0xcf, 0xd3, 0x0a]));
  // Objects: 1 catalog, 2 page tree, then per page i: 3+3i page, 4+3i image, 5+3i content.
  object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  object(2, `<< /Type /Pages /Kids [${images.map((_, i) => `${3 + 3 * i} 0 R`).join(' ')}] /Count ${images.length} >>`);
  images.forEach((image, i) => {
    const id = 3 + 3 * i;
    const [w, h] = pageSize(image.width, image.height).map(num);
    object(id, `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /XObject << /Im${i} ${id + 1} 0 R >> >> /Contents ${id + 2} 0 R >>`);
    const colour =
      image.components === 1 ? '/DeviceGray' : image.components === 3 ? '/DeviceRGB' : `/DeviceCMYK${image.adobe ? ' /Decode [1 0 1 0 1 0 1 0]' : ''}`;
    object(
      id + 1,
      `<< /Type /XObject /Subtype /Image /Width ${image.width} /Height ${image.height} /ColorSpace ${colour} /BitsPerComponent 8 /Filter /DCTDecode /Length ${image.bytes.length} >>\nstream\n`,
      image.bytes,
      '\nendstream',
    );
    const draw = `q ${w} 0 0 ${h} 0 0 cm /Im${i} Do Q`;
    object(id + 2, `<< /Length ${draw.length} >>\nstream\n${draw}\nendstream`);
  });

  const xref = length;
  const size = offsets.length;
  // Every entry is exactly 20 bytes: 10-digit offset, 5-digit generation, type, two-byte EOL.
  const entries = offsets.slice(1).map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`);
  push(`xref\n0 ${size}\n0000000000 65535 f \n${entries.join('')}`);
  push(`trailer\n<< /Size ${size} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return new Blob(chunks, { type: 'application/pdf' });
};
