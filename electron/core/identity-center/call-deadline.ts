// How long a user waits for Identity Center at most: a call, its retries included, ends after this long without an
// answer (the SDK's per-attempt timeout alone let five attempts of a hung service take 52 s).
/** About 30 s for a user's wait on a hung service: three attempts at the 10 s request timeout, not five. */
export const TOTAL_WAIT_MS = 30_000;

/** Aborts its signal after `ms` without an answer; each answer (`answered`) starts the wait again. */
export class CallDeadline {
  private readonly controller = new AbortController();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly ms: number) {
    this.answered();
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get expired(): boolean {
    return this.controller.signal.aborted;
  }

  /** The service answered (any status): a call that is being answered is not hung, however long its retries take. */
  answered(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.controller.abort(new Error('no answer in time')), this.ms);
    // A deadline never keeps a process alive on its own.
    this.timer.unref();
  }

  /** The call waits for our own pacing (listing-pacer.ts), not for the service: no wait runs until the next answer. */
  pause(): void {
    clearTimeout(this.timer);
  }

  dispose(): void {
    clearTimeout(this.timer);
  }
}

/**
 * One SDK call (its retries included) given at most `ms` without an answer: `send` gets the signal to pass as
 * abortSignal; past the deadline the call ends with `timedOut()`, the sentence for a service that does not answer.
 */
export async function withinDeadline<T>(
  ms: number,
  signal: AbortSignal | undefined,
  send: (signal: AbortSignal) => Promise<T>,
  timedOut: (cause: unknown) => Error,
): Promise<T> {
  const deadline = new CallDeadline(ms);
  try {
    return await send(signal ? AbortSignal.any([signal, deadline.signal]) : deadline.signal);
  } catch (error) {
    if (deadline.expired && !signal?.aborted) throw timedOut(error);
    throw error;
  } finally {
    deadline.dispose();
  }
}
