// Test support: a clock that moves only when a test says so, and a way to let pending work run. Never in the product.
import { setImmediate } from 'node:timers';
import { sleepOn, type Clock, type TimerHandle } from '../../electron/core/clock.js';

/** A clock that only moves when told to: timers fire in order as `advance` passes their due time. */
export class FakeClock implements Clock {
  private current: number;
  private readonly timers = new Map<number, { due: number; fn: () => void }>();
  private nextId = 1;

  constructor(start: number | Date = Date.UTC(2026, 0, 5, 8, 0, 0)) {
    this.current = typeof start === 'number' ? start : start.getTime();
  }

  now(): number {
    return this.current;
  }

  setTimer(fn: () => void, ms: number): TimerHandle {
    const id = this.nextId++;
    this.timers.set(id, { due: this.current + Math.max(0, ms), fn });
    return { id };
  }

  clearTimer(handle: TimerHandle): void {
    this.timers.delete(handle.id);
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return sleepOn(this, ms, signal);
  }

  /** Number of timers waiting: an idle app has only what is really due later. */
  pendingTimers(): number {
    return this.timers.size;
  }

  /** Due time of the next timer, if any. */
  nextDue(): number | undefined {
    let next: number | undefined;
    for (const { due } of this.timers.values()) if (next === undefined || due < next) next = due;
    return next;
  }

  /**
   * Moves time forward by `ms`, firing each due timer at its own time, and lets the promise jobs
   * each timer starts settle before the next one fires.
   */
  async advance(ms: number): Promise<void> {
    const target = this.current + ms;
    for (;;) {
      await settle();
      const next = this.nextEntry();
      if (!next || next[1].due > target) break;
      this.timers.delete(next[0]);
      this.current = Math.max(this.current, next[1].due);
      next[1].fn();
    }
    this.current = target;
    await settle();
  }

  /** Sets the time without firing timers, like a laptop waking from sleep; call `advance(0)` to fire. */
  jump(ms: number): void {
    this.current += ms;
  }

  private nextEntry(): [number, { due: number; fn: () => void }] | undefined {
    let best: [number, { due: number; fn: () => void }] | undefined;
    for (const entry of this.timers) {
      if (!best || entry[1].due < best[1].due || (entry[1].due === best[1].due && entry[0] < best[0]))
        best = entry;
    }
    return best;
  }
}

/** Lets pending promise jobs and I/O callbacks run. */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
