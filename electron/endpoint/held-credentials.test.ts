// The endpoint's held credentials: renewed 15 minutes before expiry (half-way for short ones), one renewal shared by
// every request meanwhile, and the held ones served while a renewal fails and they are still valid.
import { describe, expect, it } from 'vitest';
import { HeldCredentials, renewalDelay } from './held-credentials.js';
import type { EndpointCredentials } from './endpoint-types.js';

const MINUTE = 60_000;

function source(now: () => number, lifetimeMs: number) {
  let issued = 0;
  let failing = false;
  return {
    calls: () => issued,
    fail: (on: boolean) => (failing = on),
    fetch: async (): Promise<EndpointCredentials> => {
      issued += 1;
      if (failing) throw new Error('Identity Center could not be reached; try again.');
      return {
        accessKeyId: `ASIA${issued}`,
        secretAccessKey: 's',
        sessionToken: 't',
        expiration: new Date(now() + lifetimeMs).toISOString(),
      };
    },
  };
}

describe('renewalDelay', () => {
  it('is 15 minutes before expiry for an hour, half the life for shorter credentials', () => {
    expect(renewalDelay(60 * MINUTE)).toBe(45 * MINUTE);
    expect(renewalDelay(20 * MINUTE)).toBe(10 * MINUTE);
    expect(renewalDelay(6_000)).toBe(3_000);
    expect(renewalDelay(-1)).toBe(0);
  });
});

describe('HeldCredentials', () => {
  it('answers from what it holds until the renewal point, then renews once for concurrent requests', async () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    const clock = () => now;
    const s = source(clock, 60 * MINUTE);
    const held = new HeldCredentials(s.fetch, clock);
    await held.renew();
    held.stop();
    now += 44 * MINUTE;
    expect((await held.get()).accessKeyId).toBe('ASIA1');
    now += 2 * MINUTE;
    const answers = await Promise.all([held.get(), held.get(), held.get()]);
    expect(answers.map((a) => a.accessKeyId)).toEqual(['ASIA2', 'ASIA2', 'ASIA2']);
    expect(s.calls()).toBe(2);
    held.stop();
  });

  it('serves the held credentials while a renewal fails and they are valid, then says why', async () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    const clock = () => now;
    const s = source(clock, 60 * MINUTE);
    const held = new HeldCredentials(s.fetch, clock);
    await held.renew();
    held.stop();
    s.fail(true);
    now += 50 * MINUTE;
    expect((await held.get()).accessKeyId).toBe('ASIA1');
    now += 11 * MINUTE;
    await expect(held.get()).rejects.toThrow('Identity Center could not be reached; try again.');
  });
});
