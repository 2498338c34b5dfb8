import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { SsoTrayError } from '../errors.js';
import { toggleFavourite } from './recent-roles.js';
import { MAX_RECENT } from '../../../shared/recent-roles.js';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, settingsSchema } from './settings-schema.js';
import { parseSettings } from './settings-migration.js';
import {
  acmeSession as acme,
  adminRole as admin,
  useSettingsFolder,
} from '../../../e2e/support/settings-folder.js';

const folder = useSettingsFolder();

describe('older and partial files are migrated', () => {
  it('fills every missing field of a file from before versions', () => {
    const { session, ...rest } = admin;
    const old = { favourites: [{ sessionName: session, ...rest }], shareTokenCacheWithAwsCli: false };
    expect(parseSettings(old)).toEqual({
      ...DEFAULT_SETTINGS,
      favourites: [admin],
      shareTokenCacheWithAwsCli: false,
    });
    expect(parseSettings({})).toEqual(DEFAULT_SETTINGS);
  });

  it('gives a session without a source the source "app"', () => {
    const { source: _source, ...bare } = acme;
    expect(parseSettings({ version: 2, sessions: [bare] }).sessions).toEqual([acme]);
  });

  it(`keeps only the ${MAX_RECENT} newest recent roles`, () => {
    const recent = Array.from({ length: 14 }, (_, i) => ({
      ...admin,
      roleName: `Role${i}`,
      usedAt: `2026-01-05T08:${String(59 - i).padStart(2, '0')}:00.000Z`,
    }));
    const parsed = parseSettings({ version: 2, recent });
    expect(parsed.recent.map((r) => r.roleName)).toEqual([
      'Role0',
      'Role1',
      'Role2',
      'Role3',
      'Role4',
      'Role5',
      'Role6',
      'Role7',
      'Role8',
      'Role9',
    ]);
  });

  it('drops fields it does not know from what it returns', () => {
    expect(parseSettings({ version: 2, accentColour: 'teal' })).toEqual(DEFAULT_SETTINGS);
    expect(settingsSchema.parse({ version: SETTINGS_VERSION })).toEqual(DEFAULT_SETTINGS);
  });
});

// The bytes SSO Tray's version-1 SettingsFile wrote (main at c13ad11: a session, two favourites, one with its
// console region, two recent roles), produced by that code, not typed by hand.
const VERSION_1_FILE = `{
  "version": 1,
  "sessions": [
    {
      "name": "acme",
      "startUrl": "https://d-1234567890.awsapps.com/start",
      "region": "eu-west-1",
      "source": "app"
    }
  ],
  "shareTokenCacheWithAwsCli": true,
  "removeProfilesOnSignOut": true,
  "profileNameTemplate": "{accountId}_{roleName}",
  "favourites": [
    {
      "sessionName": "acme",
      "accountId": "111122223333",
      "roleName": "AdministratorAccess",
      "region": "ap-southeast-2"
    },
    {
      "sessionName": "corp-sso",
      "accountId": "777788889999",
      "roleName": "DeveloperAccess"
    }
  ],
  "recent": [
    {
      "sessionName": "corp-sso",
      "accountId": "777788889999",
      "roleName": "DeveloperAccess",
      "usedAt": "2026-01-05T09:30:00.000Z"
    },
    {
      "sessionName": "acme",
      "accountId": "444455556666",
      "roleName": "ReadOnly",
      "usedAt": "2026-01-05T08:00:00.000Z"
    }
  ],
  "preferredSignIn": "browser",
  "theme": "system",
  "startAtLogin": false,
  "quickPickShortcut": "CommandOrControl+Shift+A",
  "syncConfigProfiles": false
}
`;

