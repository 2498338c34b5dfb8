// The AWS SDK's own parser and credential providers read a synced ~/.aws/config: `fromIni` on a generated profile
// signs in through the sso-session with the token SSO Tray cached, and gets the role's credentials from the emulator.
import { fromIni } from '@aws-sdk/credential-providers';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCoreHarness, type CoreHarness } from '../../../e2e/support/core-harness.js';
import { syncConfigProfiles } from './config-sync.js';

let h: CoreHarness;
const saved = { HOME: process.env.HOME, AWS_ENDPOINT_URL_SSO: process.env.AWS_ENDPOINT_URL_SSO };

beforeEach(async () => {
  h = await startCoreHarness();
  await h.core.addSession({ name: 'acme', startUrl: h.emu.startUrl, region: h.emu.region });
  await h.core.signIn('acme', 'browser');
  // The SDK finds ~/.aws/sso/cache through HOME, and the portal through AWS_ENDPOINT_URL_SSO.
  process.env.HOME = h.sandbox.home;
  process.env.AWS_ENDPOINT_URL_SSO = h.emu.url;
});
afterEach(async () => {
  for (const [key, value] of Object.entries(saved))
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  await h.close();
});

describe('a synced config as the AWS SDK reads it', () => {
  it('every assigned role is a profile of the sso-session, and fromIni gets its credentials', async () => {
    const listing = await h.core.accounts('acme');
    const { paths } = h.sandbox;
    const result = await syncConfigProfiles(paths, listing.accounts, {
      session: 'acme',
      kind: 'sso',
      region: 'eu-west-1',
    });
    const roles = listing.accounts.flatMap((a) => a.roles.map((r) => [a.accountId, r]));
    expect(result.added).toHaveLength(roles.length);

    const { configFile } = await loadSharedConfigFiles({
      filepath: paths.credentialsFile,
      configFilepath: paths.configFile,
      ignoreCache: true,
    });
    const generated = Object.values(configFile).filter((s) => s.sso_session === 'acme');
    expect(generated.map((s) => [s.sso_account_id, s.sso_role_name]).sort()).toEqual(roles.sort());

    const payments = listing.accounts.find((a) => a.accountName === 'Payments prod');
    const profile = result.added.find(
      (p) => p.accountId === payments?.accountId && p.roleName === 'ReadOnlyAccess',
    );
    expect(profile?.profile).toBe('Payments-prod.ReadOnlyAccess');
    h.emu.clearCalls();
    const credentials = await fromIni({
      profile: profile?.profile,
      filepath: paths.credentialsFile,
      configFilepath: paths.configFile,
      ignoreCache: true,
    })();
    expect(credentials.accessKeyId).toMatch(/^ASIA/);
    expect(h.emu.calls({ api: 'GetRoleCredentials' })).toEqual([
      expect.objectContaining({ status: 200, accountId: payments?.accountId, roleName: 'ReadOnlyAccess' }),
    ]);
  });
});
