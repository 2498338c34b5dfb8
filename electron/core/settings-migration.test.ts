import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, MAX_RECENT, settingsSchema } from './settings-schema.js';
import { parseSettings } from './settings-migration.js';

const acme = {
  name: 'acme',
  startUrl: 'https://d-1234567890.awsapps.com/start',
  region: 'eu-west-1',
  source: 'app' as const,
};
const admin = { sessionName: 'acme', accountId: '111122223333', roleName: 'AdministratorAccess' };

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
