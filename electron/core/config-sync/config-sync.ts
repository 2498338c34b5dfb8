// `config sync`: a profile for every role of a listing in ~/.aws/config, read, planned and written once under the
// file's lock (atomic replace, 0600 for a new file); a sync that changes nothing writes nothing.
import { fileLabel } from '../aws-files/file-label.js';
import { withFileLock, writeFileAtomic, type LockOptions } from '../aws-files/locked-write.js';
import { encodeText, readLosslessText } from '../aws-files/read-text-file.js';
import type { AwsPaths } from '../shapes/aws-shapes.js';
import type { AccountWithRoles } from '../shapes/front-end-shapes.js';
import { filePatch } from './file-patch.js';
import { planSync, type SyncOptions, type SyncPlan } from './sync-plan.js';

export interface SyncResult extends Omit<SyncPlan, 'text'> {
  /** The change as a unified diff of the file ('' when there is none). */
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
  // Read as every other edit of the file reads it: bytes that are not UTF-8 are kept byte for byte (config-edit.ts).
  const plan = async () => {
    const read = await readLosslessText(paths.configFile, paths.homeDir);
    const planned = planSync(read?.text ?? '', label, accounts, options);
    // A rewrite that cannot be encoded as the file was is refused here, before anything is written.
    const bytes =
      planned.text === undefined ? undefined : encodeText(planned.text, read?.encoding ?? 'utf8', label);
    return { planned, bytes, before: read?.text ?? '' };
  };
  const result = (p: SyncPlan, before: string, written: boolean): SyncResult => {
    const { text: after, ...rest } = p;
    return { ...rest, diff: filePatch(label, before, after), written };
  };
  if (options.dryRun) {
    const { planned, before } = await plan();
    return result(planned, before, false);
  }
  return withFileLock(
    paths.configFile,
    async () => {
      const { planned, bytes, before } = await plan();
      if (bytes !== undefined) await writeFileAtomic(paths.configFile, bytes, { defaultMode: 0o600 });
      return result(planned, before, bytes !== undefined);
    },
    options.lock,
  );
}
