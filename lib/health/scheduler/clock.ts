// What the scheduler reads time from and waits on; tests inject a clock they advance by hand.

export interface SchedulerClock {
  now(): number;
  /** Resolves after `ms` of this clock, or at once when `signal` aborts or `cancel` is called. */
  sleep(ms: number, signal?: AbortSignal): { done: Promise<void>; cancel: () => void };
}

export const realClock: SchedulerClock = { now: () => Date.now(), sleep: (ms, signal) => sleep(ms, signal) };

/**
 * Resolves after `ms` or on abort. `cancel` resolves it at once and removes its timer and listener:
 * sleeps left pending until their timer fired piled up listeners on the loop's signal.
 */
function sleep(ms: number, signal?: AbortSignal): { done: Promise<void>; cancel: () => void } {
  let cancel = () => {};
  const done = new Promise<void>((resolve) => {
    const finish = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", finish);
      resolve();
    };
    const timer = setTimeout(finish, ms);
    signal?.addEventListener("abort", finish, { once: true });
    if (signal?.aborted) finish(); // an abort already past fires no event
    cancel = finish;
  });
  return { done, cancel };
}
