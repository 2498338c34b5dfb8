// How a listing's calls retry: the SDK's standard strategy with a short, capped, jittered back-off. The standard
// back-off (throttling base 1 s x 2^retry) cost a 500-account listing seconds under random 429s, on account pages that
// run one after another; a listing does not need it, as its pacer (listing-pacer.ts) sets the rate at a real limit and
// spaces the retries of role calls like first attempts.
import { ConfiguredRetryStrategy } from '@smithy/core/retry';

/** The first retry after a 429 waits up to this long; each further retry up to twice the last. */
const THROTTLED_BASE_MS = 50;
/**
 * After a server error or a dropped connection the first retry waits up to this long: such a fault is the one call's
 * bad luck, not a sign to slow down (the pacer, listing-pacer.ts, counts it as an answer and slows only at a limit).
 */
const FAILED_BASE_MS = 10;
/** No retry of a listing call waits longer than this. */
export const LISTING_RETRY_CAP_MS = 250;

/**
 * Full jitter (https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/): a random wait up to
 * BASE_MS x 2^(retry-1), capped, so calls that failed together do not come back together.
 */
export function listingBackoffMs(
  retry: number,
  random: () => number = Math.random,
  throttled = true,
): number {
  const base = throttled ? THROTTLED_BASE_MS : FAILED_BASE_MS;
  return Math.floor(random() * Math.min(LISTING_RETRY_CAP_MS, base * 2 ** Math.max(0, retry - 1)));
}

type Strategy = ConfiguredRetryStrategy;
type Token = Awaited<ReturnType<Strategy['acquireInitialRetryToken']>>;
type ErrorInfo = Parameters<Strategy['refreshRetryTokenForRetry']>[1];
/** One call's strategy, and whether its last error was a 429. */
interface OneCall {
  strategy: Strategy;
  last: { throttled: boolean };
}

/**
 * The SDK's retry strategy for listing calls: which errors are retried, how many attempts and the waiting stay the
 * SDK's (https://github.com/smithy-lang/smithy-typescript/blob/main/packages/util-retry/src/ConfiguredRetryStrategy.ts);
 * the wait is ours, and each call gets the strategy's retry quota for itself. A quota shared by the client
 * (https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html) drained from 500 to 195 in one listing
 * under 30% random faults and stays low under more: past it, each call has a single attempt, and 4 rounds of single
 * attempts lose ~0.8% of calls, so a 500-account listing failed. A listing needs no such brake: its pacer holds a limit,
 * each call has its attempts and rounds, and a service that does not answer ends it (call-deadline.ts).
 */
export class ListingRetryStrategy {
  readonly mode = 'standard';
  private readonly strategies = new WeakMap<Token, OneCall>();

  constructor(private readonly maxAttempts: number) {}

  async acquireInitialRetryToken(scope: string): Promise<Token> {
    // The SDK asks for the wait after it was told the error: a 429 waits the throttled back-off, any other the short one.
    const last = { throttled: true };
    const call: OneCall = {
      last,
      strategy: new ConfiguredRetryStrategy(this.maxAttempts, (retry) =>
        listingBackoffMs(retry, Math.random, last.throttled),
      ),
    };
    const token = await call.strategy.acquireInitialRetryToken(scope);
    this.strategies.set(token, call);
    return token;
  }

  async refreshRetryTokenForRetry(token: Token, errorInfo: ErrorInfo): Promise<Token> {
    const call = this.callOf(token);
    call.last.throttled = errorInfo.errorType === 'THROTTLING';
    const next = await call.strategy.refreshRetryTokenForRetry(token, errorInfo);
    this.strategies.set(next, call);
    return next;
  }

  recordSuccess(token: Token): void {
    this.callOf(token).strategy.recordSuccess(token);
  }

  private callOf(token: Token): OneCall {
    const call = this.strategies.get(token);
    if (!call) throw new Error('A retry token this strategy did not issue.');
    return call;
  }
}
