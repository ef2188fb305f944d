import { qrGeometry } from '../../components/ui/QrCode.tsx';
import { imagesToPdf } from '../../lib/files/images-to-pdf.ts';

/**
 * The saved receipt: one A4 page as a PDF, the file every phone opens, prints and shares (an
 * .html file, which it was before, opens in a browser at best). The page is drawn on a canvas —
 * text, the tracking QR code — and becomes a JPEG inside a PDF through the writer the document
 * step already uses, so nothing new is downloaded for it.
 */
export interface ReceiptSheet {
  issuedBy: string;
  title: string;
  code: string;
  qrValue: string;
  trackAt: string;
  rows: [string, string][];
  sections: { heading: string; lines: string[] }[];
}

// A4 at 150 dpi.
const WIDTH = 1240;
const HEIGHT = 1754;
const MARGIN = 96;
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif';

/** Lines of at most `width` (measured by `measure`), breaking at spaces; a word longer than a line is cut. */
export const wrap = (text: string, width: number, measure: (s: string) => number): string[] => {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (measure(candidate) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    let rest = word;
    while (measure(rest) > width && rest.length > 1) {
      let cut = rest.length - 1;
      while (cut > 1 && measure(rest.slice(0, cut)) > width) cut--;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines;
};

const drawPage = (sheet: ReceiptSheet): HTMLCanvasElement => {
  const canvas = document.createElement('canvas');
  canvas.width = WIDTH;
  canvas.height = HEIGHT;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('No 2D canvas');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, WIDTH, HEIGHT);
  ctx.fillStyle = '#000';
  ctx.textBaseline = 'top';
  let y = MARGIN;
  const text = (value: string, size: number, weight = 400, x = MARGIN, width = WIDTH - 2 * MARGIN) => {
    ctx.font = `${weight} ${size}px ${FONT}`;
    for (const line of wrap(value, width, (s) => ctx.measureText(s).width)) {
      if (y > HEIGHT - MARGIN) return;
      ctx.fillText(line, x, y);
      y += Math.round(size * 1.35);
    }
  };
  text(sheet.issuedBy, 26);
  y += 8;
  text(sheet.title, 44, 700);
  y += 8;
  text(sheet.code, 52, 700);
  y += 16;

  // The tracking QR code, crisp: whole device pixels per module.
  const { size, path } = qrGeometry(sheet.qrValue);
  const scale = Math.floor(300 / size);
  ctx.save();
  ctx.translate(MARGIN, y);
  ctx.scale(scale, scale);
  ctx.fill(new Path2D(path));
  ctx.restore();
  const qrBottom = y + size * scale;
  y = qrBottom + 12;
  text(sheet.trackAt, 24);
  y += 16;

  const labelWidth = 330;
  for (const [label, value] of sheet.rows) {
    const top = y;
    text(label, 26, 700, MARGIN, labelWidth - 16);
    const afterLabel = y;
    y = top;
    text(value, 26, 400, MARGIN + labelWidth, WIDTH - 2 * MARGIN - labelWidth);
    y = Math.max(y, afterLabel) + 10;
    ctx.fillRect(MARGIN, y - 6, WIDTH - 2 * MARGIN, 1);
  }
  for (const section of sheet.sections) {
    y += 20;
    text(section.heading, 32, 700);
    for (const line of section.lines) text(line, 26);
  }
  return canvas;
};

/** The receipt as a PDF blob. Throws when the browser cannot draw (no canvas). */
export const receiptPdf = async (sheet: ReceiptSheet): Promise<Blob> => {
  const canvas = drawPage(sheet);
  const jpeg = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The receipt could not be drawn'))), 'image/jpeg', 0.9),
  );
  return imagesToPdf([{ jpeg, width: WIDTH, height: HEIGHT }]);
};
