// "Write and keep fresh" from the tray: the profile is listed under "Profiles kept fresh", and the running app
// rewrites it with new credentials before the old ones expire, as the user sees it in ~/.aws/credentials.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { click, menuLabels } from '../../e2e/support/electron-double.js';
import { menu, signInFromTray, start, useHarness } from '../../e2e/support/electron-double-harness.js';
import { eventually } from '../../e2e/support/eventually.js';

/** Role credentials that last two seconds past the keep-fresh window (15 minutes), so a rewrite is due at once. */
const h = useHarness({ lifetimes: { roleCredentialSeconds: 15 * 60 + 2 } });

function accessKeyOf(text: string, profile: string): string | undefined {
  const section = text.split(/^\[/m).find((s) => s.startsWith(`${profile}]`));
  return section && /^aws_access_key_id\s*=\s*(\S+)/m.exec(section)?.[1];
}

describe('a profile kept fresh from the tray', () => {
  it('is listed under "Profiles kept fresh" and rewritten with new credentials before they expire', async () => {
    const app = await start(h);
    await app.door.call('sessions:add', { name: 'acme', startUrl: h.emu.startUrl, region: h.emu.region });
    await app.tray.refresh();
    await signInFromTray(h, app, 'acme');
    const account = h.emu.organisation.accounts[0]!;
    const profile = `${account.accountId}_${account.roles[0]}`;
    await app.door.call('favourites:toggle', {
      session: 'acme',
      accountId: account.accountId,
      roleName: account.roles[0]!,
    });
    await app.tray.refresh();
    click(menu(), `${account.accountId} / ${account.roles[0]}`, 'Write and keep fresh');
    const credentials = () => readFile(h.sandbox.paths.credentialsFile, 'utf8');
    const first = await eventually(async () => {
      const key = accessKeyOf(await credentials(), profile);
      expect(key).toBeDefined();
      return key!;
    });
    await app.tray.refresh();
    expect(menuLabels(menu())).toEqual(
      expect.arrayContaining([expect.stringMatching(new RegExp(`^${profile} — expires `))]),
    );
    await eventually(async () => expect(accessKeyOf(await credentials(), profile)).not.toBe(first));
    const fetched = h.emu.calls({ api: 'GetRoleCredentials', status: 200 });
    expect(fetched.filter((c) => c.accountId === account.accountId).length).toBeGreaterThanOrEqual(2);
  });
});
