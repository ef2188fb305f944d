import { useMemo } from 'react';
import { encode } from 'uqr';

/** Modules of white around the code: scanners need a quiet zone (ISO/IEC 18004 asks for 4). */
export const QR_QUIET_ZONE = 4;

export interface QrGeometry {
  /** Modules across, quiet zone included. */
  size: number;
  /** One SVG path of every dark module (runs of dark modules in a row become one rectangle). */
  path: string;
}

/**
 * The QR code as path data. Kept apart from the component so a downloaded receipt can embed
 * the same SVG. Plain SVG attributes only: the CSP (style-src 'self') forbids style attributes.
 */
export const qrGeometry = (value: string): QrGeometry => {
  const { data } = encode(value, { ecc: 'M', border: 0 });
  const parts: string[] = [];
  data.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < row.length && row[x]) x++;
      const run = x - start;
      parts.push(`M${start + QR_QUIET_ZONE} ${y + QR_QUIET_ZONE}h${run}v1h-${run}z`);
    }
  });
  return { size: data.length + 2 * QR_QUIET_ZONE, path: parts.join('') };
};

/** Markup of the code for documents built outside React (a saved receipt). */
export const qrSvgMarkup = (value: string, label: string, pixels = 200): string => {
  const { size, path } = qrGeometry(value);
  const escaped = label.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escaped}" width="${pixels}" height="${pixels}" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges"><rect width="${size}" height="${size}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
};

interface Props {
  value: string;
  /** What the code is for, read by screen readers ("QR code to track dossier …"). */
  label: string;
  /** Rendered width and height in CSS pixels. */
  size?: number;
  className?: string;
}

/** An accessible QR code: black on white with its quiet zone, drawn as one path. */
export const QrCode = ({ value, label, size = 200, className }: Props) => {
  const geometry = useMemo(() => qrGeometry(value), [value]);
  return (
    <svg
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`0 0 ${geometry.size} ${geometry.size}`}
      shapeRendering="crispEdges"
      className={className ? `qr-code ${className}` : 'qr-code'}
      focusable="false"
    >
      <rect width={geometry.size} height={geometry.size} fill="#fff" />
      <path d={geometry.path} fill="#000" />
    </svg>
  );
};
