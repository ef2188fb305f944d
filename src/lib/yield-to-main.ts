/**
 * Ends the current task and resumes in a new one, so that a tap waiting in between is handled
 * first (a slow phone's main thread stays responsive: no task over 50 ms, Lighthouse's TBT).
 * `scheduler.yield()` resumes ahead of other queued tasks where the browser has it (Chromium);
 * elsewhere a zero timeout does the same job, behind them.
 */
export const yieldToMain = (): Promise<void> => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
};
