// The listing's calls leave one at a time at the pacer's current rate, first come first served. Each waiting call is
// let go at the rate in force when its turn comes, not the rate when it started waiting: a call queued while the pacer
// started low (a limit just found) goes as soon as the rate has grown, and one queued before a 429 waits the new pace.
import type { Clock, TimerHandle } from '../clock.js';

/** After a refusal, the share of an interval the next call waits. */
const REFUSED_WAIT = 0.5;

interface Waiter {
  go: () => void;
  onAbort: () => void;
}

export class RateGate {
  private readonly queue: Waiter[] = [];
  private lastGoneAt = -Infinity;
  private timer: TimerHandle | undefined;

  constructor(
    private readonly clock: Clock,
    /** Calls a second now (Infinity: no wait). */
    private readonly rate: () => number,
  ) {}

  /** Resolves at this call's turn; rejects with the signal's reason if it ends first. */
  turn(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason as Error);
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        go: () => {
          signal?.removeEventListener('abort', waiter.onAbort);
          resolve();
        },
        onAbort: () => {
          this.queue.splice(this.queue.indexOf(waiter), 1);
          reject(signal?.reason as Error);
        },
      };
      signal?.addEventListener('abort', waiter.onAbort, { once: true });
      this.queue.push(waiter);
      this.release();
    });
  }

  /**
   * The service refused a call without a new rate: it was early by a little (timers and the event loop jitter), and
   * used none of the service's capacity, so the next call goes half an interval later, not a whole one.
   */
  refused(): void {
    const rate = this.rate();
    if (rate === Infinity) return;
    this.lastGoneAt = Math.min(this.lastGoneAt, this.clock.now() - (1 - REFUSED_WAIT) * (1000 / rate));
    this.restartTimer();
  }

  /** The pacer set a new rate at a limit: the next call waits a whole interval at it from now. */
  restart(): void {
    this.lastGoneAt = Math.max(this.lastGoneAt, this.clock.now());
    this.restartTimer();
  }

  private restartTimer(): void {
    if (this.timer) this.clock.clearTimer(this.timer);
    this.timer = undefined;
    this.release();
  }

  private release(): void {
    if (this.timer) return;
    while (this.queue.length > 0) {
      const now = this.clock.now();
      const rate = this.rate();
      const dueAt = rate === Infinity ? now : this.lastGoneAt + 1000 / rate;
      if (dueAt > now) {
        this.timer = this.clock.setTimer(() => {
          this.timer = undefined;
          this.release();
        }, dueAt - now);
        return;
      }
      this.lastGoneAt = now;
      this.queue.shift()!.go();
    }
  }
}
