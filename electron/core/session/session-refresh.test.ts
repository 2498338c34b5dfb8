// Staying signed in: refreshes are paced, never open a browser, and a broken cache or config reads as one sentence.
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../e2e/identity-center/emulator.js';
import { MORNING, startCoreHarness, type CoreHarness } from '../../../e2e/support/core-harness.js';
import type { Sandbox } from '../../../e2e/support/sandbox.js';
import type { FakeClock } from '../../../e2e/support/fake-clock.js';
import type { SsoTrayCore } from '../core.js';

const MINUTE = 60_000;

let h: CoreHarness;
let emu: RunningEmulator;
let sandbox: Sandbox;
let clock: FakeClock;
let core: SsoTrayCore;

beforeEach(async () => {
  h = await startCoreHarness({
    fakeClock: true,
    emulator: { lifetimes: { accessTokenSeconds: 3600 } },
    core: { background: true },
  });
  ({ emu, sandbox, core } = h);
  clock = h.clock!;
});

afterEach(() => h.close());

async function advanceMinutes(minutes: number): Promise<void> {
  for (let i = 0; i < minutes; i++) {
    await clock.advance(MINUTE);
    await core.whenIdle();
  }
}

/** A failed call is logged before its body is read, so without a grant type: after sign-in, they are refreshes. */
const failedRefreshes = () => emu.calls({ api: 'CreateToken', status: 500 });

describe('refreshing the sign-in', () => {
  it('refreshes 15 minutes before expiry, retries at most once a minute while Identity Center fails, then recovers', async () => {
    await core.addSession({ name: 'acme', startUrl: emu.startUrl, region: emu.region });
    await core.signIn('acme', 'browser');
    emu.injectFault({ api: 'CreateToken', kind: 'server-error' });

    await advanceMinutes(44);
    expect(failedRefreshes()).toEqual([]); // not yet due
    await advanceMinutes(10); // 45..54 minutes: due, Identity Center failing
    const attempts = new Set(failedRefreshes().map((c) => Math.floor((c.at - MORNING) / MINUTE)));
    expect(attempts.size).toBeGreaterThanOrEqual(9);
    expect(attempts.size).toBeLessThanOrEqual(10); // one attempt a minute (the SDK's own retries fall in the same minute)
    expect(core.sessions()[0]?.state).toBe('signed-in'); // still valid for a few minutes

    emu.clearFaults();
    await advanceMinutes(2);
    const view = core.sessions()[0]!;
    expect(view.state).toBe('signed-in');
    expect(Date.parse(view.expiresAt!)).toBeGreaterThan(clock.now() + 50 * MINUTE);
    expect(h.browserOpened.length).toBe(1);
  });

  it('marks the session expired with the reason when the access token runs out unrefreshed, without opening a browser', async () => {
    await core.addSession({ name: 'acme', startUrl: emu.startUrl, region: emu.region });
    await core.signIn('acme', 'browser');
    const ended: string[] = [];
    core.on('sign-in-needed', ({ message }) => ended.push(message));
    emu.injectFault({ api: 'CreateToken', kind: 'server-error' });
    await advanceMinutes(61);
    expect(core.sessions()[0]).toMatchObject({ state: 'expired' });
    expect(core.sessions()[0]?.reason?.message).toMatch(
      /^Identity Center for acme \(us-east-1\) failed while trying to /,
    );
    expect(ended).toHaveLength(1);
    expect(h.browserOpened.length).toBe(1);
  });
});

describe('files that cannot be read', () => {
  it('reports a corrupt token cache in one sentence, and a new sign-in replaces it', async () => {
    await core.addSession({ name: 'acme', startUrl: emu.startUrl, region: emu.region });
    const file = path.join(
      sandbox.paths.ssoCacheDir,
      `${createHash('sha1').update('acme').digest('hex')}.json`,
    );
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, '{"startUrl": "https://d-0000000000.awsapps.com/start", "accessTo');
    const error = (await core.accounts('acme').catch((e: unknown) => e)) as Error & { next?: unknown };
    // The problem, and the step each front end words (core/next-step.ts): "; sign in again to replace it."
    expect(error.message).toBe(`The cached sign-in for acme (us-east-1) in ${file} cannot be read`);
    expect(error.next).toEqual({ do: 'sign-in', session: 'acme', when: 'to-replace' });
    expect(error.message).not.toContain('accessTo');
    await core.signIn('acme', 'browser');
    expect((await core.accounts('acme')).accounts.length).toBeGreaterThan(0);
  });

  it('keeps working from its own sessions when ~/.aws/config cannot be parsed, and says which line', async () => {
    await core.addSession({ name: 'acme', startUrl: emu.startUrl, region: emu.region });
    await writeFile(
      sandbox.paths.configFile,
      '[sso-session acme]\nsso_start_url = x\nthis line is not ini\n',
    );
    const problems: string[] = [];
    const next = h.newCore({ background: false });
    next.on('problem', ({ message }) => problems.push(message));
    await next.start();
    expect(problems).toEqual([
      '~/.aws/config cannot be read: line 3 is neither a [section], a key = value, nor a comment. Fix or remove that line, then try again.',
    ]);
    expect(next.sessions().map((s) => s.name)).toEqual(['acme']);
    next.dispose();
  });
});
