// One writer at a time per file (proper-lockfile), and replacement that leaves the old or the new file, never a part.
import lockfile from 'proper-lockfile';
import { fileSystemError, SsoTrayError } from '../errors.js';
import { writeTarget } from './atomic-write.js';
import { fileLabel } from './file-label.js';
import { trackWrite } from './writes-in-flight.js';

export { writeFileAtomic } from './atomic-write.js';

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
 * Runs `fn` holding `${real file}.lock` (a missing file can be locked too; a symlink and its target share one lock);
 * another holder past the wait gives SsoTrayError('file-busy'). The AWS CLI does not lock, but every SSO Tray
 * process and `credential_process` does.
 */
export function withFileLock<T>(file: string, fn: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  return trackWrite(holdingLock(file, fn, options));
}

async function holdingLock<T>(file: string, fn: () => Promise<T>, options: LockOptions): Promise<T> {
  const target = await writeTarget(file).catch((error: unknown) => {
    throw fileSystemError(error, fileLabel(file), 'lock');
  });
  const busy = () =>
    new SsoTrayError(
      'file-busy',
      `${fileLabel(file)} is being changed by another program; try again in a moment.`,
    );
  let compromised = false;
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(target, {
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
    throw fileSystemError(error, fileLabel(file), 'lock');
  }
  try {
    const result = await fn();
    if (compromised) throw busy();
    return result;
  } finally {
    await release().catch(() => undefined);
  }
}
