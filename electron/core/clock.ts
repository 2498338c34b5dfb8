// Time is injected everywhere in the core, so a test can live through an 8-hour day in milliseconds.

export type TimerHandle = { readonly id: number };

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  /** Runs `fn` once, `ms` from now (on this clock). */
  setTimer(fn: () => void, ms: number): TimerHandle;
  clearTimer(handle: TimerHandle): void;
  /** Waits `ms` on this clock; rejects with the signal's reason when aborted. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

let nextId = 1;

export const systemClock: Clock = (() => {
  const timers = new Map<number, NodeJS.Timeout>();
  // Node's timers overflow above 2^31-1 ms: long waits are chained.
  const MAX_DELAY = 2 ** 31 - 1;
  const schedule = (id: number, fn: () => void, due: number): void => {
    const delay = Math.max(0, due - Date.now());
    const timer = setTimeout(
      () => {
        if (Date.now() < due) return schedule(id, fn, due);
        timers.delete(id);
        fn();
      },
      Math.min(delay, MAX_DELAY),
    );
    timer.unref?.();
    timers.set(id, timer);
  };
  return {
    now: () => Date.now(),
    setTimer(fn, ms) {
      const id = nextId++;
      schedule(id, fn, Date.now() + ms);
      return { id };
    },
    clearTimer(handle) {
      const timer = timers.get(handle.id);
      if (timer) clearTimeout(timer);
      timers.delete(handle.id);
    },
    sleep(ms, signal) {
      return sleepOn(this, ms, signal);
    },
  };
})();

/** Waits `ms` on `clock`; rejects with the signal's reason when aborted. */
export function sleepOn(clock: Clock, ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clock.clearTimer(handle);
      reject(signal?.reason);
    };
    const handle = clock.setTimer(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
