/**
 * Keystroke → next paint from the browser's Event Timing API, the measure Chrome's Interaction
 * to Next Paint (INP) is built on: each event's `duration` runs from the key's timestamp to the
 * presentation of the frame painted after its handlers, measured by the browser itself.
 *
 * The API reports only events of 16 ms or more (its lowest `durationThreshold`), rounded to
 * 8 ms. A keystroke with no entry took less than 16 ms and counts as 16 ms (an upper bound). A
 * keystroke's latency is the longest of its events (keydown, keypress, beforeinput, input, keyup),
 * as INP counts an interaction: the release and the next keydown's wait for a busy thread count too.
 */

/** What the page keeps of a `PerformanceEventTiming` entry. */
export interface TimedEvent {
  name: string;
  startTime: number;
  duration: number;
}

/** What a keystroke under the API's threshold counts as. */
export const UNREPORTED_MS = 16;

const KEY_EVENTS = new Set(['keydown', 'keypress', 'beforeinput', 'input', 'keyup']);

/**
 * One latency per keystroke of `keyTimes` (each keydown's `timeStamp`, in order): the longest
 * event that started between that keydown and the next one. `reported` counts the keystrokes
 * the API reported at all — none at 4× CPU means the measurement did not work, not that every
 * key was fast.
 */
export const keystrokeLatencies = (keyTimes: readonly number[], events: readonly TimedEvent[]): { latencies: number[]; reported: number } => {
  let reported = 0;
  const latencies = keyTimes.map((start, i) => {
    const end = keyTimes[i + 1] ?? Infinity;
    // The entry's startTime is the event's timeStamp; allow for the API's coarser clock.
    const mine = events.filter((e) => KEY_EVENTS.has(e.name) && e.startTime >= start - 1 && e.startTime < end - 1);
    if (mine.length === 0) return UNREPORTED_MS;
    reported++;
    return Math.max(UNREPORTED_MS, ...mine.map((e) => e.duration));
  });
  return { latencies, reported };
};
