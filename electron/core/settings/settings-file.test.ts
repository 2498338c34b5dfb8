import { chmod, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SsoTrayError } from '../errors.js';
import { toggleFavourite } from './recent-roles.js';
import { SettingsFile } from './settings-file.js';
import { DEFAULT_SETTINGS } from './settings-schema.js';
import { parseSettings } from './settings-migration.js';
import {
  acmeSession as acme,
  adminRole as admin,
  useSettingsFolder,
} from '../../../e2e/support/settings-folder.js';

const folder = useSettingsFolder();

const unreadable = (why: string) =>
  new SsoTrayError(
    'file-unreadable',
    `${folder.file} has settings SSO Tray cannot read (${why}); fix or delete it.`,
  );

describe('defaults', () => {
  it('are what a new user starts with', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      version: 3,
      sessions: [],
      shareTokenCacheWithAwsCli: true,
      removeProfilesOnSignOut: true,
      profileNameTemplate: '{accountId}_{roleName}',
      favourites: [],
      recent: [],
      preferredSignIn: 'browser',
      theme: 'system',
      startAtLogin: false,
      quickPickShortcut: 'CommandOrControl+Shift+A',
      syncConfigProfiles: false,
      configSync: { template: '{accountName}.{roleName}', kind: 'sso', prune: false },
    });
    expect(Object.isFrozen(DEFAULT_SETTINGS) && Object.isFrozen(DEFAULT_SETTINGS.sessions)).toBe(true);
  });

  it('come from a missing file, which reading does not create', async () => {
    const settings = await folder.settingsFile.read();
    expect(settings).toEqual(DEFAULT_SETTINGS);
    settings.favourites.push(admin); // a copy: the defaults stay as they were
    expect(DEFAULT_SETTINGS.favourites).toEqual([]);
    await expect(stat(folder.file)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('come from an empty file, and a byte-order mark is not content', async () => {
    await folder.writeRaw('  \n');
    expect(await folder.settingsFile.read()).toEqual(DEFAULT_SETTINGS);
    await writeFile(folder.file, '\uFEFF{"version":2,"preferredSignIn":"device-code"}');
    expect((await folder.settingsFile.read()).preferredSignIn).toBe('device-code');
  });
});

describe('the settings file', () => {
  it('round-trips: the bytes written, 0600 in a 0700 folder, and read back the same', async () => {
    const saved = await folder.settingsFile.update((s) => ({
      ...s,
      sessions: [{ ...acme, registrationScopes: ['sso:account:access'] }],
      defaultRegion: 'eu-central-1',
      preferredSignIn: 'device-code',
    }));
    expect(await readFile(folder.file, 'utf8')).toBe(`{
  "version": 3,
  "sessions": [
    {
      "name": "acme",
      "startUrl": "https://d-1234567890.awsapps.com/start",
      "region": "eu-west-1",
      "registrationScopes": [
        "sso:account:access"
      ],
      "source": "app"
    }
  ],
  "shareTokenCacheWithAwsCli": true,
  "removeProfilesOnSignOut": true,
  "profileNameTemplate": "{accountId}_{roleName}",
  "defaultRegion": "eu-central-1",
  "favourites": [],
  "recent": [],
  "preferredSignIn": "device-code",
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
`);
    expect((await stat(folder.file)).mode & 0o777).toBe(0o600);
    expect((await stat(path.dirname(folder.file))).mode & 0o777).toBe(0o700);
    expect(await new SettingsFile(path.join(folder.dir, 'sso-tray')).read()).toEqual(saved);
    expect(folder.settingsFile.file).toBe(folder.file);
  });

  it('makes a file written by someone else 0600 on the next save', async () => {
    await folder.writeRaw('{"version":2}');
    await chmod(folder.file, 0o644);
    await folder.settingsFile.update((s) => toggleFavourite(s, admin));
    expect((await stat(folder.file)).mode & 0o777).toBe(0o600);
  });

  it('does not save invalid settings, and says why', async () => {
    await folder.settingsFile.update((s) => ({ ...s, sessions: [acme] }));
    const before = await readFile(folder.file, 'utf8');
    await expect(
      folder.settingsFile.update((s) => ({
        ...s,
        sessions: [...s.sessions, { ...acme, startUrl: 'http://x' }],
      })),
    ).rejects.toThrow(
      new SsoTrayError(
        'invalid-input',
        'The settings were not saved: sessions[1].startUrl must be an https:// address without spaces, user name or fragment, such as https://d-1234567890.awsapps.com/start.',
      ),
    );
    await expect(folder.settingsFile.update((s) => ({ ...s, sessions: [acme, acme] }))).rejects.toThrow(
      'The settings were not saved: sessions[1].name is already used by another session.',
    );
    expect(await readFile(folder.file, 'utf8')).toBe(before);
  });

  it('keeps keys it does not know, such as electron-store internals', async () => {
    await folder.writeRaw(
      '{"version":2,"__internal__":{"migrations":{"version":"0.1.0"}},"accentColour":"teal"}',
    );
    await folder.settingsFile.update((s) => toggleFavourite(s, admin));
    expect(JSON.parse(await readFile(folder.file, 'utf8'))).toEqual({
      ...DEFAULT_SETTINGS,
      favourites: [admin],
      __internal__: { migrations: { version: '0.1.0' } },
      accentColour: 'teal',
    });
    expect(await folder.settingsFile.read()).not.toHaveProperty('accentColour');
  });

  it('loses no update when many are made at once, from one or two writers', async () => {
    const other = new SettingsFile(path.join(folder.dir, 'sso-tray'));
    const roles = Array.from({ length: 12 }, (_, i) => ({ ...admin, roleName: `Role${i}` }));
    await Promise.all(
      roles.map((role, i) => (i % 2 ? folder.settingsFile : other).update((s) => toggleFavourite(s, role))),
    );
    const names = (await folder.settingsFile.read()).favourites.map((f) => f.roleName).sort();
    expect(names).toEqual(roles.map((r) => r.roleName).sort());
  });
});

describe('a file SSO Tray cannot read gives one sentence', () => {
  const cases: Array<[string, string]> = [
    ['{"version":2', 'it is not valid JSON'],
    ['[]', 'it is not a JSON object'],
    ['{"version":"one"}', 'version should be a whole number'],
    [
      '{"version":2,"sessions":[{"name":"acme","startUrl":"http://d-1234567890.awsapps.com/start","region":"eu-west-1"}]}',
      'sessions[0].startUrl must be an https:// address without spaces, user name or fragment, such as https://d-1234567890.awsapps.com/start',
    ],
    [
      '{"version":2,"sessions":[{"name":"my session","startUrl":"https://a.awsapps.com/start","region":"eu-west-1"}]}',
      'sessions[0].name must be 1 to 128 letters, digits or - _ . @ + % : /, and not a word the AWS SDKs cannot read as a name (such as "constructor")',
    ],
    [
      '{"version":2,"sessions":[{"name":"a","startUrl":"https://a.awsapps.com/start","region":"Ireland"}]}',
      'sessions[0].region must be an AWS region code such as us-east-1',
    ],
    ['{"version":2,"sessions":[{"name":"a","region":"eu-west-1"}]}', 'sessions[0].startUrl is missing'],
    ['{"version":2,"removeProfilesOnSignOut":"yes"}', 'removeProfilesOnSignOut should be a boolean'],
    ['{"version":2,"preferredSignIn":"sms"}', 'preferredSignIn must be "browser" or "device-code"'],
    ['{"version":2,"favourites":{}}', 'favourites should be a list'],
    [
      '{"version":2,"profileNameTemplate":"{account}-{roleName}"}',
      'profileNameTemplate cannot be used: The profile name template uses {account}, which is not a placeholder; use {accountId}, {accountName}, {emailAddress}, {roleName} or {session}',
    ],
    [
      '{"version":3,"profileNameTemplate":""}',
      'profileNameTemplate cannot be used: The profile name template is empty; write one from {accountId}, {accountName}, {emailAddress}, {roleName} or {session}, such as {accountId}_{roleName}',
    ],
    [
      '{"version":3,"configSync":{"template":"{accountName} {roleName}"}}',
      'configSync.template cannot be used: The profile name template holds a space, which an AWS profile name cannot; between placeholders use only letters, digits and - _ . @ + % : /',
    ],
  ];

  for (const [text, why] of cases) {
    it(why, async () => {
      await folder.writeRaw(text);
      await expect(folder.settingsFile.read()).rejects.toThrow(unreadable(why));
      await expect(folder.settingsFile.update((s) => s)).rejects.toMatchObject({ code: 'file-unreadable' });
      expect(await readFile(folder.file, 'utf8')).toBe(text); // never overwritten
    });
  }

  it('names the file as given to parseSettings', () => {
    expect(() => parseSettings(null)).toThrow(
      'settings.json has settings SSO Tray cannot read (it is not a JSON object); fix or delete it.',
    );
  });
});

describe('one bad favourite or recent role refuses the file, names the entry, and the file stays as it was', () => {
  // Each last entry breaks one of AWS's rules (identifiers.ts), as a hand edit might; the two before it are fine.
  const role = (fields: string) => `{"session":"acme","accountId":"111122223333",${fields}}`;
  const usedAt = '"usedAt":"2026-01-05T08:00:00.000Z"';
  const good = { favourites: role('"roleName":"Admin"'), recent: role(`"roleName":"Admin",${usedAt}`) };
  const ROLE_RULE = 'must be 1 to 64 letters, digits or + = , . @ _ - (the IAM role name rule)';
  const cases: Array<['favourites' | 'recent', string, string]> = [
    [
      'favourites',
      '{"session":"acme","accountId":"1111","roleName":"Admin"}',
      '.accountId must be exactly 12 digits',
    ],
    ['favourites', role('"roleName":"Admin$(touch /tmp/x)"'), `.roleName ${ROLE_RULE}`],
    [
      'favourites',
      '{"session":"constructor","accountId":"111122223333","roleName":"Admin"}',
      '.session must be 1 to 128 letters, digits or - _ . @ + % : /, and not a word the AWS SDKs cannot read as a name (such as "constructor")',
    ],
    [
      'favourites',
      role('"roleName":"Admin","region":"Ireland"'),
      '.region must be an AWS region code such as us-east-1',
    ],
    [
      'recent',
      role('"roleName":"Admin","usedAt":"yesterday"'),
      '.usedAt must be a time like 2026-01-05T08:00:00.000Z',
    ],
    ['recent', role(`"roleName":"Admin Access",${usedAt}`), `.roleName ${ROLE_RULE}`],
    ['favourites', '7', ' should be an object'],
  ];

  for (const [list, bad, why] of cases) {
    it(`${list}[2]${why}`, async () => {
      const text = `{"version":2,"sessions":[],"${list}":[${good[list]},${good[list]},${bad}]}`;
      await folder.writeRaw(text);
      const sentence = `${folder.file} has settings SSO Tray cannot read (${list}[2]${why}); fix or remove that entry.`;
      await expect(folder.settingsFile.read()).rejects.toThrow(new SsoTrayError('file-unreadable', sentence));
      await expect(folder.settingsFile.update((s) => toggleFavourite(s, admin))).rejects.toThrow(sentence);
      expect(await readFile(folder.file, 'utf8')).toBe(text);
    });
  }
});
