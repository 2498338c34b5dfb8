// The listing's gate on an injected clock: calls go one interval apart in the order they asked, at the rate in force
// when each one's turn comes; a refusal brings the next call forward, a new rate at a limit pushes it back.
import { describe, expect, it } from 'vitest';
import { FakeClock, settle } from '../../../e2e/support/fake-clock.js';
import { RateGate } from './listing-rate-gate.js';

function gateAt(initialRate: number) {
  const clock = new FakeClock(0);
  let rate = initialRate;
  const gate = new RateGate(clock, () => rate);
  const gone: string[] = [];
  const queue = (name: string, signal?: AbortSignal) =>
    gate.turn(signal).then(
      () => gone.push(`${name}@${clock.now()}`),
      (error: unknown) => gone.push(`${name} ${(error as Error).message}`),
    );
  return { clock, gate, gone, queue, setRate: (r: number) => (rate = r) };
}

describe('the rate gate', () => {
  it('lets calls go at once while no limit is known', async () => {
    const { gone, queue } = gateAt(Infinity);
    for (const name of ['a', 'b', 'c']) void queue(name);
    await settle();
    expect(gone).toEqual(['a@0', 'b@0', 'c@0']);
  });

  it('spaces calls one interval apart, in the order they asked, at the rate in force at each turn', async () => {
    const { clock, gone, queue, setRate } = gateAt(4);
    for (const name of ['a', 'b', 'c', 'd']) void queue(name);
    await clock.advance(250);
    // The rate doubles while c and d wait: c goes at the turn already timed, d follows it at the new pace.
    setRate(8);
    await clock.advance(1_000);
    expect(gone).toEqual(['a@0', 'b@250', 'c@500', 'd@625']);
  });

  it('sends the next call half an interval after a refusal, and a whole one after a new rate', async () => {
    const { clock, gate, gone, queue, setRate } = gateAt(4);
    void queue('a');
    await settle();
    void queue('b');
    await clock.advance(100);
    gate.refused();
    await clock.advance(1_000);
    void queue('c');
    await clock.advance(100);
    setRate(2);
    gate.restart();
    void queue('d');
    await clock.advance(2_000);
    expect(gone).toEqual(['a@0', 'b@225', 'c@1100', 'd@1700']);
  });

  it('lets a call that stops waiting leave the queue with its reason', async () => {
    const { clock, gone, queue } = gateAt(1);
    const stop = new AbortController();
    void queue('a');
    void queue('b', stop.signal);
    void queue('c');
    await settle();
    stop.abort(new Error('cancelled'));
    await clock.advance(1_000);
    expect(gone).toEqual(['a@0', 'b cancelled', 'c@1000']);
  });
});
