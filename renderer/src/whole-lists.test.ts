import { describe, expect, it } from 'vitest';
import type { Settings } from './api.js';
import { wholeListGroups } from './whole-lists.js';

const role = (session: string, accountId: string, roleName: string) => ({ session, accountId, roleName });
const used = (session: string, accountId: string, roleName: string) => ({
  ...role(session, accountId, roleName),
  usedAt: '2025-03-01T12:00:00Z',
});

function settings(favourites: Settings['favourites'], recent: Settings['recent']): Settings {
  return { favourites, recent } as Settings;
}

describe('the whole lists "More…" opens count what the tray counts', () => {
  it('every set-up session’s favourites, grouped in the sessions’ order, with their regions', () => {
    const s = settings(
      [
        role('globex', '222222222222', 'Admin'),
        { ...role('acme', '111111111111', 'ReadOnly'), region: 'eu-west-1' },
        role('gone', '333333333333', 'Admin'),
        role('globex', '444444444444', 'Dev'),
      ],
      [],
    );
    expect(wholeListGroups(s, ['acme', 'globex'], 'favourites')).toEqual([
      {
        session: 'acme',
        entries: [{ accountId: '111111111111', roleName: 'ReadOnly', region: 'eu-west-1' }],
      },
      {
        session: 'globex',
        entries: [
          { accountId: '222222222222', roleName: 'Admin' },
          { accountId: '444444444444', roleName: 'Dev' },
        ],
      },
    ]);
  });

  it('recent roles leave out favourites of the same session only, and sessions no longer set up', () => {
    const s = settings(
      [role('acme', '111111111111', 'Admin')],
      [
        used('globex', '111111111111', 'Admin'),
        used('acme', '111111111111', 'Admin'),
        used('gone', '111111111111', 'Admin'),
        used('acme', '111111111111', 'Dev'),
      ],
    );
    expect(wholeListGroups(s, ['acme', 'globex'], 'recent')).toEqual([
      { session: 'acme', entries: [{ accountId: '111111111111', roleName: 'Dev' }] },
      { session: 'globex', entries: [{ accountId: '111111111111', roleName: 'Admin' }] },
    ]);
    expect(wholeListGroups(s, [], 'recent')).toEqual([]);
  });
});
