// `config sync`: a profile for every role of a listing in ~/.aws/config, read, planned and written once under the
// file's lock (atomic replace, 0600 for a new file); a sync that changes nothing writes nothing.
import { readFile } from 'node:fs/promises';
import { SsoTrayError } from '../errors.js';
import { fileLabel } from '../aws-files/file-label.js';
import { withFileLock, writeFileAtomic, type LockOptions } from '../aws-files/locked-write.js';
import { readTextFile } from '../aws-files/read-text-file.js';
import type { AwsPaths } from '../types.js';
import type { AccountWithRoles } from '../views.js';
import { syncDiff } from './sync-diff.js';
import { planSync, type SyncOptions, type SyncPlan } from './sync-plan.js';

export interface SyncResult extends Omit<SyncPlan, 'text'> {
  /** The change as a diff ('' when there is none). */
  diff: string;
  /** Whether the file was replaced (never on a dry run or when nothing changed). */
  written: boolean;
}

export async function syncConfigProfiles(
  paths: Pick<AwsPaths, 'configFile' | 'homeDir'>,
  accounts: AccountWithRoles[],
  options: SyncOptions & { dryRun?: boolean; lock?: LockOptions },
): Promise<SyncResult> {
  const label = fileLabel(paths.configFile, paths.homeDir);
  const plan = async (): Promise<SyncPlan> =>
    planSync(await readUtf8(paths.configFile, paths.homeDir, label), label, accounts, options);
  const result = (p: SyncPlan, written: boolean): SyncResult => {
    const { text: _text, ...rest } = p;
    return { ...rest, diff: syncDiff(p, label), written };
  };
  if (options.dryRun) return result(await plan(), false);
  return withFileLock(
    paths.configFile,
    async () => {
      const planned = await plan();
      if (planned.text !== undefined)
        await writeFileAtomic(paths.configFile, planned.text, { defaultMode: 0o600 });
      return result(planned, planned.text !== undefined);
    },
    options.lock,
  );
}

/** The file's text, '' when missing; bytes that are not UTF-8 would not survive a rewrite, so such a file is refused. */
async function readUtf8(file: string, homeDir: string, label: string): Promise<string> {
  const text = (await readTextFile(file, homeDir)) ?? '';
  if (text.includes('\uFFFD') && !Buffer.from(text, 'utf8').equals(await readFile(file)))
    throw new SsoTrayError(
      'file-unreadable',
      `${label} is not UTF-8 text, so SSO Tray will not rewrite it; save it as UTF-8, then sync again.`,
    );
  return text;
}
