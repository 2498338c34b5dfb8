// Background work (refreshes, keep-fresh rewrites) in flight, so a test or a quitting app can wait for it to finish.

export class WorkTracker {
  private readonly pending = new Set<Promise<unknown>>();

  /** Starts `work` and remembers it until it settles; its result and errors pass through. */
  track<T>(work: Promise<T>): Promise<T> {
    this.pending.add(work);
    const forget = () => this.pending.delete(work);
    work.then(forget, forget);
    return work;
  }

  /** Resolves once nothing is in flight, including work that in-flight work started. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  get busy(): boolean {
    return this.pending.size > 0;
  }
}
