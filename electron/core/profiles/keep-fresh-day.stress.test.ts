// An 8-hour working day on a fake clock: every profile the user chose stays valid every second, the sign-in
// renews itself with its refresh token, nothing opens a browser, and between rewrites the app only waits.
import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../e2e/identity-center/emulator.js';
import { startCoreHarness, type CoreHarness } from '../../../e2e/support/core-harness.js';
import type { Sandbox } from '../../../e2e/support/sandbox.js';
import type { FakeClock } from '../../../e2e/support/fake-clock.js';
import type { SsoTrayCore } from '../core.js';

const HOUR = 3_600_000;

let h: CoreHarness;
let emu: RunningEmulator;
let sandbox: Sandbox;
let clock: FakeClock;
let core: SsoTrayCore;

beforeEach(async () => {
  h = await startCoreHarness({
    fakeClock: true,
    emulator: {
      lifetimes: { accessTokenSeconds: 3600, roleCredentialSeconds: 3600, refreshTokenSeconds: 12 * 3600 },
    },
    core: { background: true },
  });
  ({ emu, sandbox, core } = h);
  clock = h.clock!;
});

afterEach(() => h.close());

/** The access key id of each section of the credentials file, as any AWS tool would read it. */
function keysByProfile(text: string): Map<string, string> {
  const keys = new Map<string, string>();
  let section = '';
  for (const line of text.split(/\r?\n/)) {
    const header = /^\[([^\]]+)\]/.exec(line);
    if (header) section = header[1]!;
    const key = /^aws_access_key_id\s*=\s*(\S+)/.exec(line);
    if (key) keys.set(section, key[1]!);
  }
  return keys;
}

describe('keep-fresh over a working day', () => {
  it('keeps every chosen profile valid every second for 8 hours', async () => {
    await core.addSession({ name: 'acme', startUrl: emu.startUrl, region: emu.region });
    await core.signIn('acme', 'browser');
    expect(h.browserOpened.length).toBe(1);
    const [first, second] = emu.organisation.accounts;
    const chosen = [
      { session: 'acme', accountId: first!.accountId, roleName: first!.roles[0]!, keepFresh: true },
      {
        session: 'acme',
        accountId: second!.accountId,
        roleName: second!.roles[0]!,
        profile: 'dev',
        keepFresh: true,
      },
    ];
    for (const role of chosen) await core.writeProfile(role);

    // Expiration of each access key id, learnt from the record written under the same lock as the file.
    const expiryOfKey = new Map<string, number>();
    const learn = async () => {
      const text = await readFile(sandbox.paths.credentialsFile, 'utf8');
      const keys = keysByProfile(text);
      for (const owned of await core.profiles()) {
        const key = keys.get(owned.profile);
        expect(key, `profile ${owned.profile} is in the file`).toBeDefined();
        if (!expiryOfKey.has(key!)) expiryOfKey.set(key!, Date.parse(owned.expiration));
      }
      return keys;
    };
    await learn();

    const end = clock.now() + 8 * HOUR;
    let checks = 0;
    let lastText = '';
    while (clock.now() < end) {
      await clock.advance(1000);
      await core.whenIdle();
      const text = await readFile(sandbox.paths.credentialsFile, 'utf8');
      const keys = text === lastText ? keysByProfile(text) : await learn();
      lastText = text;
      for (const [profile, key] of keys) {
        const expiry = expiryOfKey.get(key);
        expect(expiry, `expiry of ${profile}`).toBeDefined();
        if (expiry! <= clock.now()) {
          throw new Error(
            `${profile} expired at ${new Date(expiry!).toISOString()} (now ${new Date(clock.now()).toISOString()})`,
          );
        }
      }
      checks++;
    }
    expect(checks).toBe(8 * 3600);
    expect(h.browserOpened.length).toBe(1);
    expect(core.sessions()[0]?.state).toBe('signed-in');
    // About one rewrite per profile every 45 minutes, and one token refresh every 45 minutes: no busy loop.
    const credentialCalls = emu.calls({ api: 'GetRoleCredentials' }).length;
    expect(credentialCalls).toBeGreaterThanOrEqual(2 * 10);
    expect(credentialCalls).toBeLessThanOrEqual(2 * 12 + 2);
    const refreshes = emu.calls({ api: 'CreateToken' }).filter((c) => c.grantType === 'refresh_token').length;
    expect(refreshes).toBeGreaterThanOrEqual(9);
    expect(refreshes).toBeLessThanOrEqual(12);
    // Idle: one timer per kept-fresh profile and one for the session's next refresh, nothing else.
    expect(clock.pendingTimers()).toBe(3);
  });

  it('announces once that a sign-in is needed when the session really ends, then resumes after signing in', async () => {
    await core.addSession({ name: 'acme', startUrl: emu.startUrl, region: emu.region });
    await core.signIn('acme', 'browser');
    const account = emu.organisation.accounts[0]!;
    await core.writeProfile({
      session: 'acme',
      accountId: account.accountId,
      roleName: account.roles[0]!,
      keepFresh: true,
    });
    const announcements: Array<{ message: string; next?: unknown }> = [];
    core.on('sign-in-needed', ({ message, next }) => announcements.push({ message, next }));
    emu.revokeSessions();
    for (let minute = 0; minute < 120; minute++) {
      await clock.advance(60_000);
      await core.whenIdle();
    }
    // The problem, and the step each front end words (core/next-step.ts).
    expect(announcements).toEqual([
      {
        message: 'Your session for acme (us-east-1) has ended.',
        next: { do: 'sign-in', session: 'acme', when: 'again' },
      },
    ]);
    expect(h.browserOpened.length).toBe(1); // never from the background

    await core.signIn('acme', 'browser');
    await clock.advance(1000);
    await core.whenIdle();
    const owned = (await core.profiles())[0]!;
    expect(Date.parse(owned.expiration)).toBeGreaterThan(clock.now() + 45 * 60_000);
  });

  it('catches up at once after the laptop sleeps through a rewrite', async () => {
    await core.addSession({ name: 'acme', startUrl: emu.startUrl, region: emu.region });
    await core.signIn('acme', 'browser');
    const account = emu.organisation.accounts[0]!;
    await core.writeProfile({
      session: 'acme',
      accountId: account.accountId,
      roleName: account.roles[0]!,
      keepFresh: true,
    });
    clock.jump(3 * HOUR); // asleep: no timer ran
    await core.recheck();
    await clock.advance(0);
    await core.whenIdle();
    const owned = (await core.profiles())[0]!;
    expect(Date.parse(owned.expiration)).toBeGreaterThan(clock.now() + 45 * 60_000);
    expect(core.sessions()[0]?.state).toBe('signed-in');
  });
});
