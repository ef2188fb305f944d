// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { OPS, getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { imagesToPdf } from './images-to-pdf.ts';

/**
 * The PDF writer checked by a reader that is not ours: Mozilla's PDF.js, the engine of
 * Firefox's viewer, parses what `imagesToPdf` wrote, lists its pages and decodes the photos.
 */

/** A 40×30 JPEG made by Chromium's canvas (a real, decodable image). */
const CANVAS_JPEG = Uint8Array.from(
  atob(
    '/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAAeACgDASIAAhEBAxEB/8QAGQABAQEBAQEAAAAAAAAAAAAAAwIAAQUH/8QAFhABAQEAAAAAAAAAAAAAAAAAAgAB/8QAFwEBAQEBAAAAAAAAAAAAAAAABgUDB//EABcRAAMBAAAAAAAAAAAAAAAAAAADBCL/2gAMAwEAAhEDEQA/APkDUDVTULVlJMdWqeS1C1dahalEk4dqeS1aJq0jVPkgsfo9VqFqp7A9iUk4nqeS1C1U9geyiScOVPONWie2kSp8kFj9H//Z',
  ),
  (c) => c.charCodeAt(0),
);

/** The same image declared at another pixel size, as a page of a different shape. */
const withSize = (jpeg: Uint8Array, width: number, height: number) => {
  const copy = jpeg.slice();
  for (let i = 2; i + 9 < copy.length; ) {
    const marker = copy[i + 1] as number;
    if (marker === 0xc0 || marker === 0xc2) {
      copy[i + 5] = height >> 8;
      copy[i + 6] = height & 0xff;
      copy[i + 7] = width >> 8;
      copy[i + 8] = width & 0xff;
      return copy;
    }
    i += 2 + (((copy[i + 2] as number) << 8) | (copy[i + 3] as number));
  }
  throw new Error('no frame header');
};

const jpeg = (bytes: Uint8Array) => new Blob([bytes.slice().buffer], { type: 'image/jpeg' });

const opened: { destroy: () => Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((task) => task.destroy()));
});

const read = async (pdf: Blob): Promise<PDFDocumentProxy> => {
  const task = getDocument({ data: new Uint8Array(await pdf.arrayBuffer()), stopAtErrors: true, useSystemFonts: false, verbosity: 0 });
  opened.push(task);
  return task.promise;
};

/** The images each page paints, decoded by PDF.js (width, height in pixels). */
const paintedImages = async (doc: PDFDocumentProxy, pageNumber: number) => {
  const page = await doc.getPage(pageNumber);
  const ops = await page.getOperatorList();
  const images: { width: number; height: number; decoded: boolean }[] = [];
  for (const [i, fn] of ops.fnArray.entries()) {
    if (fn !== OPS.paintImageXObject) continue;
    const [name] = ops.argsArray[i] as [string];
    const image = await new Promise<{ width: number; height: number; data?: Uint8ClampedArray; bitmap?: unknown }>((resolve) => page.objs.get(name, resolve));
    images.push({ width: image.width, height: image.height, decoded: Boolean(image.bitmap) || (image.data?.length ?? 0) >= image.width * image.height * 3 });
  }
  return images;
};

describe('imagesToPdf, read back by PDF.js', () => {
  it('opens with one page per photo, each page the photo’s shape fitted to A4', async () => {
    const pdf = await imagesToPdf([{ jpeg: jpeg(CANVAS_JPEG) }, { jpeg: jpeg(withSize(CANVAS_JPEG, 30, 40)) }, { jpeg: jpeg(CANVAS_JPEG) }]);
    const doc = await read(pdf);
    expect(doc.numPages).toBe(3);
    const sizes = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const { view, rotate } = await doc.getPage(n);
      expect(rotate).toBe(0);
      sizes.push(view.map((v) => Math.round(v * 100) / 100));
    }
    // 4:3 landscape, 3:4 portrait: each as wide as A4 allows in its orientation.
    expect(sizes).toEqual([
      [0, 0, 793.71, 595.28],
      [0, 0, 595.28, 793.71],
      [0, 0, 793.71, 595.28],
    ]);
  });

  it('paints each page with its photo, a JPEG the reader decodes to the photo’s pixels', async () => {
    const doc = await read(await imagesToPdf([{ jpeg: jpeg(CANVAS_JPEG) }, { jpeg: jpeg(CANVAS_JPEG) }]));
    for (const n of [1, 2]) {
      const images = await paintedImages(doc, n);
      expect(images).toHaveLength(1);
      expect(images[0]).toEqual({ width: 40, height: 30, decoded: true });
    }
  });

  it('(control) the reader does not open just anything: half of the same file is refused', async () => {
    const bytes = new Uint8Array(await (await imagesToPdf([{ jpeg: jpeg(CANVAS_JPEG) }])).arrayBuffer());
    await expect(read(new Blob([bytes.slice(0, bytes.length / 2)]))).rejects.toThrow();
  });
});
