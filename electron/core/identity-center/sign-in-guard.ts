// Bounds a sign-in in time (on the injected clock) and lets the caller cancel it; every wait goes through it.
import type { Clock, TimerHandle } from '../clock.js';
import { SsoTrayError, isSsoTrayError } from '../errors.js';
import type { SessionConfig } from '../shapes/aws-shapes.js';

function cancelledError(session: SessionConfig, signal?: AbortSignal): SsoTrayError {
  const reason: unknown = signal?.reason;
  if (isSsoTrayError(reason)) return reason;
  return new SsoTrayError('sign-in-cancelled', `Sign-in for ${session.name} was cancelled.`, {
    next: { do: 'restart-sign-in', session: session.name },
  });
}

export class SignInGuard {
  private readonly controller = new AbortController();
  private readonly failed: Promise<never>;
  private timer: TimerHandle | undefined;
  private fail!: (error: SsoTrayError) => void;
  private readonly onOuterAbort: () => void;

  /** Aborts the SDK calls of this sign-in on timeout or cancellation. */
  readonly signal = this.controller.signal;

  constructor(
    private readonly session: SessionConfig,
    private readonly clock: Clock,
    private readonly outer: AbortSignal | undefined,
  ) {
    this.failed = new Promise<never>((_, reject) => (this.fail = reject));
    this.failed.catch(() => undefined);
    this.onOuterAbort = () => this.stop(cancelledError(session, outer));
    if (outer?.aborted) this.onOuterAbort();
    else outer?.addEventListener('abort', this.onOuterAbort, { once: true });
  }

  /** (Re)sets the deadline: at `dueAt` the sign-in fails with `error()`. */
  deadline(dueAt: number, error: () => SsoTrayError): void {
    if (this.timer) this.clock.clearTimer(this.timer);
    this.timer = this.clock.setTimer(() => this.stop(error()), Math.max(0, dueAt - this.clock.now()));
  }

  /** `promise`, unless the deadline passes or the sign-in is cancelled first. */
  async race<T>(promise: Promise<T>): Promise<T> {
    try {
      return await Promise.race([promise, this.failed]);
    } catch (error) {
      // An SDK call aborted by this guard rejects with AbortError: report why it was aborted instead.
      if (this.signal.aborted && isSsoTrayError(this.signal.reason)) throw this.signal.reason;
      throw error;
    }
  }

  sleep(ms: number): Promise<void> {
    return this.race(this.clock.sleep(ms, this.signal));
  }

  dispose(): void {
    if (this.timer) this.clock.clearTimer(this.timer);
    this.timer = undefined;
    this.outer?.removeEventListener('abort', this.onOuterAbort);
    if (!this.signal.aborted) this.controller.abort(cancelledError(this.session));
  }

  private stop(error: SsoTrayError): void {
    if (this.signal.aborted) return;
    this.controller.abort(error);
    this.fail(error);
  }
}
