// The sentences a sync ends with, from real plans.
import { describe, expect, it } from 'vitest';
import type { SyncResult } from './config-sync.js';
import { syncSummary } from './sync-summary.js';

const profile = (name: string) => ({ profile: name, accountId: '111122223333', roleName: 'R', entries: [] });
const result = (over: Partial<SyncResult>): SyncResult => ({
  added: [],
  changed: [],
  removed: [],
  renamed: [],
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
      'Nothing to change: the profile in ~/.aws/config is up to date.',
    ]);
    expect(syncSummary(result({ skipped: [profile('x')] }), '~/.aws/config')[0]).toBe(
      'Nothing to change in ~/.aws/config.',
    );
  });

  it('says a profile renamed by a template change is renamed, not kept as unassigned', () => {
    const renamed = [
      { from: 'Payments.Admin', to: 'payments-admin' },
      { from: 'Payments.Dev', to: 'payments-dev' },
    ];
    expect(
      syncSummary(
        result({
          renamed,
          added: [...renamed.map((r) => profile(r.to)), profile('new-role')],
          removed: renamed.map((r) => ({ profile: r.from, before: [], after: [] })),
        }),
        '~/.aws/config',
      ),
    ).toEqual([
      'Renamed 2 profiles, added 1 in ~/.aws/config.',
      'Renamed as the template names them now (the roles are still assigned): Payments.Admin -> payments-admin, Payments.Dev -> payments-dev.',
    ]);
  });
});
