import { describe, expect, it } from 'vitest';
import { isFavourite, recordRecent, toggleFavourite } from './recent-roles.js';
import { DEFAULT_SETTINGS } from './settings-schema.js';
import type { Settings } from '../shapes/front-end-shapes.js';
import { adminRole as admin, useSettingsFolder } from '../../../e2e/support/settings-folder.js';

const folder = useSettingsFolder();

const readOnly = { session: 'acme', accountId: '444455556666', roleName: 'ReadOnly' };

describe('favourites and recent roles', () => {
  const base: Settings = structuredClone(DEFAULT_SETTINGS);

  it('toggles a favourite on at the end and off again, without changing its input', () => {
    const one = toggleFavourite(base, readOnly);
    const two = toggleFavourite(one, { ...admin, accountName: 'Acme' } as typeof admin);
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
    await folder.settingsFile.update((s) => recordRecent(toggleFavourite(s, admin), readOnly, new Date(0)));
    const read = await folder.settingsFile.read();
    expect(read.favourites).toEqual([admin]);
    expect(read.recent).toEqual([{ ...readOnly, usedAt: '1970-01-01T00:00:00.000Z' }]);
  });
});
