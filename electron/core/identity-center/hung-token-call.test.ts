// A sign-in's CreateToken call that Identity Center never answers (the emulator holds it): the user waits the total
// wait of one call, retries included (call-deadline.ts), not five attempts at the request timeout, and reads the one
// sentence for a service that does not answer. The sign-in's own clock is injected; the device code never expires here.
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../e2e/identity-center/emulator.js';
import { eventually } from '../../../e2e/support/eventually.js';
import { FakeClock } from '../../../e2e/support/fake-clock.js';
import { MemorySsoCache } from '../aws-files/token-cache.js';
import type { SessionConfig } from '../shapes/aws-shapes.js';
import { signIn } from './sign-in.js';
import type { SignInDeps } from './sign-in-deps.js';

const SENTENCE =
  'Identity Center for acme (us-east-1) did not answer in time while trying to finish the sign-in; try again in a few minutes.';
let emu: RunningEmulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

async function hungCreateToken(clock: FakeClock) {
  emu = await startEmulator({ now: () => clock.now(), autoApprove: true });
  // Every CreateToken is held for ten minutes: longer than any wait of ours.
  emu.injectFault({ api: 'CreateToken', kind: 'slow', delayMs: 600_000 });
  const session: SessionConfig = {
    name: 'acme',
    startUrl: emu.startUrl,
    region: emu.region,
    source: 'sso-session',
  };
  const deps: SignInDeps = {
    endpoints: { oidc: emu.url, portal: emu.url },
    clock,
    cache: new MemorySsoCache(),
    // The total wait shorter than one attempt's timeout: only the total wait can end the call after one attempt.
    totalWaitMs: 1_000,
    requestTimeoutMs: 5_000,
    maxAttempts: 5,
  };
  return { emu, session, deps };
}

/** The CreateToken attempts that reached the emulator, once the client has given up on each. */
const abandonedCreateTokens = (e: RunningEmulator) =>
  eventually(() => {
    const calls = e.calls({ api: 'CreateToken' });
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((c) => c.abandoned)).toBe(true);
    return calls.length;
  });

describe('a CreateToken call Identity Center never answers', () => {
  it('ends a device-code poll after the total wait, in one attempt, with the sentence (not the code expiry)', async () => {
    const clock = new FakeClock();
    const { emu, session, deps } = await hungCreateToken(clock);
    const failure = signIn(session, { flow: 'device-code' }, deps);
    await expect(failure).rejects.toMatchObject({ code: 'service', message: SENTENCE });
    expect(await abandonedCreateTokens(emu)).toBe(1);
    // The fake clock never moved: the code's expiry (10 minutes on it) did not end the sign-in.
    expect(clock.pendingTimers()).toBe(0);
  });

  it('ends the browser sign-in’s token call after the total wait, in one attempt, with the sentence', async () => {
    const clock = new FakeClock();
    const { emu, session, deps } = await hungCreateToken(clock);
    const failure = signIn(
      session,
      { flow: 'browser' },
      { ...deps, openBrowser: async (url) => void (await emu.approveAuthorization(url)) },
    );
    await expect(failure).rejects.toMatchObject({ code: 'service', message: SENTENCE });
    expect(await abandonedCreateTokens(emu)).toBe(1);
    expect(emu.calls({ api: 'Authorize' }).length).toBeGreaterThan(0);
  });
});
