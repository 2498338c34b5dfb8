// One writer at a time per file (proper-lockfile), and replacement that leaves the old or the new file, never a part.
import { mkdir, open, stat } from 'node:fs/promises';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import writeFileAtomicLib from 'write-file-atomic';
import { SsoTrayError } from '../errors.js';
import { fileLabel } from './file-label.js';

export interface LockOptions {
  /** How long to wait for another writer (default ~10 s). */
  waitMs?: number;
  /** A lock untouched this long belongs to a writer that died (default 5 s; proper-lockfile's minimum is 2 s). */
  staleMs?: number;
}

const RETRY = { minTimeout: 40, maxTimeout: 250, factor: 1.5 };

/** Enough retries of RETRY's growing delays to wait about `waitMs`. */
function retriesFor(waitMs: number): number {
  let waited = 0;
  let retries = 0;
  for (
    let delay = RETRY.minTimeout;
    waited < waitMs;
    delay = Math.min(delay * RETRY.factor, RETRY.maxTimeout)
  ) {
    waited += delay;
    retries += 1;
  }
  return retries;
}

/**
 * Runs `fn` holding `${file}.lock` (a missing file can be locked too); another holder past the wait gives
 * SsoTrayError('file-busy'). The AWS CLI does not lock, but every SSO Tray process and `credential_process` does.
 */
export async function withFileLock<T>(
  file: string,
  fn: () => Promise<T>,
  options: LockOptions = {},
): Promise<T> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const busy = () =>
    new SsoTrayError(
      'file-busy',
      `${fileLabel(file)} is being changed by another program; try again in a moment.`,
    );
  let compromised = false;
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(file, {
      realpath: false,
      stale: options.staleMs ?? 5_000,
      retries: { ...RETRY, retries: retriesFor(options.waitMs ?? 10_000) },
      // The default throws from a timer and would end the app.
      onCompromised: () => {
        compromised = true;
      },
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') throw busy();
    throw error;
  }
  try {
    const result = await fn();
    if (compromised) throw busy();
    return result;
  } finally {
    await release().catch(() => undefined);
  }
}

export interface AtomicWriteOptions {
  /** Mode of a new file (an existing file keeps its own); default 0600. */
  defaultMode?: number;
  /** Mode to set whatever the file had (token caches: always 0600). */
  mode?: number;
}

/** Temp file in the same folder, fsync, rename, then fsync of the folder; creates a missing folder 0700. */
export async function writeFileAtomic(
  file: string,
  text: string | Buffer,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const folder = path.dirname(file);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const exists = await stat(file).then(
    () => true,
    () => false,
  );
  const mode = options.mode ?? (exists ? undefined : (options.defaultMode ?? 0o600));
  // write-file-atomic copies an existing file's mode and owner when no mode is given.
  await writeFileAtomicLib(file, text, mode === undefined ? {} : { mode });
  await syncFolder(folder);
}

/** Makes the rename itself durable; some platforms cannot open a folder, and lose nothing but that. */
async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r').catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}
