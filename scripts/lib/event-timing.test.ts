import { describe, expect, it } from 'vitest';
import { keystrokeLatencies, UNREPORTED_MS } from './event-timing.ts';

describe('keystroke latencies from Event Timing', () => {
  it('takes the longest event of each keystroke, the release and the input included', () => {
    const { latencies, reported } = keystrokeLatencies(
      [1000, 1120, 1240],
      [
        { name: 'keydown', startTime: 1000, duration: 40 },
        { name: 'keypress', startTime: 1000.2, duration: 40 },
        { name: 'keyup', startTime: 1010, duration: 56 },
        { name: 'keydown', startTime: 1120, duration: 24 },
        { name: 'input', startTime: 1125, duration: 32 },
        { name: 'keydown', startTime: 1240, duration: 48 },
        // Not a keystroke's event: a click does not count against typing.
        { name: 'click', startTime: 1245, duration: 300 },
      ],
    );
    expect(latencies).toEqual([56, 32, 48]);
    expect(reported).toBe(3);
  });

  it('counts a keystroke the API did not report as under its threshold, and says how many it reported', () => {
    const { latencies, reported } = keystrokeLatencies([1000, 1120], [{ name: 'keydown', startTime: 1120, duration: 24 }]);
    expect(latencies).toEqual([UNREPORTED_MS, 24]);
    expect(reported).toBe(1);
  });

  it('reports nothing when the API saw nothing — the benchmark fails on that instead of passing at 16 ms', () => {
    expect(keystrokeLatencies([1000, 1120, 1240], []).reported).toBe(0);
  });
});
