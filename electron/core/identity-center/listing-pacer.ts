// The listing's sending rate and concurrency at a service limit. Unlimited until the service shows a limit; then, once
// per congestion event (not once per 429: they arrive in clusters), the rate is set from what the answers show
// (listing-evidence.ts), so it holds the limit without the sawtooth of cutting per response, and grows between events
// as TCP's congestion control does (https://www.rfc-editor.org/rfc/rfc5681#section-3.1): slow start up to a threshold,
// then slowly, in case the limit rose. A limit shows as a large share of 429s (a refused burst: 15 of 16 first calls
// refused under a limit of a few calls a second, however few answers came), or, once a rate is held, as fewer answers
// than calls sent. A 429 while nearly every call gets through, or while 429s are a small steady share of the answers,
// is a random fault, not a limit, and changes nothing (else random 429s would ratchet the rate down); 5xx answers and
// dropped connections reached the service, so they count as got through, never as a limit. Concurrency follows: 16
// with no limit known, else just enough calls on the wire to hold the rate (a call waiting for its turn at the gate,
// listing-rate-gate.ts, is not on the wire). A service that refuses every call for the user's whole wait
// (call-deadline.ts) has stopped letting the listing through: the pacer says so (onStalled).
import type { Clock, TimerHandle } from '../clock.js';
import { TOTAL_WAIT_MS } from './call-deadline.js';
import { ListingEvidence, WINDOW_MS } from './listing-evidence.js';
import { RateGate } from './listing-rate-gate.js';

/** Without a known limit, 16 calls in flight halve the listing's time against 8 (`npm run bench`). */
export const MAX_CONCURRENCY = 16;
/** Growth per answer between congestion events at or above the slow-start threshold: 4% a second. */
const GROWTH_PER_ANSWER = 0.04;
/**
 * Below it (the first 429 can come within milliseconds, from too few answers to tell; or a limit far below the rate
 * was met): about 1.6x a second, gentler than TCP's doubling, as one answer at a limit of 1 a second would otherwise
 * double the rate at once.
 */
const SLOW_START_PER_ANSWER = 0.5;
/** A 429 in slow start cuts the rate to this share of it, at least. */
const SLOW_START_CUT = 0.8;
/**
 * After a limit met while growing slowly, slow start runs up to this share of the rate that met it: the rate may have
 * been set far below (most calls refused), and goes back to just under the rate that proved too fast at once.
 */
const THRESHOLD_SHARE = 0.85;
/** The slowest the pacer goes: below it, a limit that refuses everything is reported (onStalled), not crept at. */
const MIN_RATE = 0.5;
/** A limit met with answers above this share of the rate held was only just crossed: the rate is cut by DECREASE. */
const CLOSE = 0.7;
/** So was one met with at most this share of the window's calls refused. */
const CROSSED_SHARE = 0.5;
/** The multiplicative decrease for a limit just crossed (AIMD: https://www.rfc-editor.org/rfc/rfc5681#section-3.1). */
const DECREASE = 0.95;
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
  private readonly gate: RateGate;
  private eventEndsAt = -Infinity;
  private readonly evidence = new ListingEvidence();
  private latencyMs = 50;
  /** Slow start below this rate, the slow growth above it (Infinity until a rate held has met a limit). */
  private threshold = Infinity;
  private wire = 0;
  /** Told when a call leaves the wire, so a scheduler waiting for room can send. */
  onRoom: () => void = () => undefined;
  /** Told when nothing got through for the whole wait since a 429: the listing ends with the throttled sentence. */
  onStalled: () => void = () => undefined;
  /** Runs from a 429 until the next call that gets through. */
  private stall: TimerHandle | undefined;
  /** 429s met, for the caller's figures. */
  throttled = 0;

  constructor(
    private readonly clock: Clock,
    private readonly maxConcurrency = MAX_CONCURRENCY,
    private readonly stallMs = TOTAL_WAIT_MS,
  ) {
    this.gate = new RateGate(clock, () => this.rate);
  }

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

  /** Waits until the rate allows the next call (no wait while unlimited), in the order calls asked. */
  slot(signal?: AbortSignal): Promise<void> {
    return this.gate.turn(signal);
  }

  /** A call answered (not throttled) after `ms`. */
  answered(ms: number): void {
    this.left();
    const now = this.clock.now();
    this.evidence.reached(now);
    this.latencyMs += (ms - this.latencyMs) / 8;
    this.close();
    if (this.rate !== Infinity && now >= this.eventEndsAt)
      this.rate =
        this.rate < this.threshold
          ? Math.min(this.threshold, this.rate + SLOW_START_PER_ANSWER)
          : this.rate + GROWTH_PER_ANSWER;
  }

  /** The listing ended: no stall is reported any more. */
  close(): void {
    if (this.stall) this.clock.clearTimer(this.stall);
    this.stall = undefined;
  }

  /** An attempt failed another way (5xx, dropped, timed out): the service was reached, so it counts as got through. */
  failed(): void {
    this.left();
    this.evidence.reached(this.clock.now());
  }

  /** A 429: the first of a congestion event sets the rate to what got through over the last window. */
  throttle(): void {
    this.left();
    this.throttled += 1;
    const now = this.clock.now();
    this.evidence.refused(now);
    this.stall ??= this.clock.setTimer(() => this.onStalled(), this.stallMs);
    if (now < this.eventEndsAt) return this.gate.refused();
    const refusals = this.evidence.refusals(now);
    const share = refusals / (refusals + this.evidence.answers(now));
    const observed = this.evidence.observedRate(now, MIN_RATE);
    // A limit shows as a large share of 429s (of enough of them: 2 of 7 answers says little), however few answers
    // came (a refused burst is the clearest sign of a limit there is), or, once a rate is held, as fewer answers than
    // calls sent.
    const limitShare = share > RANDOM_THROTTLE_SHARE && refusals >= MIN_THROTTLES;
    // In slow start (rate below the threshold), the first 429 is the limit reached: answers measure the rising rate too
    // late to wait for them.
    const slowStart = this.rate < this.threshold;
    if (!limitShare && (this.rate === Infinity || (!slowStart && observed >= KEEPING_UP * this.rate)))
      return this.gate.refused();
    // Answers close to the rate held, or most calls still getting through, mean the limit was just crossed: a small
    // multiplicative cut keeps the rate at it (at a few calls a second, answers measure a rate late and coarsely: one
    // missed answer makes it far too low); far below it, with most calls refused, the limit is what got through.
    const crossed = observed >= CLOSE * this.rate || share <= CROSSED_SHARE;
    let cut = observed;
    // In slow start the rate overshoots by the time a 429 comes back, by at most a step or two (SLOW_START_PER_ANSWER):
    // what got through, but no less than SLOW_START_CUT of the rate (TCP halves at a loss; a step is smaller), and slow
    // start ends there.
    if (slowStart) cut = Math.max(observed, SLOW_START_CUT * this.rate);
    else if (this.rate !== Infinity && crossed) cut = Math.max(observed, DECREASE * this.rate);
    // A limit met within the first window, from too few answers to tell, sets no threshold: slow start finds it.
    const measured = this.rate !== Infinity && now - (this.evidence.firstAnswerAt ?? now) >= WINDOW_MS;
    const rate = Math.max(MIN_RATE, Math.min(cut, this.rate));
    this.threshold = !measured ? Infinity : slowStart ? rate : THRESHOLD_SHARE * this.rate;
    this.rate = rate;
    this.eventEndsAt = now + WINDOW_MS;
    this.gate.restart();
  }
}
