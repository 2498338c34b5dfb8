// The listing's sending rate and concurrency at a service limit. Unlimited until the first 429; then, once per
// congestion event (not once per 429: they arrive in clusters), the rate is set to the rate answers were observed
// at, so it holds the limit without the sawtooth of cutting per response; it creeps up between events in case the
// limit rose. A 429 while nearly every call gets through, or while 429s are a small steady share of the answers, is a
// random fault, not a limit, and changes nothing (else random 429s would ratchet the rate down); 5xx answers and
// dropped connections reached the service, so they count as got through, never as a limit. Concurrency follows: 16 with no limit known, else just enough calls on
// the wire to hold the rate (a call waiting out the SDK's retry delay is not on the wire).
import type { Clock } from '../clock.js';

/** Without a known limit, 16 calls in flight halve the listing's time against 8 (`npm run bench`). */
export const MAX_CONCURRENCY = 16;
/** The window the observed rate is measured over, and how long a congestion event lasts after the rate is set. */
const WINDOW_MS = 1_000;
/** Growth per answer between congestion events once the rate was measured over a full window: 4% a second. */
const GROWTH_PER_ANSWER = 0.04;
/** Before that (the first 429 can come within milliseconds, from too few answers to tell): doubling each second. */
const SLOW_START_PER_ANSWER = 1;
const MIN_EVIDENCE = 5;
/** Answers above this share of the sending rate mean the service is keeping up: the 429 was not the limit. */
const KEEPING_UP = 0.85;
/**
 * A 429 when at most this share of the last window's answers were 429s is a random fault, not a limit: random faults
 * throttle a steady share whatever the rate, while sending 25% over a limit throttles 20% of calls, and more above.
 */
const RANDOM_THROTTLE_SHARE = 0.2;
/** 429s in the window before their share is judged: a real limit gives 10 at once, 10% random ones rarely do. */
const MIN_THROTTLES = 10;

export class ListingPacer {
  /** Calls a second; Infinity until the service has throttled. */
  private rate = Infinity;
  private nextSendAt = 0;
  private eventEndsAt = -Infinity;
  /** When the service took a call (answered, or failed with a 5xx or a drop: it was reached) over the last window. */
  private readonly answeredAt: number[] = [];
  /** When 429s came over the last window. */
  private readonly throttledAt: number[] = [];
  private latencyMs = 50;
  private firstAnswerAt: number | undefined;
  /** The rate was set from a full window of answers. */
  private measured = false;
  private wire = 0;
  /** Told when a call leaves the wire, so a scheduler waiting for room can send. */
  onRoom: () => void = () => undefined;
  /** 429s met, for the caller's figures. */
  throttled = 0;

  constructor(
    private readonly clock: Clock,
    private readonly maxConcurrency = MAX_CONCURRENCY,
  ) {}

  /** How many calls may be in flight now. */
  concurrency(): number {
    if (this.rate === Infinity) return this.maxConcurrency;
    const needed = Math.ceil((this.rate * this.latencyMs * 1.5) / 1000) + 1;
    return Math.max(2, Math.min(this.maxConcurrency, needed));
  }

  /** Whether another call may go on the wire now. */
  hasRoom(): boolean {
    return this.wire < this.concurrency();
  }

  /** An attempt is sent; `done` is called with its answer. */
  sent(): void {
    this.wire += 1;
  }

  private left(): void {
    this.wire -= 1;
    this.onRoom();
  }

  /** The sending rate in calls a second (Infinity while no limit is known). */
  currentRate(): number {
    return this.rate;
  }

  /** Waits until the rate allows the next call (no wait while unlimited). */
  async slot(signal?: AbortSignal): Promise<void> {
    if (this.rate === Infinity) return;
    const now = this.clock.now();
    const at = Math.max(now, this.nextSendAt);
    this.nextSendAt = at + 1000 / this.rate;
    if (at > now) await this.clock.sleep(at - now, signal);
  }

  /** A call answered (not throttled) after `ms`. */
  answered(ms: number): void {
    this.left();
    const now = this.clock.now();
    this.firstAnswerAt ??= now;
    this.reached(now);
    this.latencyMs += (ms - this.latencyMs) / 8;
    if (this.rate !== Infinity && now >= this.eventEndsAt)
      this.rate += this.measured ? GROWTH_PER_ANSWER : SLOW_START_PER_ANSWER;
  }

  /** An attempt failed another way (5xx, dropped, timed out): the service was reached, so it counts as got through. */
  failed(): void {
    this.left();
    this.reached(this.clock.now());
  }

  private reached(now: number): void {
    this.answeredAt.push(now);
    this.forget(now);
  }

  private forget(now: number): void {
    for (const times of [this.answeredAt, this.throttledAt])
      while ((times[0] ?? now) < now - WINDOW_MS) times.shift();
  }

  /** A 429: the first of a congestion event sets the rate to what got through over the last window. */
  throttle(): void {
    this.left();
    this.throttled += 1;
    const now = this.clock.now();
    this.throttledAt.push(now);
    this.forget(now);
    if (now < this.eventEndsAt) return;
    const elapsed = now - (this.firstAnswerAt ?? now);
    const span = Math.max(100, Math.min(WINDOW_MS, elapsed));
    // A 429 before a handful of answers says nothing about the rate that gets through.
    if (this.answeredAt.length < MIN_EVIDENCE) return;
    const share = this.throttledAt.length / (this.throttledAt.length + this.answeredAt.length);
    const observed = this.answeredAt.length / (span / 1000);
    // A limit shows as a large share of 429s (of enough of them: 2 of 7 answers says little), or, once a rate is held,
    // as fewer answers than calls sent.
    const limitShare = share > RANDOM_THROTTLE_SHARE && this.throttledAt.length >= MIN_THROTTLES;
    if (!limitShare && (this.rate === Infinity || observed >= KEEPING_UP * this.rate)) return;
    this.rate = Math.max(1, Math.min(observed, this.rate));
    this.measured = elapsed >= WINDOW_MS;
    this.eventEndsAt = now + WINDOW_MS;
    this.nextSendAt = Math.max(this.nextSendAt, now + 1000 / this.rate);
  }
}
