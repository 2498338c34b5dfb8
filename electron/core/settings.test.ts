import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SsoTrayError } from './errors.js';
import { isValidProfileName } from './formats.js';
import {
  DEFAULT_SETTINGS,
  MAX_RECENT,
  SettingsFile,
  isFavourite,
  parseSessionConfig,
  parseSettings,
  profileNameFor,
  recordRecent,
  settingsSchema,
  toggleFavourite,
} from './settings.js';
import type { Settings } from './views.js';

let dir: string;
let settingsFile: SettingsFile;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'sso-tray-settings-'));
  settingsFile = new SettingsFile(path.join(dir, 'sso-tray'));
  file = path.join(dir, 'sso-tray', 'settings.json');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const acme = {
  name: 'acme',
  startUrl: 'https://d-1234567890.awsapps.com/start',
  region: 'eu-west-1',
  source: 'app' as const,
};
const admin = { sessionName: 'acme', accountId: '111122223333', roleName: 'AdministratorAccess' };
const readOnly = { sessionName: 'acme', accountId: '444455556666', roleName: 'ReadOnly' };

const unreadable = (why: string) =>
  new SsoTrayError(
    'file-unreadable',
    `${file} has settings SSO Tray cannot read (${why}); fix or delete it.`,
  );

async function writeRaw(text: string): Promise<void> {
  await settingsFile.update((s) => s); // creates the folder the way the app does
  await writeFile(file, text);
}

describe('defaults', () => {
  it('are what a new user starts with', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      version: 1,
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
    });
    expect(Object.isFrozen(DEFAULT_SETTINGS) && Object.isFrozen(DEFAULT_SETTINGS.sessions)).toBe(true);
  });

  it('come from a missing file, which reading does not create', async () => {
    const settings = await settingsFile.read();
    expect(settings).toEqual(DEFAULT_SETTINGS);
    settings.favourites.push(admin); // a copy: the defaults stay as they were
    expect(DEFAULT_SETTINGS.favourites).toEqual([]);
    await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('come from an empty file, and a byte-order mark is not content', async () => {
    await writeRaw('  \n');
    expect(await settingsFile.read()).toEqual(DEFAULT_SETTINGS);
    await writeFile(file, '\uFEFF{"version":1,"preferredSignIn":"device-code"}');
    expect((await settingsFile.read()).preferredSignIn).toBe('device-code');
  });
});

