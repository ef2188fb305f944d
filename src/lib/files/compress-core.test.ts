import { describe, expect, it } from 'vitest';
import { encodeWithinBudget, fitWithin, type EncodeTarget } from './compress-core.ts';

// jsdom has no canvas: a fake one whose JPEG size is a function of pixel count and quality.
const fakeCanvas = (bytesPerPixelAt: (quality: number) => number, log: string[]) => (width: number, height: number): EncodeTarget => {
  log.push(`canvas ${width}×${height}`);
  const context = { fillRect: () => {}, drawImage: () => log.push('draw') } as unknown as EncodeTarget['context'];
  return {
    context,
    toJpeg: async (quality) => {
      log.push(`q${quality}`);
      return new Blob([new Uint8Array(Math.round(width * height * bytesPerPixelAt(quality)))], { type: 'image/jpeg' });
    },
  };
};
const source = {} as CanvasImageSource;

describe('fitWithin', () => {
  it('shrinks the long edge to the limit, keeping the proportions', () => {
    expect(fitWithin(4000, 3000, 2000)).toEqual([2000, 1500]);
    expect(fitWithin(3024, 4032, 2000)).toEqual([1500, 2000]);
    expect(fitWithin(4000, 3000, 1600)).toEqual([1600, 1200]);
  });
  it('never enlarges', () => {
    expect(fitWithin(1280, 720, 2000)).toEqual([1280, 720]);
  });
});

describe('encodeWithinBudget', () => {
  it('stops at the first quality that fits', async () => {
    const log: string[] = [];
    // 2000×1500 = 3 MP: 0.8 → 600 kB+, 0.7 → 450 kB.
    const result = await encodeWithinBudget(source, 4000, 3000, 600_000, fakeCanvas((q) => (q >= 0.8 ? 0.25 : q >= 0.7 ? 0.15 : 0.1), log));
    expect(log).toEqual(['canvas 2000×1500', 'draw', 'q0.8', 'q0.7']);
    expect(result).toMatchObject({ width: 2000, height: 1500, quality: 0.7 });
    expect(result.blob.size).toBe(450_000);
  });

  it('goes down to 1600 px when no quality fits at 2000 px', async () => {
    const log: string[] = [];
    // 0.3 bytes per pixel at any quality: 900 kB at 2000 px, 576 kB at 1600 px.
    const result = await encodeWithinBudget(source, 4000, 3000, 600_000, fakeCanvas(() => 0.3, log));
    expect(log).toEqual(['canvas 2000×1500', 'draw', 'q0.8', 'q0.7', 'q0.6', 'q0.5', 'canvas 1600×1200', 'draw', 'q0.8']);
    expect(result).toMatchObject({ width: 1600, height: 1200, quality: 0.8 });
  });

  it('returns the smallest attempt when nothing fits', async () => {
    const log: string[] = [];
    const result = await encodeWithinBudget(source, 4000, 3000, 100_000, fakeCanvas((q) => q, log));
    expect(log).toHaveLength(2 * (2 + 4));
    expect(result).toMatchObject({ width: 1600, height: 1200, quality: 0.5 });
  });

  it('does not try 1600 px on a photo already smaller', async () => {
    const log: string[] = [];
    const result = await encodeWithinBudget(source, 1200, 900, 1000, fakeCanvas((q) => q, log));
    expect(log).toEqual(['canvas 1200×900', 'draw', 'q0.8', 'q0.7', 'q0.6', 'q0.5']);
    expect(result.quality).toBe(0.5);
  });

  it('checks for cancellation before each encoding', async () => {
    let calls = 0;
    const stop = () => {
      if (++calls === 3) throw new Error('stop');
    };
    await expect(encodeWithinBudget(source, 4000, 3000, 1, fakeCanvas(() => 1, []), stop)).rejects.toThrow('stop');
    expect(calls).toBe(3);
  });
});
