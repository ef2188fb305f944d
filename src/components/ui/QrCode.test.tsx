import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { encode } from 'uqr';
import { QR_QUIET_ZONE, QrCode, qrGeometry, qrSvgMarkup } from './QrCode.tsx';

const value = 'https://motcuaso.example/track?code=000.00.12.H62-201105-0004';

/** Dark modules drawn by the path, as "x,y" cells (runs expanded). */
const cells = (path: string): Set<string> => {
  const drawn = new Set<string>();
  for (const [, x, y, run] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) {
    for (let i = 0; i < Number(run); i++) drawn.add(`${Number(x) + i},${y}`);
  }
  return drawn;
};

describe('QrCode', () => {
  it('renders an image with its label, drawn as a single path', () => {
    const { container } = render(<QrCode value={value} label="Mã QR tra cứu hồ sơ" size={160} />);
    const img = screen.getByRole('img', { name: 'Mã QR tra cứu hồ sơ' });
    expect(img.tagName.toLowerCase()).toBe('svg');
    expect(img).toHaveAttribute('width', '160');
    expect(container.querySelectorAll('path')).toHaveLength(1);
    // No style attributes anywhere: the CSP blocks them.
    expect(container.querySelector('[style]')).toBeNull();
    expect(container.querySelector('path')?.getAttribute('d')).toBe(qrGeometry(value).path);
  });

  it('draws exactly the dark modules of the encoded value, inside a quiet zone', () => {
    const { data } = encode(value, { ecc: 'M', border: 0 });
    const expected = new Set<string>();
    data.forEach((row, y) => row.forEach((dark, x) => dark && expected.add(`${x + QR_QUIET_ZONE},${y + QR_QUIET_ZONE}`)));
    const geometry = qrGeometry(value);
    const drawn = cells(geometry.path);
    expect(drawn.size).toBeGreaterThan(100);
    expect(drawn).toEqual(expected);
    expect(geometry.size).toBe(data.length + 2 * QR_QUIET_ZONE);
    for (const cell of drawn) {
      const [x = 0, y = 0] = cell.split(',').map(Number);
      expect(Math.min(x, y)).toBeGreaterThanOrEqual(QR_QUIET_ZONE);
      expect(Math.max(x, y)).toBeLessThan(geometry.size - QR_QUIET_ZONE);
    }
  });

  it('encodes different values differently', () => {
    expect(qrGeometry('A').path).not.toBe(qrGeometry('B').path);
  });

  it('escapes the label in standalone markup', () => {
    const markup = qrSvgMarkup('x', 'a "quoted" <label> & more');
    expect(markup).toContain('aria-label="a &quot;quoted&quot; &lt;label> &amp; more"');
    expect(markup.match(/<path /g)).toHaveLength(1);
  });
});
