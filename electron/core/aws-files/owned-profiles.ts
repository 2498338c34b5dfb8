// The record of the credentials-file profiles SSO Tray wrote: appDataDir/owned-profiles.json, 0600, one map per file.
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import * as z from 'zod';
import { SsoTrayError } from '../errors.js';
import { fileLabel } from './file-label.js';
import { withFileLock, writeFileAtomic, type LockOptions } from './locked-write.js';
import { readTextFile } from './read-text-file.js';

export type { OwnedProfile } from '../shapes/front-end-shapes.js';

/** Older records name the session `sessionName`: read as `session`, and the next update writes the new form. */
const renamedSession = (entry: unknown): unknown => {
  if (typeof entry !== 'object' || entry === null || !('sessionName' in entry)) return entry;
  const { sessionName, ...rest } = entry as Record<string, unknown>;
  return { session: sessionName, ...rest };
};

const ownedProfileSchema = z.object({
  profile: z.string(),
  session: z.string(),
  accountId: z.string(),
  roleName: z.string(),
  keepFresh: z.boolean(),
  expiration: z.string(),
  writtenAt: z.string(),
});
const recordSchema = z.object({
  version: z.literal(1),
  /** Resolved credentials-file path -> profile -> what was written. */
  files: z.record(z.string(), z.record(z.string(), z.preprocess(renamedSession, ownedProfileSchema))),
});
export type OwnedProfilesByFile = z.infer<typeof recordSchema>['files'];

/** One key per credentials file however it is spelled, so two AWS_SHARED_CREDENTIALS_FILE targets never mix. */
export async function credentialsFileKey(file: string): Promise<string> {
  const resolved = path.resolve(file);
  const folder = await realpath(path.dirname(resolved)).catch(() => path.dirname(resolved));
  return path.join(folder, path.basename(resolved));
}

export class OwnedProfilesRecord {
  readonly file: string;

  constructor(
    appDataDir: string,
    private readonly lock: LockOptions = {},
  ) {
    this.file = path.join(appDataDir, 'owned-profiles.json');
  }

  async read(): Promise<OwnedProfilesByFile> {
    const text = await readTextFile(this.file);
    if (text === undefined) return {};
    try {
      return recordSchema.parse(JSON.parse(text)).files;
    } catch (error) {
      throw new SsoTrayError(
        'file-unreadable',
        `SSO Tray's record of the profiles it wrote (${fileLabel(this.file)}) cannot be read; delete that file and write the profiles again.`,
        { cause: error },
      );
    }
  }

  /** Read, change, write under the record's own lock (taken after the credentials file's: one order, no deadlock). */
  async update(change: (files: OwnedProfilesByFile) => void): Promise<void> {
    await withFileLock(this.file, async () => {
      const files = await this.read();
      change(files);
      for (const [key, profiles] of Object.entries(files))
        if (Object.keys(profiles).length === 0) delete files[key];
      await writeFileAtomic(this.file, `${JSON.stringify({ version: 1, files }, null, 2)}\n`, {
        mode: 0o600,
      });
    });
  }
}