describe('the settings file', () => {
  it('round-trips: the bytes written, 0600 in a 0700 folder, and read back the same', async () => {
    const saved = await settingsFile.update((s) => ({
      ...s,
      sessions: [{ ...acme, registrationScopes: ['sso:account:access'] }],
      defaultRegion: 'eu-central-1',
      preferredSignIn: 'device-code',
    }));
    expect(await readFile(file, 'utf8')).toBe(`{
  "version": 1,
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
  "syncConfigProfiles": false
}
`);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(path.dirname(file))).mode & 0o777).toBe(0o700);
    expect(await new SettingsFile(path.join(dir, 'sso-tray')).read()).toEqual(saved);
    expect(settingsFile.file).toBe(file);
  });

  it('makes a file written by someone else 0600 on the next save', async () => {
    await writeRaw('{"version":1}');
    await chmod(file, 0o644);
    await settingsFile.update((s) => toggleFavourite(s, admin));
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('does not save invalid settings, and says why', async () => {
    await settingsFile.update((s) => ({ ...s, sessions: [acme] }));
    const before = await readFile(file, 'utf8');
    await expect(
      settingsFile.update((s) => ({ ...s, sessions: [...s.sessions, { ...acme, startUrl: 'http://x' }] })),
    ).rejects.toThrow(
      new SsoTrayError(
        'invalid-input',
        'The settings were not saved: sessions[1].startUrl must be an https:// address, like https://d-1234567890.awsapps.com/start.',
      ),
    );
    await expect(settingsFile.update((s) => ({ ...s, sessions: [acme, acme] }))).rejects.toThrow(
      'The settings were not saved: sessions[1].name is already used by another session.',
    );
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('keeps keys it does not know, such as electron-store internals', async () => {
    await writeRaw('{"version":1,"__internal__":{"migrations":{"version":"0.1.0"}},"accentColour":"teal"}');
    await settingsFile.update((s) => toggleFavourite(s, admin));
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({
      ...DEFAULT_SETTINGS,
      favourites: [admin],
      __internal__: { migrations: { version: '0.1.0' } },
      accentColour: 'teal',
    });
    expect(await settingsFile.read()).not.toHaveProperty('accentColour');
  });

  it('loses no update when many are made at once, from one or two writers', async () => {
    const other = new SettingsFile(path.join(dir, 'sso-tray'));
    const roles = Array.from({ length: 12 }, (_, i) => ({ ...admin, roleName: `Role${i}` }));
    await Promise.all(
      roles.map((role, i) => (i % 2 ? settingsFile : other).update((s) => toggleFavourite(s, role))),
    );
    const names = (await settingsFile.read()).favourites.map((f) => f.roleName).sort();
    expect(names).toEqual(roles.map((r) => r.roleName).sort());
  });
});

describe('a file SSO Tray cannot read gives one sentence', () => {
  const cases: Array<[string, string]> = [
    ['{"version":1', 'it is not valid JSON'],
    ['[]', 'it is not a JSON object'],
    ['{"version":"one"}', 'version should be a whole number'],
    [
      '{"version":1,"sessions":[{"name":"acme","startUrl":"http://d-1234567890.awsapps.com/start","region":"eu-west-1"}]}',
      'sessions[0].startUrl must be an https:// address, like https://d-1234567890.awsapps.com/start',
    ],
    [
      '{"version":1,"sessions":[{"name":"my session","startUrl":"https://a.awsapps.com/start","region":"eu-west-1"}]}',
      'sessions[0].name may use only letters, digits, dots, dashes and underscores',
    ],
    [
      '{"version":1,"sessions":[{"name":"a","startUrl":"https://a.awsapps.com/start","region":"Ireland"}]}',
      'sessions[0].region must look like us-east-1',
    ],
    ['{"version":1,"sessions":[{"name":"a","region":"eu-west-1"}]}', 'sessions[0].startUrl is missing'],
    ['{"version":1,"removeProfilesOnSignOut":"yes"}', 'removeProfilesOnSignOut should be a boolean'],
    ['{"version":1,"preferredSignIn":"sms"}', 'preferredSignIn must be "browser" or "device-code"'],
    ['{"version":1,"favourites":{}}', 'favourites should be a list'],
    ['{"version":1,"favourites":[7]}', 'favourites[0] should be an object'],
    [
      '{"version":1,"favourites":[{"sessionName":"acme","accountId":"1111","roleName":"Admin"}]}',
      'favourites[0].accountId must be 12 digits',
    ],
    [
      '{"version":1,"recent":[{"sessionName":"acme","accountId":"111122223333","roleName":"A","usedAt":"yesterday"}]}',
      'recent[0].usedAt must be a time like 2026-01-05T08:00:00.000Z',
    ],
    [
      '{"version":1,"profileNameTemplate":"{account}-{roleName}"}',
      'profileNameTemplate may use only {accountId}, {accountName}, {roleName} and {session}, not {account}',
    ],
    ['{"version":1,"profileNameTemplate":""}', 'profileNameTemplate must not be empty'],
  ];

  for (const [text, why] of cases) {
    it(why, async () => {
      await writeRaw(text);
      await expect(settingsFile.read()).rejects.toThrow(unreadable(why));
      await expect(settingsFile.update((s) => s)).rejects.toMatchObject({ code: 'file-unreadable' });
      expect(await readFile(file, 'utf8')).toBe(text); // never overwritten
    });
  }

  it('asks to update SSO Tray when a newer one wrote the file', async () => {
    await writeRaw('{"version":2}');
    await expect(settingsFile.read()).rejects.toThrow(
      new SsoTrayError(
        'file-unreadable',
        `${file} has settings SSO Tray cannot read (version 2 is from a newer SSO Tray); update SSO Tray or delete the file.`,
      ),
    );
  });

  it('names the file as given to parseSettings', () => {
    expect(() => parseSettings(null)).toThrow(
      'settings.json has settings SSO Tray cannot read (it is not a JSON object); fix or delete it.',
    );
  });
});

describe('older and partial files are migrated', () => {
  it('fills every missing field of a file from before versions', () => {
    expect(parseSettings({ favourites: [admin], shareTokenCacheWithAwsCli: false })).toEqual({
      ...DEFAULT_SETTINGS,
      favourites: [admin],
      shareTokenCacheWithAwsCli: false,
    });
    expect(parseSettings({})).toEqual(DEFAULT_SETTINGS);
  });

  it('gives a session without a source the source "app"', () => {
    const { source: _source, ...bare } = acme;
    expect(parseSettings({ version: 1, sessions: [bare] }).sessions).toEqual([acme]);
  });

  it(`keeps only the ${MAX_RECENT} newest recent roles`, () => {
    const recent = Array.from({ length: 14 }, (_, i) => ({
      ...admin,
      roleName: `Role${i}`,
      usedAt: `2026-01-05T08:${String(59 - i).padStart(2, '0')}:00.000Z`,
    }));
    const parsed = parseSettings({ version: 1, recent });
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
    expect(parseSettings({ version: 1, accentColour: 'teal' })).toEqual(DEFAULT_SETTINGS);
    expect(settingsSchema.parse({ version: 1 })).toEqual(DEFAULT_SETTINGS);
  });
});

describe('a session the user enters', () => {
  it('is accepted with its source and scopes', () => {
    expect(
      parseSessionConfig({ ...acme, source: undefined, registrationScopes: ['sso:account:access'] }),
    ).toEqual({ ...acme, registrationScopes: ['sso:account:access'] });
    expect(parseSessionConfig({ ...acme, name: 'Acme_prod.2-eu', region: 'us-gov-west-1' }).name).toBe(
      'Acme_prod.2-eu',
    );
  });

  const sentences: Array<[object, string]> = [
    [
      { ...acme, name: 'acme/prod' },
      'The session name may use only letters, digits, dots, dashes and underscores.',
    ],
    [{ ...acme, name: '' }, 'The session name may use only letters, digits, dots, dashes and underscores.'],
    [{ ...acme, name: undefined }, 'The session name is missing.'],
    [
      { ...acme, startUrl: 'http://d-1234567890.awsapps.com/start' },
      'The start URL must be an https:// address, like https://d-1234567890.awsapps.com/start.',
    ],
    [
      { ...acme, startUrl: 'd-1234567890.awsapps.com/start' },
      'The start URL must be an https:// address, like https://d-1234567890.awsapps.com/start.',
    ],
    [{ ...acme, region: 'us-east' }, 'The region must look like us-east-1.'],
    [{ ...acme, registrationScopes: [''] }, 'Each registration scope must not be empty.'],
  ];
  for (const [input, sentence] of sentences) {
    it(`is refused: ${sentence}`, () => {
      expect(() => parseSessionConfig(input)).toThrow(new SsoTrayError('invalid-input', sentence));
    });
  }
});

describe('profile names from the template', () => {
  const role = { accountId: '111122223333', accountName: 'Acme Prod', roleName: 'ReadOnly', session: 'acme' };

  it('renders each placeholder', () => {
    expect(profileNameFor('{accountId}_{roleName}', role)).toBe('111122223333_ReadOnly');
    expect(profileNameFor('{session}.{accountName}.{roleName}', role)).toBe('acme.Acme-Prod.ReadOnly');
    expect(profileNameFor('{accountName}', { ...role, accountName: '  Acme \t [EU]  Prod ' })).toBe(
      'Acme-EU-Prod',
    );
    expect(profileNameFor('{accountName}-{other}', role)).toBe('Acme-Prod-{other}');
  });

  it('falls back to the portal name when nothing usable is left', () => {
    expect(profileNameFor('[]', role)).toBe('111122223333_ReadOnly');
    expect(profileNameFor('__proto__', role)).toBe('111122223333_ReadOnly');
  });

  it('always gives a name the credentials file can hold (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 20 }),
        fc.string({ unit: 'binary', maxLength: 20 }),
        fc.stringMatching(/^[\w+=,.@-]{1,32}$/),
        fc.string({ maxLength: 10 }),
        (template, accountName, roleName, session) => {
          const name = profileNameFor(template, {
            accountId: '111122223333',
            accountName,
            roleName,
            session,
          });
          expect(isValidProfileName(name)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('favourites and recent roles', () => {
  const base: Settings = structuredClone(DEFAULT_SETTINGS);

  it('toggles a favourite on at the end and off again, without changing its input', () => {
    const one = toggleFavourite(base, readOnly);
    const two = toggleFavourite(one, { ...admin, session: 'acme' } as typeof admin);
    expect(two.favourites).toEqual([readOnly, admin]);
    expect(isFavourite(two, admin)).toBe(true);
    const three = toggleFavourite(two, readOnly);
    expect(three.favourites).toEqual([admin]);
    expect(isFavourite(three, readOnly)).toBe(false);
    expect(base.favourites).toEqual([]);
    expect(one.favourites).toEqual([readOnly]);
  });

  it('puts the last used role first, once, and keeps the newest ten', () => {
    const at = (minute: number) => new Date(Date.UTC(2026, 0, 5, 8, minute));
    let s = recordRecent(base, admin, at(0));
    s = recordRecent(s, readOnly, at(1));
    s = recordRecent(s, admin, at(2));
    expect(s.recent).toEqual([
      { ...admin, usedAt: '2026-01-05T08:02:00.000Z' },
      { ...readOnly, usedAt: '2026-01-05T08:01:00.000Z' },
    ]);
    for (let i = 0; i < 12; i++) s = recordRecent(s, { ...admin, roleName: `Role${i}` }, at(10 + i));
    expect(s.recent.map((r) => r.roleName)).toEqual([
      'Role11',
      'Role10',
      'Role9',
      'Role8',
      'Role7',
      'Role6',
      'Role5',
      'Role4',
      'Role3',
      'Role2',
    ]);
    expect(base.recent).toEqual([]);
  });

  it('are saved through the file', async () => {
    await settingsFile.update((s) => recordRecent(toggleFavourite(s, admin), readOnly, new Date(0)));
    const read = await settingsFile.read();
    expect(read.favourites).toEqual([admin]);
    expect(read.recent).toEqual([{ ...readOnly, usedAt: '1970-01-01T00:00:00.000Z' }]);
  });
});
