// A seeded emulator's rated faults repeat exactly: the same requests meet the same faults in any arrival order.
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './emulator.js';

const running: RunningEmulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.close()));
});

/** The status each of 40 requests (each sent twice) met, by request, sent in `order`. */
async function statuses(seed: string | undefined, order: number[]): Promise<Record<string, number[]>> {
  const emu = await startEmulator({ ...(seed === undefined ? {} : { faultSeed: seed }) });
  running.push(emu);
  emu.injectFault({ api: '*', kind: 'throttle', rate: 0.3 });
  emu.injectFault({ api: '*', kind: 'server-error', rate: 0.3 });
  const seen: Record<string, number[]> = {};
  for (const repeat of [0, 1])
    for (const i of order) {
      // An unknown client: refused by the operation (InvalidClientException) unless a fault comes first.
      const body = JSON.stringify({ clientId: `client-${i}`, clientSecret: 'x', grantType: 'refresh_token' });
      const answer = await fetch(`${emu.url}/token?n=${i}`, { method: 'POST', body });
      await answer.arrayBuffer();
      (seen[`${i}`] ??= [])[repeat] = answer.status;
    }
  return seen;
}

describe('faultSeed', () => {
  const forward = Array.from({ length: 40 }, (_, i) => i);
  const backward = [...forward].reverse();

  it('gives each request the same faults, in whatever order the requests arrive', async () => {
    const first = await statuses('seed-a', forward);
    expect(await statuses('seed-a', backward)).toEqual(first);
    const all = Object.values(first).flat();
    // The faults are there at about their rates (30% 429; 30% of the rest 500; the rest reach the operation).
    expect(all.filter((s) => s === 429).length).toBeGreaterThan(8);
    expect(all.filter((s) => s === 500).length).toBeGreaterThan(5);
    expect(all.filter((s) => s !== 429 && s !== 500).length).toBeGreaterThan(15);
    // A request sent again draws again: its second try is not bound to repeat its first.
    expect(Object.values(first).some(([a, b]) => a !== b)).toBe(true);
  });

  it('draws another pattern for another seed', async () => {
    expect(await statuses('seed-b', forward)).not.toEqual(await statuses('seed-a', forward));
  });
});
