// What a bad day looks like, per API: latency, token-bucket rate limits and injected faults.
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { ApiName, Fault, RateLimit } from './model.js';

/**
 * A token bucket on real time (performance.now), not the emulator's clock: a FakeClock that never moves
 * would otherwise never refill it.
 */
export class TokenBucket {
  private tokens: number;
  private last = performance.now();

  constructor(readonly limit: RateLimit) {
    this.tokens = limit.burst;
  }

  take(): boolean {
    const now = performance.now();
    this.tokens = Math.min(this.limit.burst, this.tokens + ((now - this.last) / 1000) * this.limit.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

interface ActiveFault {
  fault: Fault;
  remaining: number | undefined;
}

/**
 * A number in [0, 1) that depends only on its inputs: the first 48 bits of their SHA-256
 * (https://nodejs.org/api/crypto.html#cryptocreatehashalgorithm-options).
 */
function seededDraw(...parts: Array<string | number>): number {
  const digest = createHash('sha256').update(JSON.stringify(parts)).digest();
  return digest.readUIntBE(0, 6) / 2 ** 48;
}

export class TrafficControl {
  private faults: ActiveFault[] = [];
  private readonly buckets = new Map<ApiName, TokenBucket>();
  private readonly latency = new Map<ApiName, number>();
  /** With a seed: how many times each request was seen, so each try of a request draws anew. */
  private readonly seen = new Map<string, number>();

  constructor(
    rateLimits: Partial<Record<ApiName, RateLimit>> = {},
    latencyMs: Partial<Record<ApiName, number>> = {},
    /**
     * Without a seed, rated faults draw from Math.random. With one, whether a rated fault hits a call depends only on
     * the seed, the request (method, path and query) and how many times that request came before: the same requests
     * meet the same faults whatever order concurrent calls arrive in, so a test's fault pattern repeats exactly.
     */
    private readonly seed?: string,
  ) {
    for (const [api, limit] of Object.entries(rateLimits))
      if (limit) this.setRateLimit(api as ApiName, limit);
    for (const [api, ms] of Object.entries(latencyMs))
      if (ms !== undefined) this.setLatency(api as ApiName, ms);
  }

  injectFault(fault: Fault): void {
    this.faults.push({ fault: { ...fault }, remaining: fault.count });
  }

  clearFaults(): void {
    this.faults = [];
    this.seen.clear();
  }

  setRateLimit(api: ApiName, limit: RateLimit | undefined): void {
    if (limit) this.buckets.set(api, new TokenBucket(limit));
    else this.buckets.delete(api);
  }

  setLatency(api: ApiName, ms: number): void {
    if (ms > 0) this.latency.set(api, ms);
    else this.latency.delete(api);
  }

  latencyFor(api: ApiName): number {
    return this.latency.get(api) ?? 0;
  }

  /** The first fault that fires for this call (`request`: its method, path and query); a counted fault is used up as it fires. */
  faultFor(api: ApiName, request = ''): Fault | undefined {
    const key = `${api} ${request}`;
    const seenBefore = this.seen.get(key) ?? 0;
    if (this.seed !== undefined && this.faults.length > 0) this.seen.set(key, seenBefore + 1);
    const draw = (index: number) =>
      this.seed === undefined ? Math.random() : seededDraw(this.seed, key, seenBefore, index);
    for (const [index, active] of this.faults.entries()) {
      if (active.fault.api !== '*' && active.fault.api !== api) continue;
      if (active.fault.rate !== undefined && draw(index) >= active.fault.rate) continue;
      if (active.remaining !== undefined) {
        active.remaining -= 1;
        if (active.remaining <= 0) this.faults = this.faults.filter((f) => f !== active);
      }
      return active.fault;
    }
    return undefined;
  }

  /** False when the API's bucket is empty: the call is throttled. */
  allow(api: ApiName): boolean {
    return this.buckets.get(api)?.take() ?? true;
  }
}
