// Stress (the `stress` project: a minute or more each): a listing under a very low ListAccountRoles limit completes at
// the service's own pace, with progress all along, and fails only when nothing gets through any more. The verdicts are
// the listing, the progress it reported and the calls as the emulator counted them, never a wall-clock bound.
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../e2e/identity-center/emulator.js';
import { MemorySsoCache } from '../aws-files/token-cache.js';
import { systemClock } from '../clock.js';
import type { SessionConfig } from '../shapes/aws-shapes.js';
import type { ServiceDeps } from './clients.js';
import { listAccountsWithRoles } from './portal-listing.js';
import { signIn } from './sign-in.js';

let emu: RunningEmulator | undefined;
afterEach(() => emu?.close());

async function signedIn(accounts: number) {
  emu = await startEmulator({ autoApprove: true, accounts });
  const session: SessionConfig = {
    name: 'acme',
    startUrl: emu.startUrl,
    region: emu.region,
    source: 'sso-session',
  };
  const deps: ServiceDeps = { endpoints: { oidc: emu.url, portal: emu.url }, clock: systemClock };
  const token = await signIn(session, { flow: 'device-code' }, { ...deps, cache: new MemorySsoCache() });
  emu.clearCalls();
  return { emu, session, deps, token };
}

const sorted = (listing: Array<{ accountId: string; roles: string[] }>) =>
  listing
    .map(({ accountId, roles }) => ({ accountId, roles: [...roles].sort() }))
    .sort((a, b) => a.accountId.localeCompare(b.accountId));

describe.each([
  { perSecond: 4, accounts: 100 },
  { perSecond: 2, accounts: 50 },
])(
  'a listing under a limit of $perSecond ListAccountRoles calls a second, burst 1',
  ({ perSecond, accounts }) => {
    it(`lists all ${accounts} accounts' roles at the limit's pace, with progress for each`, async () => {
      const { emu, session, deps, token } = await signedIn(accounts);
      emu.setRateLimit('ListAccountRoles', { perSecond, burst: 1 });
      const withRoles: number[] = [];
      const listing = await listAccountsWithRoles(session, token.accessToken, deps, {
        onProgress: (p) => withRoles.push(p.accountsWithRoles),
      });

      const expected = emu.organisation.accounts
        .filter((a) => a.roles.length > 0)
        .map((a) => ({ accountId: a.accountId, roles: a.roles }));
      expect(sorted(listing)).toEqual(sorted(expected));
      // One answered call per account, and progress as each one came: the user saw the count go up one by one.
      const answered = emu.calls({ api: 'ListAccountRoles', status: 200 });
      expect(answered).toHaveLength(expected.length);
      for (let n = 1; n <= expected.length; n += 1) expect(withRoles).toContain(n);
      // The pacer did not hammer the service: fewer refusals than answers, as the emulator counted them. The pace its
      // answers came at is printed, not judged: it follows the machine's load as much as the code.
      const span = (answered.at(-1)!.at - answered[0]!.at) / 1000;
      const rate = (answered.length - 1) / span;
      const refused = emu.calls({ api: 'ListAccountRoles', status: 429 }).length;
      console.log(
        `${accounts} accounts at ${perSecond}/s burst 1: answers at ${rate.toFixed(2)}/s, ${refused} refused ` +
          `(${((100 * refused) / answered.length).toFixed(0)}% of the answered)`,
      );
      expect(refused).toBeLessThan(answered.length);
    });
  },
);

describe('a listing the service stops letting through', () => {
  it('ends with the throttled sentence once nothing got through for the whole wait', async () => {
    const { emu, session, deps, token } = await signedIn(40);
    // Two calls get through, then the limit refills once in 1,000 s: the service answers only 429s from there on.
    emu.setRateLimit('ListAccountRoles', { perSecond: 0.001, burst: 2 });
    const listing = listAccountsWithRoles(session, token.accessToken, { ...deps, totalWaitMs: 3_000 });
    await expect(listing).rejects.toThrow(
      'Identity Center is throttling requests for acme; wait a minute and try again.',
    );
    await expect(listing).rejects.toMatchObject({ code: 'throttled' });
    expect(emu.calls({ api: 'ListAccountRoles', status: 200 })).toHaveLength(2);
  });
});
