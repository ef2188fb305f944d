import { describe, expect, it } from 'vitest';
import { FileProcessingError } from './errors.ts';
import { imagesToPdf, readJpegInfo } from './images-to-pdf.ts';

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
const segment = (marker: number, payload: number[]) => [0xff, marker, (payload.length + 2) >> 8, (payload.length + 2) & 0xff, ...payload];

/** The marker structure of a camera JPEG, with junk where the entropy-coded data would be. */
const fakeJpeg = ({ width, height, sof = 0xc0, components = 3, adobe = false }: { width: number; height: number; sof?: number; components?: number; adobe?: boolean }) =>
  new Uint8Array([
    0xff, 0xd8,
    ...segment(0xe0, [...ascii('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    // EXIF with bytes that look like markers: must be skipped by its length, not scanned.
    ...segment(0xe1, [...ascii('Exif\0\0'), ...Array.from({ length: 300 }, (_, i) => (i % 2 ? 0xc0 : 0xff))]),
    ...(adobe ? segment(0xee, [...ascii('Adobe'), 0, 100, 0, 0, 0, 0, 2]) : []),
    ...segment(0xdb, [0, ...Array<number>(64).fill(1)]),
    // A Huffman table (0xC4) before the frame: in the SOF range but not a frame header.
    ...segment(0xc4, [0, ...Array<number>(16).fill(0)]),
    ...segment(sof, [8, height >> 8, height & 0xff, width >> 8, width & 0xff, components, ...Array.from({ length: components }, (_, i) => [i + 1, 0x11, 0]).flat()]),
    ...segment(0xda, [components, ...Array.from({ length: components }, (_, i) => [i + 1, 0]).flat(), 0, 63, 0]),
    0x12, 0xff, 0x00, 0x34, 0x80, 0x0a, 0x0d, 0x25, 0x25, 0x45, 0x4f, 0x46, 0x0a,
    0xff, 0xd9,
  ]);

const jpegBlob = (bytes: Uint8Array) => new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' });

// One character per byte, so string indices are byte offsets.
const latin1 = (bytes: Uint8Array) => Array.from(bytes, (b) => String.fromCharCode(b)).join('');
const pdfText = async (pdf: Blob) => latin1(new Uint8Array(await pdf.arrayBuffer()));

describe('readJpegInfo', () => {
  it('reads the size from a baseline frame header behind EXIF and tables', () => {
    expect(readJpegInfo(fakeJpeg({ width: 4000, height: 3000 }))).toEqual({ width: 4000, height: 3000, components: 3, adobe: false });
    expect(readJpegInfo(fakeJpeg({ width: 1500, height: 2000 }))).toMatchObject({ width: 1500, height: 2000 });
  });

  it('reads progressive and extended frames, grey and CMYK', () => {
    expect(readJpegInfo(fakeJpeg({ width: 640, height: 480, sof: 0xc2 }))).toMatchObject({ width: 640, height: 480 });
    expect(readJpegInfo(fakeJpeg({ width: 640, height: 480, sof: 0xc1 }))).toMatchObject({ width: 640, height: 480 });
    expect(readJpegInfo(fakeJpeg({ width: 300, height: 200, components: 1 }))).toMatchObject({ components: 1 });
    expect(readJpegInfo(fakeJpeg({ width: 300, height: 200, components: 4, adobe: true }))).toMatchObject({ components: 4, adobe: true });
  });

  it('reads a JPEG made by a browser canvas', () => {
    // Chromium's canvas.toBlob('image/jpeg', 0.8) of a 40×30 gradient.
    expect(readJpegInfo(CANVAS_JPEG)).toEqual({ width: 40, height: 30, components: 3, adobe: false });
  });

  it('refuses what a PDF reader could not show', () => {
    expect(readJpegInfo(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
    // Arithmetic-coded frame.
    expect(readJpegInfo(fakeJpeg({ width: 10, height: 10, sof: 0xc9 }))).toBeNull();
    // Cut off before the frame header.
    expect(readJpegInfo(fakeJpeg({ width: 10, height: 10 }).subarray(0, 100))).toBeNull();
  });
});

describe('imagesToPdf', () => {
  const portrait = fakeJpeg({ width: 1500, height: 2000 });
  const landscape = fakeJpeg({ width: 2000, height: 1500 });

  it('writes a PDF whose cross-reference table points at every object', async () => {
    const pdf = await imagesToPdf([{ jpeg: jpegBlob(portrait) }, { jpeg: jpegBlob(landscape), width: 2000, height: 1500 }, { jpeg: jpegBlob(CANVAS_JPEG) }]);
    expect(pdf.type).toBe('application/pdf');
    const text = await pdfText(pdf);
    expect(text.startsWith('%PDF-1.')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);

    const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
    expect(text.slice(startxref, startxref + 5)).toBe('xref\n');
    const [, first, count] = /^xref\n(\d+) (\d+)\n/.exec(text.slice(startxref)) ?? [];
    expect(Number(first)).toBe(0);
    // Catalog, page tree, and page + image + content per photo, plus the free entry 0.
    expect(Number(count)).toBe(1 + 2 + 3 * 3);
    const table = text.slice(startxref + `xref\n0 ${count}\n`.length);
    for (let id = 0; id < Number(count); id++) {
      const entry = table.slice(id * 20, id * 20 + 20);
      if (id === 0) {
        expect(entry).toBe('0000000000 65535 f \n');
        continue;
      }
      expect(entry).toMatch(/^\d{10} 00000 n \n$/);
      expect(text.slice(Number(entry.slice(0, 10))).startsWith(`${id} 0 obj\n`), `object ${id}`).toBe(true);
    }
    expect(text).toContain(`/Size ${count} /Root 1 0 R`);
    expect(text).toContain('/Count 3');
    expect(text).toContain('/Kids [3 0 R 6 0 R 9 0 R]');
  });

  it('embeds every JPEG verbatim as a DCTDecode image of its own size', async () => {
    const pdf = await imagesToPdf([{ jpeg: jpegBlob(portrait) }, { jpeg: jpegBlob(CANVAS_JPEG) }]);
    const text = await pdfText(pdf);
    for (const [jpeg, width, height] of [[portrait, 1500, 2000], [CANVAS_JPEG, 40, 30]] as const) {
      const header = `/Width ${width} /Height ${height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>\nstream\n`;
      const start = text.indexOf(header) + header.length;
      expect(start).toBeGreaterThan(header.length);
      expect(text.slice(start, start + jpeg.length)).toBe(latin1(jpeg));
      expect(text.slice(start + jpeg.length).startsWith('\nendstream\nendobj\n')).toBe(true);
    }
  });

  it('sizes each page to its photo, fitted to A4 in the photo’s orientation', async () => {
    const text = await pdfText(await imagesToPdf([{ jpeg: jpegBlob(portrait) }, { jpeg: jpegBlob(landscape) }, { jpeg: jpegBlob(fakeJpeg({ width: 2000, height: 500 })) }]));
    const boxes = [...text.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
    // A 3:4 photo is wider than A4's 1:√2: it takes the full A4 width (595.28 pt), portrait or
    // landscape; a panorama takes the landscape width.
    expect(boxes).toEqual([
      [595.28, 793.71],
      [793.71, 595.28],
      [841.89, 210.47],
    ]);
    // The image covers its page exactly.
    expect(text).toContain('q 595.28 0 0 793.71 0 0 cm /Im0 Do Q');
    expect(text).toContain('q 793.71 0 0 595.28 0 0 cm /Im1 Do Q');
    // Content stream lengths are right.
    for (const m of text.matchAll(/<< \/Length (\d+) >>\nstream\n(q [^\n]*)\nendstream/g)) expect((m[2] as string).length).toBe(Number(m[1]));
  });

  it('declares grey and Adobe CMYK photos with their colour space', async () => {
    const text = await pdfText(
      await imagesToPdf([{ jpeg: jpegBlob(fakeJpeg({ width: 10, height: 10, components: 1 })) }, { jpeg: jpegBlob(fakeJpeg({ width: 10, height: 10, components: 4, adobe: true })) }]),
    );
    expect(text).toContain('/ColorSpace /DeviceGray');
    expect(text).toContain('/ColorSpace /DeviceCMYK /Decode [1 0 1 0 1 0 1 0]');
  });

  it('refuses a page that is not a JPEG, and an empty list', async () => {
    const png = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])], { type: 'image/png' });
    const error = await imagesToPdf([{ jpeg: jpegBlob(portrait) }, { jpeg: png }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileProcessingError);
    expect(error).toMatchObject({ code: 'decode-failed' });
    await expect(imagesToPdf([])).rejects.toThrow(RangeError);
  });
});

const CANVAS_JPEG = Uint8Array.from(atob('/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAAeACgDASIAAhEBAxEB/8QAGQABAQEBAQEAAAAAAAAAAAAAAwIAAQUH/8QAFhABAQEAAAAAAAAAAAAAAAAAAgAB/8QAFwEBAQEBAAAAAAAAAAAAAAAABgUDB//EABcRAAMBAAAAAAAAAAAAAAAAAAADBCL/2gAMAwEAAhEDEQA/APkDUDVTULVlJMdWqeS1C1dahalEk4dqeS1aJq0jVPkgsfo9VqFqp7A9iUk4nqeS1C1U9geyiScOVPONWie2kSp8kFj9H//Z'), (c) => c.charCodeAt(0));