describe('a settings file written by version 1 (favourites and recents named their session sessionName)', () => {
  it('loads as the new shape, with nothing lost, and reading alone does not rewrite it', async () => {
    await folder.writeRaw(VERSION_1_FILE);
    const settings = await folder.settingsFile.read();
    expect(settings.favourites).toEqual([
      {
        session: 'acme',
        accountId: '111122223333',
        roleName: 'AdministratorAccess',
        region: 'ap-southeast-2',
      },
      { session: 'corp-sso', accountId: '777788889999', roleName: 'DeveloperAccess' },
    ]);
    expect(settings.recent).toEqual([
      {
        session: 'corp-sso',
        accountId: '777788889999',
        roleName: 'DeveloperAccess',
        usedAt: '2026-01-05T09:30:00.000Z',
      },
      {
        session: 'acme',
        accountId: '444455556666',
        roleName: 'ReadOnly',
        usedAt: '2026-01-05T08:00:00.000Z',
      },
    ]);
    expect(settings.sessions.map((s) => s.name)).toEqual(['acme']);
    expect(await readFile(folder.file, 'utf8')).toBe(VERSION_1_FILE);
  });

  it('is written as the current version with session on the next write: the same bytes otherwise', async () => {
    await folder.writeRaw(VERSION_1_FILE);
    await folder.settingsFile.update((s) => s);
    const written = await readFile(folder.file, 'utf8');
    // The config sync's choices, added since with defaults, follow the last field.
    const choices = `,\n  "configSync": {\n    "template": "{accountName}.{roleName}",\n    "kind": "sso",\n    "prune": false\n  }\n}\n`;
    expect(written).toBe(
      VERSION_1_FILE.replace('"version": 1,', `"version": ${SETTINGS_VERSION},`)
        .replaceAll('"sessionName":', '"session":')
        .replace(/\n\}\n$/, choices),
    );
    expect(written).not.toContain('sessionName');
  });

  it('toggles an old favourite off by its session', async () => {
    await folder.writeRaw(VERSION_1_FILE);
    const role = { session: 'corp-sso', accountId: '777788889999', roleName: 'DeveloperAccess' };
    const saved = await folder.settingsFile.update((s) => toggleFavourite(s, role));
    expect(saved.favourites.map((f) => f.roleName)).toEqual(['AdministratorAccess']);
    expect(JSON.parse(await readFile(folder.file, 'utf8')).favourites).toEqual([
      {
        session: 'acme',
        accountId: '111122223333',
        roleName: 'AdministratorAccess',
        region: 'ap-southeast-2',
      },
    ]);
  });
});

describe('a settings file from a newer SSO Tray', () => {
  const newer = `{"version":${SETTINGS_VERSION + 1},"favourites":[{"role":"?"}],"sessions":[]}\n`;

  it('is refused in one sentence that says to update, and is never rewritten', async () => {
    await folder.writeRaw(newer);
    const sentence = new SsoTrayError(
      'file-unreadable',
      `${folder.file} was written by a newer SSO Tray (settings version ${SETTINGS_VERSION + 1}, this one reads up to ${SETTINGS_VERSION}); update SSO Tray to use it.`,
    );
    await expect(folder.settingsFile.read()).rejects.toThrow(sentence);
    await expect(folder.settingsFile.update((s) => toggleFavourite(s, admin))).rejects.toThrow(sentence);
    expect(await readFile(folder.file, 'utf8')).toBe(newer);
  });
});

describe("a version-2 profile name template is carried into the one template language, the user's choice kept", () => {
  const carried = (profileNameTemplate: string) =>
    parseSettings({ version: 2, profileNameTemplate }).profileNameTemplate;

  it('keeps a template the language already takes, byte for byte', () => {
    for (const template of ['{accountId}_{roleName}', '{session}.{accountName}.{roleName}', 'default'])
      expect(carried(template)).toBe(template);
  });

  it('writes its text as version 2 made the finished name: spaces and controls "-", brackets dropped', () => {
    expect(carried('{session} {accountName} [{roleName}]')).toBe('{session}-{accountName}-{roleName}');
    expect(carried('{accountName}\t\t{roleName}')).toBe('{accountName}-{roleName}');
    expect(carried('prod é {roleName}')).toBe('prod-e-{roleName}');
    expect(carried('{accountId}={roleName}')).toBe('{accountId}-{roleName}');
  });

  it('gives the default to a template whose names version 2 replaced with the default', () => {
    expect(carried('[]')).toBe('{accountId}_{roleName}');
    expect(carried('toString')).toBe('{accountId}_{roleName}');
  });

  it("leaves one version 2 refused for the schema to name, in the language's sentence", () => {
    expect(() => parseSettings({ version: 2, profileNameTemplate: '{account}_{roleName}' })).toThrow(
      'settings.json has settings SSO Tray cannot read (profileNameTemplate cannot be used: The profile name template uses {account}, which is not a placeholder; use {accountId}, {accountName}, {emailAddress}, {roleName} or {session}); fix or delete it.',
    );
  });
});
