// After the upgrade to one template language, a role written to ~/.aws/credentials lands in the profile the previous
// release gave it (so scripts that say --profile keep working), until the user changes the template.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCoreHarness, type CoreHarness } from '../../../e2e/support/core-harness.js';

let h: CoreHarness;
beforeEach(async () => {
  h = await startCoreHarness();
});
afterEach(() => h.close());

// settings.json as version 2 (main at 701bfcb) wrote it, with the user's template; produced by that code.
const version2File = (template: string) => `{
  "version": 2,
  "sessions": [],
  "shareTokenCacheWithAwsCli": true,
  "removeProfilesOnSignOut": true,
  "profileNameTemplate": ${JSON.stringify(template)},
  "favourites": [],
  "recent": [],
  "preferredSignIn": "browser",
  "theme": "system",
  "startAtLogin": false,
  "quickPickShortcut": "CommandOrControl+Shift+A",
  "syncConfigProfiles": false,
  "configSync": {
    "template": "{accountName}.{roleName}",
    "kind": "sso",
    "prune": false
  }
}
`;

// The emulator's organisation is the same every run; these are the names version 2 wrote for its first three roles.
const ROLES = [
  ['988801811308', 'Billing'],
  ['145726689253', 'AdministratorAccess'],
  ['615779618522', 'ReadOnlyAccess'],
] as const;

async function upgradeWith(template: string) {
  const { core, emu, sandbox } = h;
  await mkdir(sandbox.paths.appDataDir, { recursive: true });
  await writeFile(path.join(sandbox.paths.appDataDir, 'settings.json'), version2File(template));
  await core.addSession({ name: 'acme', startUrl: emu.startUrl, region: emu.region });
  await core.signIn('acme', 'browser');
  await core.accounts('acme');
}

const writeAll = async () => {
  const names: string[] = [];
  for (const [accountId, roleName] of ROLES)
    names.push((await h.core.writeProfile({ session: 'acme', accountId, roleName })).profile);
  return names;
};

describe('profiles written before the upgrade keep their names', () => {
  it.each([
    [
      '{accountId}_{roleName}',
      ['988801811308_Billing', '145726689253_AdministratorAccess', '615779618522_ReadOnlyAccess'],
    ],
    [
      '{session} {accountName} [{roleName}]',
      ['acme-Billing-Billing', 'acme-Checkout-dev-AdministratorAccess', 'acme-Checkout-prod-ReadOnlyAccess'],
    ],
    [
      '{accountName}.{roleName}',
      ['Billing.Billing', 'Checkout-dev.AdministratorAccess', 'Checkout-prod.ReadOnlyAccess'],
    ],
  ])('with the template %s', async (template, before) => {
    await upgradeWith(template);
    expect(await writeAll()).toEqual(before);
    const sections = (await readFile(h.sandbox.paths.credentialsFile, 'utf8')).match(/^\[[^\]]+\]/gm);
    expect(sections).toEqual(before.map((name) => `[${name}]`));
  });

  it('keeps the choice in the new language, and a changed template names the next write', async () => {
    await upgradeWith('{session} {accountName} [{roleName}]');
    expect((await h.core.settings()).profileNameTemplate).toBe('{session}-{accountName}-{roleName}');
    await h.core.updateSettings({ profileNameTemplate: '{accountName}/{roleName}' });
    expect(await writeAll()).toEqual([
      'Billing/Billing',
      'Checkout-dev/AdministratorAccess',
      'Checkout-prod/ReadOnlyAccess',
    ]);
  });
});
