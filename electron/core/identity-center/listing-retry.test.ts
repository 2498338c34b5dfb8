// The retry strategy of a listing's calls, driven as the SDK's retry middleware drives it: each call acquires a token,
// refreshes it after each failure (the strategy waits there), and records its success.
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { describe, expect, it } from 'vitest';
import { LISTING_RETRY_CAP_MS, ListingRetryStrategy, listingBackoffMs } from './listing-retry.js';

type ErrorInfo = Parameters<ListingRetryStrategy['refreshRetryTokenForRetry']>[1];
const failure = (errorType: ErrorInfo['errorType'], name: string): ErrorInfo => ({
  errorType,
  error: Object.assign(new Error(name), { name, $metadata: {}, cause: undefined }),
});
const transient = failure('TRANSIENT', 'TimeoutError');
const throttled = failure('THROTTLING', 'TooManyRequestsException');

/** 300 calls at once, each failing twice (a drop, then a 429) before it succeeds: whether every retry was allowed. */
async function faultyCalls(strategy: {
  acquireInitialRetryToken: ListingRetryStrategy['acquireInitialRetryToken'];
  refreshRetryTokenForRetry: ListingRetryStrategy['refreshRetryTokenForRetry'];
  recordSuccess: ListingRetryStrategy['recordSuccess'];
}): Promise<number> {
  const outcomes = await Promise.all(
    Array.from({ length: 300 }, async () => {
      try {
        let token = await strategy.acquireInitialRetryToken('');
        token = await strategy.refreshRetryTokenForRetry(token, transient);
        token = await strategy.refreshRetryTokenForRetry(token, throttled);
        strategy.recordSuccess(token);
        return 1;
      } catch {
        return 0;
      }
    }),
  );
  return outcomes.reduce<number>((a, b) => a + b, 0);
}

describe('a listing call’s retries', () => {
  it('wait a random time up to 50 ms x 2^(retry-1), never more than 250 ms', () => {
    expect([1, 2, 3, 4, 5, 9].map((retry) => listingBackoffMs(retry, () => 0.999))).toEqual([
      49, 99, 199, 249, 249, 249,
    ]);
    expect(listingBackoffMs(3, () => 0)).toBe(0);
    expect(LISTING_RETRY_CAP_MS).toBe(250);
  });

  it('wait up to 10 ms x 2^(retry-1) after a server error or a dropped connection, which asks for no slowing down', () => {
    expect([1, 2, 3, 4, 5, 9].map((retry) => listingBackoffMs(retry, () => 0.999, false))).toEqual([
      9, 19, 39, 79, 159, 249,
    ]);
  });

  it('are all allowed for 300 calls that each fail twice, where one shared retry quota runs dry', async () => {
    // The SDK's own strategy, one quota for the whole client: 300 such calls at once exhaust its 500 tokens.
    expect(await faultyCalls(new ConfiguredRetryStrategy(5, 0))).toBeLessThan(300);
    expect(await faultyCalls(new ListingRetryStrategy(5))).toBe(300);
  });

  it('still stop at the attempts the call is given, and do not retry what the SDK would not', async () => {
    const strategy = new ListingRetryStrategy(3);
    let token = await strategy.acquireInitialRetryToken('');
    token = await strategy.refreshRetryTokenForRetry(token, transient);
    token = await strategy.refreshRetryTokenForRetry(token, transient);
    await expect(strategy.refreshRetryTokenForRetry(token, transient)).rejects.toThrow();
    const fresh = await strategy.acquireInitialRetryToken('');
    const denied = failure('CLIENT_ERROR', 'ForbiddenException');
    await expect(strategy.refreshRetryTokenForRetry(fresh, denied)).rejects.toThrow();
  });
});
