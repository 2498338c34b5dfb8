// The sentences a sync ends with, from real plans.
import { describe, expect, it } from 'vitest';
import type { SyncResult } from './config-sync.js';
import { syncSummary } from './sync-summary.js';

const profile = (name: string) => ({ profile: name, accountId: '111122223333', roleName: 'R', entries: [] });
const result = (over: Partial<SyncResult>): SyncResult => ({
  added: [],
  changed: [],
  removed: [],
  stale: [],
  skipped: [],
  unchanged: 0,
  diff: '',
  written: false,
  ...over,
});

describe('the summary of a sync', () => {
  it('counts what changed, and names what was kept and skipped', () => {
    expect(
      syncSummary(
        result({
          added: [profile('a'), profile('b')],
          changed: [{ profile: 'c', before: [], after: [] }],
          unchanged: 4,
          stale: ['old.Admin'],
          skipped: ['x', 'y', 'z', 'u', 'v', 'w'].map(profile),
        }),
        '~/.aws/config',
      ),
    ).toEqual([
      'Added 2 profiles, changed 1 in ~/.aws/config (4 already up to date).',
      'Kept 1 profile whose role is no longer assigned (old.Admin); pruning removes it.',
      'Skipped 6 profiles whose name is taken by a profile SSO Tray did not write (x, y, z, u, v and 1 more); rename them there or change the template.',
    ]);
  });

  it('says what a dry run would do, and when there is nothing to do', () => {
    expect(
      syncSummary(result({ removed: [{ profile: 'gone', before: [], after: [] }] }), '~/.aws/config', true),
    ).toEqual(['A sync would remove 1 profile in ~/.aws/config.']);
    expect(syncSummary(result({ unchanged: 1 }), '~/.aws/config')).toEqual([
      '~/.aws/config already has 1 profile for every role; nothing to change.',
    ]);
    expect(syncSummary(result({ skipped: [profile('x')] }), '~/.aws/config')[0]).toBe(
      'Nothing to change in ~/.aws/config.',
    );
  });
});
