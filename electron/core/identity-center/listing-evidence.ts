// What the listing's answers say about a limit: when calls got through and when they were refused, over the last
// window, and the rate answers came at. The pacer (listing-pacer.ts) decides from it.

/** The window the observed rate and the share of 429s are measured over. */
export const WINDOW_MS = 1_000;
/** Answers in the window needed to measure a rate over it; with fewer, the intervals between the last ones tell it. */
const MIN_EVIDENCE = 5;
/** Intervals between answers that measure a rate too low for MIN_EVIDENCE answers in a window. */
const RECENT_INTERVALS = 6;
/** Answers older than this say nothing about the limit now. */
const EVIDENCE_MS = 10_000;

export class ListingEvidence {
  /** When the service took a call (answered, or failed with a 5xx or a drop: it was reached): the last window's, and at least the last RECENT_INTERVALS + 1 within EVIDENCE_MS. */
  private readonly answeredAt: number[] = [];
  /** When 429s came over the last window. */
  private readonly throttledAt: number[] = [];
  /** When the listing's first call got through. */
  firstAnswerAt: number | undefined;

  /** A call got through (or reached the service and failed another way). */
  reached(now: number): void {
    this.firstAnswerAt ??= now;
    this.answeredAt.push(now);
    this.forget(now);
  }

  /** A 429. */
  refused(now: number): void {
    this.throttledAt.push(now);
    this.forget(now);
  }

  /** 429s over the last window. */
  refusals(now: number): number {
    this.forget(now);
    return this.throttledAt.length;
  }

  /** Answers over the last window. */
  answers(now: number): number {
    let count = 0;
    for (let i = this.answeredAt.length - 1; i >= 0 && this.answeredAt[i]! >= now - WINDOW_MS; i -= 1)
      count += 1;
    return count;
  }

  /**
   * The rate answers came at: over the last window (the listing's first one only as long as it has run); with too few
   * answers in it to tell (a limit of a few calls a second), over the last RECENT_INTERVALS intervals between answers
   * (within EVIDENCE_MS: older ones came at a rate since changed); on less evidence, one a second per answer, at least
   * `floor`.
   */
  observedRate(now: number, floor: number): number {
    const recent = this.answers(now);
    if (recent >= MIN_EVIDENCE) {
      const span = Math.max(100, Math.min(WINDOW_MS, now - (this.firstAnswerAt ?? now)));
      return recent / (span / 1000);
    }
    const answers = this.answeredAt.slice(-RECENT_INTERVALS - 1);
    if (answers.length < 3) return Math.max(floor, answers.length);
    const span = Math.max(WINDOW_MS / 2, answers.at(-1)! - answers[0]!);
    return (answers.length - 1) / (span / 1000);
  }

  private forget(now: number): void {
    while ((this.throttledAt[0] ?? now) < now - WINDOW_MS) this.throttledAt.shift();
    const answers = this.answeredAt;
    const kept = RECENT_INTERVALS + 1;
    while (answers.length > 0 && answers[0]! < now - (answers.length > kept ? WINDOW_MS : EVIDENCE_MS))
      answers.shift();
  }
}
